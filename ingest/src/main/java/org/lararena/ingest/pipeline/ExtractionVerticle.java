package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.StepTimings;
import org.lararena.ingest.describe.DocumentDescriber;
import org.lararena.ingest.describe.DocumentDescription;
import org.lararena.ingest.describe.ProcessedDocument;
import org.lararena.ingest.describe.TextPipeline;
import org.lararena.ingest.describe.UploadFields;
import org.lararena.ingest.extract.ArchiveMember;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.extract.ExtractionException;
import org.lararena.ingest.segment.Passage;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.platform.DiskFull;
import org.lararena.ingest.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extraction step: the text comes out of the file in an isolated worker process ({@link DocumentExtractor}),
 * is repaired, split into passages and described ({@link TextPipeline}); what the uploader did not say (type,
 * title, date, pilot, language) is filled in from the content. The passages, the repaired text and the text as
 * extracted are kept, so a repair can be audited and indexing can resume from here.
 *
 * <p>Documents wait in this verticle's own queue, and at most {@code concurrency} are extracted at once (off the
 * event loop). An archive or mailbox is unpacked instead: each document in it is stored as a document of its own
 * that names the archive as its origin, and queued like an upload. Stopping is prompt however many wait: the queue is dropped (the documents stay {@code queued} in
 * the store and resume at the next start), and a file being extracted is abandoned when the extractor closes,
 * without marking its document failed. Deploy as a standard (event-loop) verticle, one instance.
 */
public final class ExtractionVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionVerticle.class);
    /** How often storing the documents of a large archive tells how far it has come. */
    private static final int PROGRESS_EVERY_PARTS = 50;

    private final DocumentStore store;
    private final DocumentExtractor extractor;
    private final TextPipeline text;
    private final int concurrency;
    private StatusUpdates status;
    /** Documents waiting for extraction, oldest first (touched only on this verticle's event loop). */
    private final Deque<String> waiting = new ArrayDeque<>();
    /**
     * Documents waiting or being extracted: one told of twice (a part of an archive unpacked again after a restart, which
     * the start queues as well) is extracted once. Touched only on this verticle's event loop.
     */
    private final Set<String> pending = new HashSet<>();
    private int running;
    /** Set when the verticle stops: read by extractions on worker threads. */
    private volatile boolean stopping;

    public ExtractionVerticle(DocumentStore store, DocumentExtractor extractor, TextPipeline text, int concurrency) {
        this.store = Objects.requireNonNull(store);
        this.extractor = Objects.requireNonNull(extractor);
        this.text = Objects.requireNonNull(text);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    @Override
    public Future<?> start() {
        status = new StatusUpdates(store, vertx.eventBus());
        return vertx.eventBus().<JsonObject>localConsumer(IngestAddresses.DOCUMENT_RECEIVED, this::enqueue).completion();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        if (!waiting.isEmpty()) {
            LOG.info("Stopping with {} document(s) waiting for extraction; they resume at the next start", waiting.size());
        }
        waiting.clear();
        pending.clear();
        return Future.succeededFuture();
    }

    private void enqueue(Message<JsonObject> message) {
        String id = DocumentReceived.fromJson(message.body()).documentId();
        if (pending.add(id)) {
            waiting.add(id);
            pump();
        }
    }

    private void pump() {
        while (!stopping && running < concurrency && !waiting.isEmpty()) {
            String id = waiting.poll();
            running++;
            vertx.executeBlocking(() -> {
                extract(id);
                return null;
            }, false).onComplete(done -> {
                pending.remove(id);
                running--;
                pump();
            });
        }
    }

    /** Extracts one document. Blocking. */
    private void extract(String id) {
        if (stopping) {
            return;
        }
        DocumentRecord record = store.find(id).orElse(null);
        if (record == null || record.status().isFinal()) {
            return;
        }
        try {
            record = status.change(id, DocumentStatus.EXTRACTING, null);
            long extracting = System.nanoTime();
            ExtractedDocument extracted = extractor.extract(store.original(record), record.filename(), null);
            StepTimings.record(StepTimings.Step.EXTRACTION, id, extracting);
            if (extracted.isArchive()) {
                unpacked(record, extracted);
                return;
            }
            ProcessedDocument processed = text.process(store.original(record),
                    new UploadFields(record.type(), record.title(), date(record.date()), record.filename(), record.pilot()), extracted, id);
            if (processed.passages().isEmpty()) {
                status.change(id, DocumentStatus.FAILED, "Filen innehåller ingen text som kunde läsas ut.");
                return;
            }
            record = store.update(id, current -> described(current, processed.description()));
            JsonArray passages = new JsonArray();
            for (Passage passage : processed.passages()) {
                passages.add(new JsonObject().put("ordinal", passage.ordinal()).put("page", passage.page()).put("speaker", passage.speaker())
                        .put("text", passage.text()).put("start", passage.start()).put("end", passage.end()));
            }
            DocumentExtracted segmented = new DocumentExtracted(id, passages);
            store.savePassages(id, segmented.toJson().put("text", processed.repaired().text())
                    .put("extractedText", processed.repaired().originalText()));
            segmented.send(vertx.eventBus());
        } catch (ExtractionException | RuntimeException e) {
            if (DiskFull.causedBy(e) && !stopping) {
                waitForSpace(id);
                return;
            }
            if (stopping) {
                // Abandoned by the shutdown: the document resumes at the next start.
                LOG.info("Extraction of {} abandoned by the shutdown", id);
                return;
            }
            failed(id, e);
        }
    }

    /**
     * Stores each document of an archive or mailbox as a document of its own, queued behind those already waiting, and
     * marks the archive done. Researchers following the archive see how many parts are stored so far.
     */
    private void unpacked(DocumentRecord archive, ExtractedDocument extracted) {
        try {
            int total = extracted.members().size();
            int done = 0;
            for (ArchiveMember member : extracted.members()) {
                DocumentRecord part = store.storePart(member.file(), member.filename(), archive, member.path());
                status.publish(part);
                if (part.status() == DocumentStatus.QUEUED) {
                    DocumentReceived.submit(vertx.eventBus(), part.id());
                }
                if (++done % PROGRESS_EVERY_PARTS == 0) {
                    status.progress(archive, done, total);
                }
            }
            LOG.info("Archive {} unpacked into {} document(s)", archive.id(), total);
            status.change(archive.id(), DocumentStatus.INDEXED, null);
        } finally {
            extractor.release(extracted);
        }
    }

    /**
     * A document whose step could not be written for a full disk is not failed: it shows the reason, queued, and
     * is tried again every {@link StatusUpdates#DISK_FULL_RETRY} until the disk has room (what it wrote before stays as it was).
     */
    private void waitForSpace(String id) {
        LOG.warn("The disk is full: {} waits for space and is extracted again in {} s", id,
                StatusUpdates.DISK_FULL_RETRY.toSeconds());
        status.waitingForSpace(id, DocumentStatus.QUEUED);
        vertx.setTimer(StatusUpdates.DISK_FULL_RETRY.toMillis(), timer -> {
            if (!stopping) {
                waiting.add(id);
                pump();
            }
        });
    }


    private void failed(String id, Exception failure) {
        if (failure instanceof ExtractionException e) {
            LOG.info("Extraction of {} failed: {} ({})", id, e.reason(), e.detail());
            status.change(id, DocumentStatus.FAILED, e.reason());
        } else {
            LOG.warn("Extraction of {} failed unexpectedly", id, failure);
            status.change(id, DocumentStatus.FAILED, "Texten kunde inte läsas ut på grund av ett fel hos oss; det är loggat.");
        }
    }

    /** The record with what the content told where the uploader said nothing; what the uploader said stands. */
    private DocumentRecord described(DocumentRecord record, DocumentDescription description) {
        return record.describedAs(
                record.type() != null ? record.type() : description.documentType(),
                record.title() != null ? record.title() : description.title(),
                record.date() != null || description.date() == null ? record.date() : description.date().toString(),
                record.pilot() != null || description.pilotRegion() == null ? record.pilot()
                        : text.pilotName(description.pilotRegion()),
                description.language());
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
