package org.lararena.ontology;

import java.util.Objects;

/**
 * One concept of the ontology's {@code scheme:dokumenttyper}.
 *
 * @param notation      its short code ({@code skos:notation}), as the API, the upload form and the records spell it
 * @param labelSv       its Swedish preferred label ("Intervju")
 * @param namesSpeakers whether its text is speaker turns naming people ({@code lar:namesSpeakers}): such a document
 *                      is split into turns, restricted unless the uploader says otherwise, and its original is for
 *                      researchers only
 */
public record DocumentType(String notation, String labelSv, boolean namesSpeakers) {

    public DocumentType {
        Objects.requireNonNull(notation, "notation");
        Objects.requireNonNull(labelSv, "labelSv");
    }
}
