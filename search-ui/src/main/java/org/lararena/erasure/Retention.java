package org.lararena.erasure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.lararena.platform.shared.AtomicFiles;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * Retention dates and the report of what is due. A document's date is the one a data steward set for it
 * ({@code <data dir>/erasures/retention.json}), else its type's years ({@code LARARENA_RETENTION_YEARS}) counted from
 * the project's end ({@code LARARENA_PROJECT_END}), else from the document's own date, else its upload. Nothing is
 * erased by the date alone: the due documents are erased when a steward confirms them, through {@link Erasure}.
 * Blocking where it writes; thread-safe.
 */
public final class Retention {

    /** Erases documents under one tombstone: {@link Erasure#eraseDocuments}. */
    @FunctionalInterface
    public interface Eraser {
        Tombstone erase(List<String> documentIds, String reason, String erasedBy);
    }

    /** The reason a tombstone of a retention erasure gives unless the steward writes one. */
    static final String DEFAULT_REASON = "Gallring: lagringstiden har gått ut";

    private final DocumentStore documents;
    private final LararenaConfig.Retention rules;
    private final Path datesFile;
    private final Eraser eraser;
    private final Clock clock;
    private final Map<String, LocalDate> setDates = new TreeMap<>();

    public Retention(DocumentStore documents, LararenaConfig.Retention rules, Path dataDir, Eraser eraser, Clock clock) {
        this.documents = Objects.requireNonNull(documents);
        this.rules = Objects.requireNonNull(rules);
        this.datesFile = dataDir.resolve(ErasureLog.FOLDER).resolve("retention.json");
        this.eraser = Objects.requireNonNull(eraser);
        this.clock = Objects.requireNonNull(clock);
        try {
            Files.createDirectories(datesFile.getParent());
            if (Files.isRegularFile(datesFile)) {
                new JsonObject(Files.readString(datesFile)).forEach(e -> setDates.put(e.getKey(), LocalDate.parse(String.valueOf(e.getValue()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the retention dates " + datesFile + " could not be read", e);
        }
    }

    /** A document's retention date and where it comes from ("document", "type"); empty when it is kept without end. */
    public record Dated(LocalDate until, String basis) {
    }

    public synchronized Optional<Dated> retentionOf(DocumentRecord record) {
        LocalDate set = setDates.get(record.id());
        if (set != null) {
            return Optional.of(new Dated(set, "document"));
        }
        Integer years = record.type() == null ? null : rules.yearsByType().get(record.type());
        if (years == null) {
            return Optional.empty();
        }
        LocalDate from = rules.projectEnd().or(() -> ownDate(record))
                .orElseGet(() -> record.uploadedAt() == null ? LocalDate.now(clock) : record.uploadedAt().atZone(ZoneOffset.UTC).toLocalDate());
        return Optional.of(new Dated(from.plusYears(years), "type"));
    }

    /** Sets (or with {@code null}, clears) one document's own retention date; 404 for an unknown document, 400 for a bad date. */
    public synchronized JsonObject setDate(String documentId, String until) {
        DocumentRecord record = documents.find(documentId).orElseThrow(() -> LararenaException.notFound("there is no document with the id " + documentId));
        if (until == null) {
            setDates.remove(documentId);
        } else {
            try {
                setDates.put(documentId, LocalDate.parse(until));
            } catch (DateTimeParseException e) {
                throw LararenaException.badRequest("until must be a date as YYYY-MM-DD (got '" + until + "')");
            }
        }
        JsonObject stored = new JsonObject();
        setDates.forEach((id, date) -> stored.put(id, date.toString()));
        try {
            AtomicFiles.write(datesFile, stored.encodePrettily(), true);
        } catch (IOException e) {
            throw LararenaException.unavailable("the retention date could not be written: " + e.getMessage(), e);
        }
        return item(record, retentionOf(record).orElse(null));
    }

    /** {@code {asOf, due: [...], later: [...]}}: every document with a retention date, due (today or before) or later, soonest first. */
    public synchronized JsonObject report() {
        LocalDate today = LocalDate.now(clock);
        List<JsonObject> due = new ArrayList<>();
        List<JsonObject> later = new ArrayList<>();
        for (DocumentRecord record : documents.all()) {
            retentionOf(record).ifPresent(dated -> (dated.until().isAfter(today) ? later : due).add(item(record, dated)));
        }
        due.sort(Comparator.comparing(item -> item.getString("retainUntil")));
        later.sort(Comparator.comparing(item -> item.getString("retainUntil")));
        return new JsonObject().put("asOf", today.toString()).put("due", new JsonArray(due)).put("later", new JsonArray(later));
    }

    /**
     * Erases the confirmed documents, every one of which must be due: 409 naming one that is not (or has no
     * retention date), 404 for an unknown one; nothing is erased then.
     */
    public Tombstone eraseDue(List<String> documentIds, String reason, String erasedBy) {
        LocalDate today = LocalDate.now(clock);
        for (String id : documentIds) {
            DocumentRecord record = documents.find(id).orElseThrow(() ->
                    LararenaException.notFound("there is no document with the id " + id + "; nothing was erased"));
            Optional<Dated> dated = retentionOf(record);
            if (dated.isEmpty() || dated.get().until().isAfter(today)) {
                throw new LararenaException(409, "conflict", "\"" + record.shownTitle() + "\" is not due for erasure ("
                        + dated.map(d -> "kept until " + d.until()).orElse("it has no retention date") + "); nothing was erased");
            }
        }
        Tombstone tombstone = eraser.erase(documentIds, reason == null || reason.isBlank() ? DEFAULT_REASON : reason, erasedBy);
        synchronized (this) {
            documentIds.forEach(setDates::remove);
        }
        return tombstone;
    }

    private static Optional<LocalDate> ownDate(DocumentRecord record) {
        if (record.date() == null) {
            return Optional.empty();
        }
        try {
            String date = record.date();
            return Optional.of(date.length() == 4 ? LocalDate.of(Integer.parseInt(date), 12, 31)
                    : date.length() == 7 ? LocalDate.parse(date + "-01").plusMonths(1).minusDays(1) : LocalDate.parse(date));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonObject item(DocumentRecord record, Dated dated) {
        return new JsonObject().put("documentId", record.id()).put("title", record.shownTitle()).put("type", record.type())
                .put("retainUntil", dated == null ? null : dated.until().toString()).put("basis", dated == null ? null : dated.basis());
    }
}
