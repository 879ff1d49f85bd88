package org.lararena.ingest.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.lararena.ontology.OntologyLoader;

/**
 * What the platform knows of one uploaded document. Immutable: every change makes a new record, written
 * atomically by {@link DocumentStore}.
 *
 * @param duplicateOf the id of the earlier document with the same bytes, when {@code status} is duplicate
 * @param retriedAs   the id of the new attempt at a failed document, made when its bytes were uploaded again
 * @param partOf      the id of the archive or mailbox the document was unpacked from, or null for an upload
 * @param pathInArchive where in that archive it lay ({@code rapporter/plan.docx}), or null for an upload
 */
public record DocumentRecord(
        String id,
        String filename,
        String title,
        String type,
        String pilot,
        String date,
        Visibility visibility,
        String sha256,
        long size,
        String uploadedBy,
        Instant uploadedAt,
        DocumentStatus status,
        String error,
        String duplicateOf,
        int passages,
        String language,
        String retriedAs,
        String partOf,
        String pathInArchive) {

    /** A record that was never retried. */
    public DocumentRecord(String id, String filename, String title, String type, String pilot, String date, Visibility visibility,
                          String sha256, long size, String uploadedBy, Instant uploadedAt, DocumentStatus status, String error,
                          String duplicateOf, int passages, String language) {
        this(id, filename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt, status, error, duplicateOf,
                passages, language, null, null, null);
    }

    public DocumentRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(filename);
        Objects.requireNonNull(visibility);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(status);
    }

    /**
     * Whether the document's type is one whose text is speaker turns naming people (the ontology's
     * {@code lar:namesSpeakers}: interviews, transcripts): the speakers are pseudonymised for everyone but
     * researchers, so only researchers may have the original bytes. Records are read everywhere without an ontology
     * at hand; the application runs on the shipped one.
     */
    public boolean namesSpeakers() {
        return OntologyLoader.shipped().namesSpeakers(type);
    }

    public DocumentRecord withStatus(DocumentStatus newStatus, String newError) {
        return new DocumentRecord(id, filename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt,
                newStatus, newError, duplicateOf, passages, language, retriedAs, partOf, pathInArchive);
    }

    /** What a person calls the document: its title, else its file name. */
    public String shownTitle() {
        return title != null && !title.isBlank() ? title : filename;
    }

    public DocumentRecord withFilename(String newFilename) {
        return new DocumentRecord(id, newFilename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt,
                status, error, duplicateOf, passages, language, retriedAs, partOf, pathInArchive);
    }

    public DocumentRecord withVisibility(Visibility newVisibility) {
        return new DocumentRecord(id, filename, title, type, pilot, date, newVisibility, sha256, size, uploadedBy, uploadedAt,
                status, error, duplicateOf, passages, language, retriedAs, partOf, pathInArchive);
    }

    /** What the content told of the document (type, title, date, pilot, language). */
    public DocumentRecord describedAs(String newType, String newTitle, String newDate, String newPilot, String newLanguage) {
        return new DocumentRecord(id, filename, newTitle, newType, newPilot, newDate, visibility, sha256, size, uploadedBy, uploadedAt,
                status, error, duplicateOf, passages, newLanguage, retriedAs, partOf, pathInArchive);
    }

    public DocumentRecord withPassages(int count) {
        return new DocumentRecord(id, filename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt,
                status, error, duplicateOf, count, language, retriedAs, partOf, pathInArchive);
    }

    /** The failed record once its bytes were uploaded again as {@code attemptId}. */
    public DocumentRecord retriedAs(String attemptId) {
        return new DocumentRecord(id, filename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt,
                status, error, duplicateOf, passages, language, attemptId, partOf, pathInArchive);
    }

    /** The record of a document unpacked from the archive or mailbox {@code archiveId}, where it lay at {@code path}. */
    public DocumentRecord asPartOf(String archiveId, String path) {
        return new DocumentRecord(id, filename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt,
                status, error, duplicateOf, passages, language, retriedAs, archiveId, path);
    }

    public DocumentRecord asDuplicateOf(String originalId) {
        return new DocumentRecord(id, filename, title, type, pilot, date, visibility, sha256, size, uploadedBy, uploadedAt,
                DocumentStatus.DUPLICATE, null, originalId, passages, language, retriedAs, partOf, pathInArchive);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id).put("filename", filename).put("title", title).put("type", type).put("pilot", pilot)
                .put("date", date).put("visibility", visibility.wireName()).put("sha256", sha256).put("size", size)
                .put("uploadedBy", uploadedBy).put("uploadedAt", uploadedAt == null ? null : uploadedAt.toString())
                .put("status", status.wireName()).put("error", error).put("duplicateOf", duplicateOf).put("passages", passages).put("language", language)
                .put("retriedAs", retriedAs).put("partOf", partOf).put("pathInArchive", pathInArchive);
    }

    public static DocumentRecord fromJson(JsonObject json) {
        String uploadedAt = json.getString("uploadedAt");
        return new DocumentRecord(json.getString("id"), json.getString("filename"), json.getString("title"),
                json.getString("type"), json.getString("pilot"), json.getString("date"),
                Visibility.parse(json.getString("visibility", "restricted")), json.getString("sha256"),
                json.getLong("size", 0L), json.getString("uploadedBy"), uploadedAt == null ? null : Instant.parse(uploadedAt),
                DocumentStatus.valueOf(json.getString("status").toUpperCase(Locale.ROOT)), json.getString("error"),
                json.getString("duplicateOf"), json.getInteger("passages", 0), json.getString("language"),
                json.getString("retriedAs"), json.getString("partOf"), json.getString("pathInArchive"));
    }
}
