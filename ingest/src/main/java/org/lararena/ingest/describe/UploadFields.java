package org.lararena.ingest.describe;

import java.time.LocalDate;

/**
 * What the uploader said about a document; every field may be {@code null} (not given).
 *
 * @param documentType the notation of one of the ontology's document types ({@code Ontology.documentTypes()},
 *                     e.g. {@code intervju}); Swedish spellings with å, ä, ö and capitals are accepted
 * @param title        the document's title
 * @param date         the date the document is about or was written
 * @param filename     the name the file was uploaded with
 * @param pilot        the pilot the document comes from, as the uploader named it
 */
public record UploadFields(String documentType, String title, LocalDate date, String filename, String pilot) {

    /** An upload that said nothing. */
    public static final UploadFields NONE = new UploadFields(null, null, null, null, null);

    /** An upload that named no pilot. */
    public UploadFields(String documentType, String title, LocalDate date, String filename) {
        this(documentType, title, date, filename, null);
    }
}
