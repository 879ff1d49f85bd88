package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.lararena.ingest.DocumentAnnotated;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.StepTimings;
import org.lararena.ingest.index.PassageFacetFields;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.names.DocumentNames;
import org.lararena.ingest.names.NameSpans;
import org.lararena.ingest.names.SpokenNames;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.PendingIndexing;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes documents' passages with their metadata, several documents to one bulk request: the batch is sent when
 * it holds {@link LararenaConfig.Indexing#batchDocuments()} documents or {@link LararenaConfig.Indexing#batchPassages()} passages, or
 * {@link LararenaConfig.Indexing#batchWait()} after its first document came. Each document is {@code indexed} (searchable)
 * only after its own passages were accepted; one whose passages Elasticsearch refused fails with the reason, and
 * the others in the batch are not affected. A document is acknowledged (its reply sent) only after its batch was
 * written; until then its record stays {@code indexing}, so a crash sends it through again from its kept passages.
 * When Elasticsearch is away the work goes to the durable {@link PendingIndexing} queue and
 * {@link PendingIndexingVerticle} brings it back; while that queue is not empty, new work joins its end instead
 * of knocking on a node that is down. Deploy one instance as a worker verticle: bulk indexing blocks.
 *
 * <p>A document of at least {@link LararenaConfig.Indexing#largePassages()} passages is indexed in a lane of its own
 * (one at a time, on a worker thread of its own), not in a batch: a transcript of 15 MB, some 9,000 passages, took 40 s
 * to index under load, and every small document that came meanwhile waited for it. Its outcome is settled here as a
 * batch's is. A document already in that lane stays in it when it comes again, so its versions are written in order.
 */
public final class IndexingVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IndexingVerticle.class);

    private final DocumentStore store;
    private final PassageIndexer indexer;
    private final PendingIndexing pending;
    private final LararenaConfig.Indexing limits;
    private StatusUpdates status;
    /** The batch being gathered, by document id (touched only on this verticle's context). */
    private final Map<String, Waiting> batch = new LinkedHashMap<>();
    private int batchPassages;
    private long timer = -1;
    /** The lane of large documents: one worker thread, so they are written one after the other. */
    private WorkerExecutor largeLane;
    /** Documents in that lane now, with how many of their versions (touched only on this verticle's context). */
    private final Map<String, Integer> inLargeLane = new HashMap<>();

    /** A document of the batch: the messages to answer, its record, its work (as the queue keeps it), its passage documents. */
    private record Waiting(List<Message<JsonObject>> messages, DocumentRecord record, DocumentAnnotated work, List<JsonObject> passages) {

        void reply(IndexingOutcome outcome) {
            messages.forEach(outcome::answer);
        }
    }

    public IndexingVerticle(DocumentStore store, PassageIndexer indexer, LararenaConfig.Indexing limits) {
        this.store = Objects.requireNonNull(store);
        this.indexer = Objects.requireNonNull(indexer);
        this.pending = store.pendingIndexing();
        this.limits = Objects.requireNonNull(limits);
    }

    @Override
    public Future<?> start() {
        // Warned of only past an hour: a document of 50,000 passages takes minutes on a busy node, and that is its work.
        largeLane = vertx.createSharedWorkerExecutor("lararena-indexing-large-documents", 1, 1, TimeUnit.HOURS);
        status = new StatusUpdates(store, vertx.eventBus());
        return vertx.eventBus().<JsonObject>localConsumer(IngestAddresses.DOCUMENT_ANNOTATED, this::gather).completion();
    }

    private void gather(Message<JsonObject> message) {
        DocumentAnnotated annotated = DocumentAnnotated.fromJson(message.body());
        String id = annotated.documentId();
        DocumentRecord record = store.find(id).orElse(null);
        if (record == null) {
            pending.remove(id);
            IndexingOutcome.FAILED.answer(message);
            return;
        }
        // The queue keeps the work as fresh work: the drainer marks what it sends again.
        DocumentAnnotated work = new DocumentAnnotated(id, annotated.passages());
        try {
            if (record.status() != DocumentStatus.INDEXING) {
                record = status.change(id, DocumentStatus.INDEXING, null);
            }
            if (!annotated.queued() && !pending.isEmpty()) {
                pending.put(id, work.toJson());
                IndexingOutcome.WAITING.answer(message);
                return;
            }
        } catch (LararenaException e) {
            LOG.warn("Indexing of {} could not start: {}", id, e.getMessage());
            IndexingOutcome.FAILED.answer(message);
            return;
        }
        List<JsonObject> documents;
        try {
            documents = passageDocuments(record, work.passages());
        } catch (RuntimeException e) {
            // A fault of ours: the document fails with a reason instead of staying "indexing" with none.
            LOG.warn("The passages of {} could not be prepared for indexing", id, e);
            pending.remove(id);
            status.change(id, DocumentStatus.FAILED, "Dokumentet kunde inte förberedas för sökning på grund av ett fel hos oss; det är loggat.");
            IndexingOutcome.FAILED.answer(message);
            return;
        }
        List<Message<JsonObject>> messages = new ArrayList<>(List.of(message));
        Waiting earlier = batch.remove(id);
        if (earlier != null) {
            // The same document again (a retry): the newer passages replace the older ones; both senders hear the outcome.
            batchPassages -= earlier.passages().size();
            messages.addAll(0, earlier.messages());
        }
        Waiting waiting = new Waiting(messages, record, work, documents);
        if (documents.size() >= limits.largePassages() || inLargeLane.containsKey(id)) {
            indexInLargeLane(waiting);
            return;
        }
        batch.put(id, waiting);
        batchPassages += documents.size();
        if (batch.size() >= limits.batchDocuments() || batchPassages >= limits.batchPassages()) {
            flush();
        } else if (timer < 0) {
            timer = vertx.setTimer(Math.max(1, limits.batchWait().toMillis()), t -> {
                timer = -1;
                flush();
            });
        }
    }

    /** Sends the gathered batch in one bulk request and settles each of its documents. */
    private void flush() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Waiting> sent = new ArrayList<>(batch.values());
        batch.clear();
        batchPassages = 0;
        Map<String, List<JsonObject>> documents = new LinkedHashMap<>();
        sent.forEach(w -> documents.put(w.record().id(), w.passages()));
        Map<String, PassageIndexer.Outcome> outcomes = index(documents);
        for (Waiting waiting : sent) {
            settle(waiting, outcomes.get(waiting.record().id()));
        }
    }

    /** Sends one large document alone, on the lane's thread, and settles it here when it is written. */
    private void indexInLargeLane(Waiting large) {
        String id = large.record().id();
        inLargeLane.merge(id, 1, Integer::sum);
        largeLane.executeBlocking(() -> index(Map.of(id, large.passages())), true).onComplete(written -> {
            inLargeLane.computeIfPresent(id, (d, versions) -> versions == 1 ? null : versions - 1);
            // index() answers every failure as an outcome; this is the executor's own (closed at a stop).
            settle(large, written.succeeded() ? written.result().get(id) : new PassageIndexer.Outcome(IndexingOutcome.WAITING,
                    String.valueOf(written.cause())));
        });
    }

    /** The documents' passages written in bulk, each document's outcome; a failure of the whole is every one's {@code WAITING}. Blocking. */
    private Map<String, PassageIndexer.Outcome> index(Map<String, List<JsonObject>> documents) {
        try {
            return StepTimings.time(StepTimings.Step.INDEXING, documents.size() + " documents", () -> indexer.replaceDocuments(documents));
        } catch (RuntimeException e) {
            LOG.warn("A batch of {} documents could not be indexed", documents.size(), e);
            PassageIndexer.Outcome waiting = new PassageIndexer.Outcome(IndexingOutcome.WAITING, e.getMessage());
            Map<String, PassageIndexer.Outcome> outcomes = new LinkedHashMap<>();
            for (String id : documents.keySet()) {
                outcomes.put(id, waiting);
            }
            return outcomes;
        }
    }

    @Override
    public Future<?> stop() {
        // A document still in the lane stays "indexing" and goes through again after the restart, as after a crash.
        return largeLane == null ? Future.succeededFuture() : largeLane.close();
    }

    private void settle(Waiting waiting, PassageIndexer.Outcome outcome) {
        String id = waiting.record().id();
        try {
            switch (outcome.status()) {
                case INDEXED -> {
                    status.indexed(id, waiting.passages().size());
                    pending.remove(id);
                }
                case WAITING -> {
                    // Elasticsearch is away: the document waits in the durable queue (its record stays "indexing").
                    LOG.warn("Indexing of {} waits for Elasticsearch: {}", id, outcome.reason());
                    pending.put(id, waiting.work().toJson());
                }
                case FAILED -> {
                    LOG.warn("Indexing of {} failed: {}", id, outcome.reason());
                    status.change(id, DocumentStatus.FAILED, "Dokumentet kunde inte indexeras: " + outcome.reason());
                    pending.remove(id);
                }
            }
            waiting.reply(outcome.status());
        } catch (LararenaException e) {
            // The record or the queue could not be written: the record stays "indexing" and resumes after a restart.
            LOG.warn("The outcome of indexing {} could not be kept: {}", id, e.getMessage());
            waiting.reply(IndexingOutcome.WAITING);
        }
    }

    /** The passage documents of a record's passages (each {@code {ordinal, page, speaker, text, start, end, concepts, themes}}). */
    public static List<JsonObject> passageDocuments(DocumentRecord record, JsonArray passages) {
        List<String> speakers = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            speakers.add(passages.getJsonObject(i).getString("speaker"));
        }
        Map<String, String> pseudonyms = SpeakerPseudonyms.assign(speakers);
        DocumentNames names = DocumentNames.of(passages);
        List<JsonObject> documents = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            List<SpokenNames.Found> spoken = names.in(passage.getInteger("ordinal"));
            JsonObject document = passageDocument(record, passage, pseudonyms).put("spokenNames", NameSpans.toJson(spoken))
                    .put("spokenNameWords", new JsonArray(new ArrayList<>(NameSpans.searchWords(passage.getString("text"), spoken))));
            String question = i == 0 ? null : questionBefore(documents.get(i - 1), document);
            if (question != null) {
                // The answer is found through its question too: the question's hidden names are hidden from its search.
                document.put("question", question).getJsonArray("spokenNameWords").addAll(documents.get(i - 1).getJsonArray("spokenNameWords"));
            }
            documents.add(document);
        }
        return documents;
    }

    /** How much of the question before an answer its passage carries (a long lead-in is seldom what is asked). */
    static final int MAX_QUESTION_CHARS = 600;

    /**
     * The text of the turn that asks what {@code answer} answers: the one before it when an interviewer or a
     * moderator spoke it and someone else answers. An answer seldom repeats the question's words ("Hur samarbetar ni
     * med kommunen?" is answered about "vi" and "dem"), so a search for what was asked finds the answer through it.
     */
    private static String questionBefore(JsonObject previous, JsonObject answer) {
        String previousRole = previous.getString(SpeakerRoles.FIELD);
        String answerRole = answer.getString(SpeakerRoles.FIELD);
        if (previousRole == null || answerRole == null || !SpeakerRoles.asks(previousRole) || SpeakerRoles.asks(answerRole)) {
            return null;
        }
        String question = previous.getString("text");
        return question == null || question.isBlank() ? null
                : question.length() <= MAX_QUESTION_CHARS ? question : question.substring(question.length() - MAX_QUESTION_CHARS);
    }

    /** The year of an upload's date field ({@code 2024}, {@code 2024-05} or {@code 2024-05-17}), or null. */
    static Integer year(String date) {
        return date != null && date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") ? Integer.valueOf(date.substring(0, 4)) : null;
    }

    private static JsonObject passageDocument(DocumentRecord record, JsonObject passage, Map<String, String> pseudonyms) {
        int ordinal = passage.getInteger("ordinal");
        String speaker = passage.getString("speaker");
        return PassageFacetFields.copy(passage, new JsonObject()
                .put("passageId", PassageIndexer.passageId(record.id(), ordinal))
                .put("documentId", record.id())
                .put("title", record.title() != null ? record.title() : record.filename())
                .put("ordinal", ordinal)
                .put("page", passage.getInteger("page"))
                .put("speaker", speaker)
                .put("speakerPseudonym", speaker == null ? null : pseudonyms.get(speaker))
                .put(SpeakerRoles.FIELD, SpeakerRoles.of(speaker, record.type()))
                .put("text", passage.getString("text"))
                .put("start", passage.getInteger("start"))
                .put("end", passage.getInteger("end"))
                .put("type", record.type())
                .put("pilot", record.pilot())
                .put("date", record.date())
                .put("year", year(record.date()))
                .put("visibility", record.visibility().wireName()));
    }
}
