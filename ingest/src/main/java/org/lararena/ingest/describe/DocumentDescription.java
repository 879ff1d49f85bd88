package org.lararena.ingest.describe;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What Lärarena knows about a document as a whole.
 *
 * @param documentType the notation of one of the ontology's document types ({@code intervju}, {@code rapport}, …)
 * @param title        the title: from the upload, else the file's metadata, else its first heading or line
 * @param date         the date: from the upload, else the first date in the text's opening, else the file's
 *                     creation date; {@code null} when none is known
 * @param pilotRegion  the notation of the ontology's pilot the document is predominantly about ({@code varmland}),
 *                     or {@code null} when no pilot clearly predominates
 * @param language     {@code sv} or {@code en}, or {@code null} when the text gives too little to tell
 * @param sizeBytes    the size of the original file
 * @param sha256       the SHA-256 of the original bytes, in lower-case hex
 */
public record DocumentDescription(String documentType, String title, LocalDate date, String pilotRegion, String language,
        long sizeBytes, String sha256) {

    public DocumentDescription {
        Objects.requireNonNull(documentType);
        Objects.requireNonNull(title);
        Objects.requireNonNull(sha256);
    }
}
