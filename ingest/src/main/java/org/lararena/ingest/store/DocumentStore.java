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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.lararena.platform.DiskFull;
import org.lararena.platform.LararenaException;
import org.lararena.platform.Sha256;
import org.lararena.platform.shared.AtomicFiles;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.ChangeNotices;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.SharedCollections;

/**
 * Originals, content-addressed under {@code originals/ab/abcdef…}, the passages extraction kept under
 * {@code passages/}, and one JSON record per document: files under {@code records/} for a single instance, a shared
 * collection in Elasticsearch for the instances of a cluster, whose originals and passages are in the directory they
 * share ({@link SharedCollections}). Every file goes to a temporary file first and is moved into place, so a crash
 * never leaves a half-written record or original. Records are held in memory as well, and kept current with the
 * other instances' changes: reading them ({@link #find}, {@link #all}) takes no lock and touches no file, so it may
 * be done on an event loop; everything else blocks (call from worker threads), and this instance's writers take
 * turns on one lock that readers never wait for.
 *
 * <p>Each unfinished document is being processed by one instance, named in its record ({@code processedBy}); a
 * document whose instance has left the cluster is claimed by another ({@link #claimOrphans}), so it is finished once.
 */
public final class DocumentStore {

    /** The shared collection of records. */
    public static final SharedCollections.Kind RECORDS = new SharedCollections.Kind("records", "the document's record", false,
            List.of("status", "sha256", "processedBy"), List.of("uploadedAt"));
    /** The instance name of a store that is the platform's only one. */
    public static final String SINGLE_INSTANCE = "single";

    /** A record and the instance processing its document. */
    private record Kept(DocumentRecord record, String processedBy) {
    }

    private static final CachedCollection.Codec<Kept> CODEC = new CachedCollection.Codec<>() {
        @Override
        public JsonObject write(Kept kept) {
            return kept.record().toJson().put("processedBy", kept.processedBy());
        }

        @Override
        public Kept read(JsonObject body) {
            DocumentRecord record = DocumentRecord.fromJson(body);
            // A record stored before a character became unsafe is shown with the name it would be stored with now.
            String safe = safeFilename(record.filename());
            return new Kept(safe.equals(record.filename()) ? record : record.withFilename(safe), body.getString("processedBy"));
        }
    };

    private final Path originals;
    private final Path passages;
    private final String instance;
    private final CachedCollection<Kept> records;
    /** Records shown but not written, the disk being full ({@link #updateIfSpace}); each goes at its next write. */
    private final Map<String, DocumentRecord> unwritten = new ConcurrentHashMap<>();
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

    /** The store of the platform's only instance: everything in {@code root}. Blocking. */
    public DocumentStore(Path root) {
        this(root, root.resolve("pending-indexing"), new FileCollection(root.resolve("records"), RECORDS.what(), RECORDS.flush()),
                ChangeNotices.NONE, SINGLE_INSTANCE);
    }

    /**
     * The store of an instance as {@code shared} says: a single instance's in {@code localRoot}, or one of a cluster
     * with its records and files shared and only its durable indexing queue in {@code localRoot}. Blocking.
     *
     * @param instance the name this instance has in the cluster, written in the records of the documents it processes
     */
    public static DocumentStore open(SharedCollections shared, Path localRoot, String instance) {
        return new DocumentStore(shared.files("documents"), localRoot.resolve("pending-indexing"),
                shared.open(RECORDS, localRoot.resolve("records")), shared.notices(), instance);
    }

    /**
     * @param files   where the originals and the kept passages are
     * @param pending the durable indexing queue, this instance's own
     * @param records the records, read into memory here
     * @param notices how the other instances' changes of the records are heard, and this one's told
     */
    DocumentStore(Path files, Path pending, JsonCollection records, ChangeNotices notices, String instance) {
        this.originals = files.resolve("originals");
        this.passages = files.resolve("passages");
        this.pendingIndexing = new PendingIndexing(pending);
        this.records = new CachedCollection<>(RECORDS.name(), records, CODEC, notices);
        this.instance = instance;
        try {
            Files.createDirectories(originals);
            Files.createDirectories(passages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the document store in " + files, e);
        }
        all().stream().filter(DocumentStore::holdsItsBytes).forEach(r -> firstIdBySha.putIfAbsent(r.sha256(), r.id()));
        // Another instance's upload, failure or erasure changes which document holds some bytes.
        this.records.onChange((before, after) -> {
            synchronized (writing) {
                before.ifPresent(was -> firstIdBySha.remove(was.record().sha256(), was.record().id()));
                after.map(Kept::record).filter(DocumentStore::holdsItsBytes).ifPresent(is -> firstIdBySha.putIfAbsent(is.sha256(), is.id()));
            }
        });
    }

    /** Whether a new upload of the document's bytes is its duplicate: it is on its way or indexed. */
    private static boolean holdsItsBytes(DocumentRecord record) {
        return record.status() != DocumentStatus.DUPLICATE && record.status() != DocumentStatus.FAILED;
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
                DocumentRecord unpackedBefore = partOf == null ? null : all().stream()
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
                    return create(record.asDuplicateOf(earlier));
                }
                // The record, once written, holds the bytes (the change listener notes it): a record the full disk
                // refused must not make later uploads its duplicates.
                DocumentRecord attempt = create(record);
                // An empty file is no attempt at anyone's failed empty upload.
                for (DocumentRecord failed : size == 0 ? List.<DocumentRecord>of() : failedNotRetried(sha)) {
                    update(failed.id(), current -> current.retriedAs(attempt.id()));
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
        return update(id, current -> current.withStatus(DocumentStatus.QUEUED, null));
    }

    private static LararenaException conflict(String detail) {
        return new LararenaException(409, "conflict", detail);
    }

    private List<DocumentRecord> failedNotRetried(String sha) {
        return all().stream()
                .filter(r -> r.status() == DocumentStatus.FAILED && r.retriedAs() == null && r.sha256().equals(sha)).toList();
    }

    /** The record of a document; takes no lock and touches no file. */
    public Optional<DocumentRecord> find(String id) {
        DocumentRecord shownOnly = unwritten.get(id);
        return shownOnly != null ? Optional.of(shownOnly) : records.find(id).map(Kept::record);
    }

    /** Every record, oldest upload first; takes no lock and touches no file. */
    public List<DocumentRecord> all() {
        List<DocumentRecord> all = new ArrayList<>();
        records.values().forEach(kept -> all.add(unwritten.getOrDefault(kept.record().id(), kept.record())));
        all.sort(BY_UPLOAD);
        return all;
    }

    /** Documents whose processing had not ended when the application last stopped. */
    public List<DocumentRecord> unfinished() {
        return all().stream().filter(r -> !r.status().isFinal()).toList();
    }

    /**
     * Creates the record of a new document, processed by this instance (as {@link #store} makes one, or a test's fixture);
     * 409 ({@link JsonCollection.ChangedMeanwhile}) when a record of its id exists. A change of an existing record goes
     * through {@link #update}, so that it never writes a record read earlier over a newer one.
     */
    public DocumentRecord create(DocumentRecord record) {
        synchronized (writing) {
            Kept written = records.create(record.id(), new Kept(record, instance));
            unwritten.remove(record.id());
            return written.record();
        }
    }

    /**
     * Changes a document's record as {@code change} says, applied to the record as it is now: when another instance
     * changed it meanwhile, the change is applied again to theirs, so neither is lost (a researcher's new visibility
     * and the pipeline's new status, made at once). 404 for an unknown document.
     */
    public DocumentRecord update(String id, UnaryOperator<DocumentRecord> change) {
        synchronized (writing) {
            Kept written = records.update(id, kept -> new Kept(change.apply(kept.record()), kept.processedBy()))
                    .orElseThrow(() -> LararenaException.notFound("no document with the id " + id));
            unwritten.remove(id);
            return written.record();
        }
    }

    /**
     * The unfinished documents no member of the cluster is processing (their instance left it, or the whole cluster
     * stopped), each claimed for this instance; returns those it won. Two instances claiming at once: each document is
     * won by one, since a claim names the record's version. Blocking.
     *
     * @param members the names of the instances in the cluster now, this one's among them
     */
    public List<DocumentRecord> claimOrphans(Set<String> members) {
        List<DocumentRecord> won = new ArrayList<>();
        for (DocumentRecord unfinished : unfinished()) {
            if (records.find(unfinished.id()).filter(kept -> !members.contains(kept.processedBy())).isEmpty()) {
                continue;
            }
            synchronized (writing) {
                // Decided on the record as it is in the store: another instance's claim, or the end of the document,
                // that came first leaves it alone.
                records.update(unfinished.id(), kept -> members.contains(kept.processedBy()) || kept.record().status().isFinal() ? null
                        : new Kept(kept.record(), instance)).ifPresent(claimed -> won.add(claimed.record()));
            }
        }
        return won;
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
                boolean bytesStillHeld = all().stream()
                        .anyMatch(other -> !other.id().equals(id) && other.sha256().equals(record.sha256()));
                if (!bytesStillHeld) {
                    Files.deleteIfExists(originalPath(record.sha256()));
                }
            } catch (IOException e) {
                throw LararenaException.unavailable("the files of the document could not be erased (" + e.getMessage() + ")", e);
            }
            records.delete(id);
        }
    }

    /**
     * Changes a document's record as {@link #update} does (a document waiting for disk space, with its reason), and
     * writes it if it can: with the disk full, the change is shown from memory, and the document's last written record
     * stays on disk as it was.
     */
    public DocumentRecord updateIfSpace(String id, UnaryOperator<DocumentRecord> change) {
        synchronized (writing) {
            try {
                return update(id, change);
            } catch (LararenaException e) {
                DocumentRecord shown = change.apply(find(id).orElseThrow(() -> e));
                unwritten.put(id, shown);
                return shown;
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
}
