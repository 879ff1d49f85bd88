package org.lararena.ingest.extract;

import java.time.Instant;

/**
 * What the file says about itself. Every field is {@code null} when the file does not say; the values are the
 * file's own claims (an office suite often stamps {@code en-US} on a Swedish text), not checked facts.
 *
 * @param title    the document's title property, or an e-mail's subject
 * @param author   its author or creator, or an e-mail's sender
 * @param created  when it says it was created, or an e-mail's date
 * @param language the language tag it declares, such as {@code sv-SE}
 */
public record DocumentMetadata(String title, String author, Instant created, String language) {

    /** Metadata of a file that says nothing about itself. */
    public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null);
}
