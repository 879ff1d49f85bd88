package org.lararena.ingest.store;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.lararena.platform.DiskFull;
import org.lararena.platform.LararenaException;
import org.lararena.platform.Sha256;

/**
 * Originals, content-addressed under {@code originals/ab/abcdef…}, and one JSON record per document under
 * {@code records/}. Every write goes to a temporary file first and is moved into place, so a crash never
 * leaves a half-written record or original. Records are kept in memory as well: reading them ({@link #find},
 * {@link #all}) takes no lock and touches no file, so it may be done on an event loop; everything else blocks
 * (call from worker threads), and writers take turns on one lock that readers never wait for.
 */
public final class DocumentStore {

    private final Path originals;
    private final Path records;
    private final Path passages;
    private final Map<String, DocumentRecord> byId = new ConcurrentHashMap<>();
    /**
     * Which document holds each content: the earliest that has not failed (indexed or on its way). A new upload of
     * those bytes is a duplicate of it; bytes whose every document failed are processed again. Guarded by
     * {@link #writing}.
     */
    private final Map<String, String> firstIdBySha = new HashMap<>();
    private final Object writing = new Object();
    private final PendingIndexing pendingIndexing;
    private static final Comparator<DocumentRecord> BY_UPLOAD = Comparator.comparing(DocumentRecord::uploadedAt,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(DocumentRecord::id);

    public DocumentStore(Path root) {
        this.originals = root.resolve("originals");
        this.records = root.resolve("records");
        this.passages = root.resolve("passages");
        this.pendingIndexing = new PendingIndexing(root.resolve("pending-indexing"));
        try {
            Files.createDirectories(originals);
            Files.createDirectories(records);
            Files.createDirectories(passages);
            try (Stream<Path> files = Files.list(records)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(this::load);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the document store in " + root, e);
        }
        all().stream().filter(r -> r.status() != DocumentStatus.DUPLICATE && r.status() != DocumentStatus.FAILED)
                .forEach(r -> firstIdBySha.putIfAbsent(r.sha256(), r.id()));
    }

    /** What the uploader said of a document; every field may be absent. */
    public record UploadFields(String title, String type, String pilot, String date, Visibility visibility) {
    }

    /**
     * Stores {@code content} as a new document and returns its record: {@code queued}, or {@code duplicate} naming
     * the earlier document with the same bytes that has not failed. When only failed documents have these bytes, the
     * upload is a new attempt, and each failed record not yet retried points to it.
     */
    public DocumentRecord store(Path content, String filename, UploadFields fields, String uploadedBy) {
        return store(content, filename, fields, uploadedBy, null, null);
    }

    /**
     * Stores a document unpacked from an archive or mailbox as a document of its own, as {@link #store} does an upload:
     * it was uploaded by whoever uploaded the archive, with the type, pilot, date and visibility given for the archive,
     * and names the archive as where it came from ({@link DocumentRecord#partOf()}). A part stored already (the same
     * bytes at the same place of the same archive, when a restart cut the storing of its parts short) is returned as it
     * is, so unpacking an archive again makes no duplicates of its own parts.
     */
    public DocumentRecord storePart(Path content, String filename, DocumentRecord archive, String pathInArchive) {
        return store(content, filename, new UploadFields(null, archive.type(), archive.pilot(), archive.date(), archive.visibility()),
                archive.uploadedBy(), archive.id(), pathInArchive);
    }

    private DocumentRecord store(Path content, String filename, UploadFields fields, String uploadedBy, String partOf,
            String pathInArchive) {
        Path temp = null;
        try {
            // Copying and hashing a large upload takes a while: done before taking the writers' lock.
            temp = Files.createTempFile(originals, "upload-", ".tmp");
            String sha;
            long size;
            try (DigestInputStream in = Sha256.reading(Files.newInputStream(content))) {
                size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                sha = Sha256.hex(in.getMessageDigest());
            }
            synchronized (writing) {
                DocumentRecord unpackedBefore = partOf == null ? null : byId.values().stream()
                        .filter(r -> partOf.equals(r.partOf()) && sha.equals(r.sha256()) && Objects.equals(pathInArchive, r.pathInArchive()))
                        .findFirst().orElse(null);
                if (unpackedBefore != null) {
                    // The archive is unpacked again after a restart cut its storing short: the part stored then stands.
                    Files.delete(temp);
                    return unpackedBefore;
                }
                Path target = originalPath(sha);
                if (Files.exists(target)) {
                    Files.delete(temp);
                } else {
                    Files.createDirectories(target.getParent());
                    AtomicFiles.move(temp, target);
                }
                Visibility visibility = fields.visibility() != null ? fields.visibility() : Visibility.RESTRICTED;
                DocumentRecord record = new DocumentRecord(UUID.randomUUID().toString(), safeFilename(filename), fields.title(),
                        fields.type(), fields.pilot(), fields.date(), visibility, sha, size, uploadedBy, Instant.now(),
                        DocumentStatus.QUEUED, null, null, 0, null).asPartOf(partOf, pathInArchive);
                String earlier = firstIdBySha.get(sha);
                if (earlier != null) {
                    return save(record.asDuplicateOf(earlier));
                }
                // Only once the record is written: a record the full disk refused must not make later uploads its duplicates.
                DocumentRecord attempt = save(record);
                firstIdBySha.put(sha, record.id());
                // An empty file is no attempt at anyone's failed empty upload.
                for (DocumentRecord failed : size == 0 ? List.<DocumentRecord>of() : failedNotRetried(sha)) {
                    save(failed.retriedAs(attempt.id()));
                }
                return attempt;
            }
        } catch (IOException | LararenaException e) {
            deleteQuietly(temp);
            if (DiskFull.causedBy(e)) {
                throw DiskFull.refused("the uploaded document", e);
            }
            throw e instanceof LararenaException known ? known
                    : LararenaException.unavailable("the document could not be stored (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Runs a failed document again: it is queued as it was uploaded. Refused (409) for a document that has not
     * failed, one whose bytes were uploaded again since, and one whose bytes another document now holds.
     */
    public DocumentRecord retry(String id) {
        synchronized (writing) {
            return retryLocked(id);
        }
    }

    private DocumentRecord retryLocked(String id) {
        DocumentRecord record = find(id).orElseThrow(() -> LararenaException.notFound("no document with that id"));
        if (record.status() != DocumentStatus.FAILED) {
            throw conflict("only a failed document can be tried again; \"" + record.shownTitle() + "\" is " + record.status().wireName());
        }
        String holder = record.retriedAs() != null ? record.retriedAs() : firstIdBySha.get(record.sha256());
        if (holder != null) {
            String holderTitle = find(holder).map(DocumentRecord::shownTitle).orElse(holder);
            throw conflict("the same file was uploaded again as \"" + holderTitle + "\" (/dokument/" + holder + "): open that document instead");
        }
        firstIdBySha.put(record.sha256(), record.id());
        return save(record.withStatus(DocumentStatus.QUEUED, null));
    }

    private static LararenaException conflict(String detail) {
        return new LararenaException(409, "conflict", detail);
    }

    private List<DocumentRecord> failedNotRetried(String sha) {
        return byId.values().stream()
                .filter(r -> r.status() == DocumentStatus.FAILED && r.retriedAs() == null && r.sha256().equals(sha)).toList();
    }

    /** The record of a document; takes no lock and touches no file. */
    public Optional<DocumentRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every record, oldest upload first; takes no lock and touches no file. */
    public List<DocumentRecord> all() {
        List<DocumentRecord> all = new ArrayList<>(byId.values());
        all.sort(BY_UPLOAD);
        return all;
    }

    /** Documents whose processing had not ended when the application last stopped. */
    public List<DocumentRecord> unfinished() {
        return all().stream().filter(r -> !r.status().isFinal()).toList();
    }

    public DocumentRecord save(DocumentRecord record) {
        synchronized (writing) {
            try {
                AtomicFiles.write(records.resolve(record.id() + ".json"), record.toJson().encodePrettily(), false);
                byId.put(record.id(), record);
                if (record.status() == DocumentStatus.FAILED) {
                    // Failed bytes are no one's: the next upload of them is a new attempt, not a duplicate.
                    firstIdBySha.remove(record.sha256(), record.id());
                }
                return record;
            } catch (IOException e) {
                if (DiskFull.causedBy(e)) {
                    throw DiskFull.refused("the document's record", e);
                }
                throw LararenaException.unavailable("the document record could not be written (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Erases a document's files for good: its kept passages, its place in the indexing queue, its record, and its
     * original unless another document still holds the same bytes. The record goes last, so an erasure stopped
     * half-way still shows the document and can be run again. Blocking.
     */
    public void erase(String id) {
        synchronized (writing) {
            DocumentRecord record = find(id).orElseThrow(() -> LararenaException.notFound("no document with the id " + id));
            try {
                Files.deleteIfExists(passages.resolve(id + ".json"));
                pendingIndexing.remove(id);
                boolean bytesStillHeld = byId.values().stream()
                        .anyMatch(other -> !other.id().equals(id) && other.sha256().equals(record.sha256()));
                if (!bytesStillHeld) {
                    Files.deleteIfExists(originalPath(record.sha256()));
                }
                Files.deleteIfExists(records.resolve(id + ".json"));
            } catch (IOException e) {
                throw LararenaException.unavailable("the files of the document could not be erased (" + e.getMessage() + ")", e);
            }
            byId.remove(id);
            firstIdBySha.remove(record.sha256(), id);
        }
    }

    /**
     * Shows {@code record} (a document waiting for disk space, with its reason) and writes it if it can: with the
     * disk full, it is shown from memory, and the document's last written record stays on disk as it was.
     */
    public DocumentRecord saveIfSpace(DocumentRecord record) {
        synchronized (writing) {
            try {
                return save(record);
            } catch (LararenaException e) {
                byId.put(record.id(), record);
                return record;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the next start's clean-up takes it
            }
        }
    }

    /**
     * Keeps a document's extracted passages (the result of the extraction step), so that after a crash indexing
     * resumes from them instead of extracting again.
     */
    public void savePassages(String id, JsonObject extracted) {
        try {
            AtomicFiles.write(passages.resolve(id + ".json"), extracted.encode(), false);
        } catch (IOException e) {
            if (DiskFull.causedBy(e)) {
                throw DiskFull.refused("the document's passages", e);
            }
            throw LararenaException.unavailable("the passages could not be written (" + e.getMessage() + ")", e);
        }
    }

    /** The passages the extraction step kept for a document, if any. */
    public Optional<JsonObject> passages(String id) {
        Path file = passages.resolve(id + ".json");
        try {
            return Files.isRegularFile(file) ? Optional.of(new JsonObject(Files.readString(file))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The documents whose passages wait for Elasticsearch. */
    public PendingIndexing pendingIndexing() {
        return pendingIndexing;
    }

    /** The stored original bytes of a document. */
    public Path original(DocumentRecord record) {
        return originalPath(record.sha256());
    }

    /**
     * A file name safe to keep and to show: no folders, no control characters, no invisible formatting characters
     * (Unicode category Cf: a right-to-left override would show {@code anteckning\u202Efdp.txt} as
     * {@code anteckningtxt.pdf}; zero-width spaces and joiners hide what a name really is), at most 200 characters
     * (the extension kept), never empty.
     */
    public static String safeFilename(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.length() > 200) {
            int dot = base.lastIndexOf('.');
            String extension = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, 200 - extension.length()) + extension;
        }
        return base.isEmpty() ? "dokument" : base;
    }

    private Path originalPath(String sha) {
        return originals.resolve(sha.substring(0, 2)).resolve(sha);
    }

    private void load(Path file) {
        try {
            DocumentRecord record = DocumentRecord.fromJson(new JsonObject(Files.readString(file)));
            // A record stored before a character became unsafe is shown with the name it would be stored with now.
            String safe = safeFilename(record.filename());
            byId.put(record.id(), safe.equals(record.filename()) ? record : record.withFilename(safe));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("document record " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
