package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.PendingIndexing;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a document's passages with its metadata. When Elasticsearch is away the work goes to the durable
 * {@link PendingIndexing} queue (the record stays {@code indexing}) and {@link PendingIndexingVerticle} brings it
 * back; while that queue is not empty, new work joins its end instead of knocking on a node that is down.
 * Deploy as a worker verticle: bulk indexing blocks.
 */
public final class IndexingVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IndexingVerticle.class);

    private final DocumentStore store;
    private final PassageIndexer indexer;
    private final PendingIndexing pending;
    private StatusUpdates status;

    public IndexingVerticle(DocumentStore store, PassageIndexer indexer) {
        this.store = Objects.requireNonNull(store);
        this.indexer = Objects.requireNonNull(indexer);
        this.pending = store.pendingIndexing();
    }

    @Override
    public Future<?> start() {
        status = new StatusUpdates(store, vertx.eventBus());
        return vertx.eventBus().<JsonObject>consumer(IngestAddresses.DOCUMENT_ANNOTATED, this::index).completion();
    }

    private void index(Message<JsonObject> message) {
        String id = message.body().getString("documentId");
        DocumentRecord record = store.find(id).orElse(null);
        if (record == null) {
            pending.remove(id);
            message.reply(FAILED);
            return;
        }
        JsonObject work = new JsonObject().put("documentId", id).put("passages", message.body().getJsonArray("passages"));
        JsonArray passages = work.getJsonArray("passages");
        try {
            if (record.status() != DocumentStatus.INDEXING) {
                record = status.change(record, DocumentStatus.INDEXING, null);
            }
            if (!message.body().getBoolean("queued", false) && !pending.isEmpty()) {
                pending.put(id, work);
                message.reply(WAITING);
                return;
            }
            List<String> speakers = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                speakers.add(passages.getJsonObject(i).getString("speaker"));
            }
            Map<String, String> pseudonyms = SpeakerPseudonyms.assign(speakers);
            List<JsonObject> documents = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                documents.add(passageDocument(record, passages.getJsonObject(i), pseudonyms));
            }
            indexer.replaceDocument(id, documents);
            status.change(record.withPassages(documents.size()), DocumentStatus.INDEXED, null);
            pending.remove(id);
            message.reply(INDEXED);
        } catch (LararenaException e) {
            if (e.status() == 503) {
                // Elasticsearch is away: the document waits in the durable queue (its record stays "indexing").
                LOG.warn("Indexing of {} waits for Elasticsearch: {}", id, e.getMessage());
                pending.put(id, work);
                message.reply(WAITING);
            } else {
                LOG.warn("Indexing of {} failed: {}", id, e.getMessage());
                status.change(record, DocumentStatus.FAILED, "Dokumentet kunde inte indexeras: " + e.getMessage());
                pending.remove(id);
                message.reply(FAILED);
            }
        }
    }

    static final String INDEXED = "indexed";
    static final String WAITING = "waiting";
    static final String FAILED = "failed";

    /** The year of an upload's date field ({@code 2024}, {@code 2024-05} or {@code 2024-05-17}), or null. */
    static Integer year(String date) {
        return date != null && date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") ? Integer.valueOf(date.substring(0, 4)) : null;
    }

    private static JsonObject passageDocument(DocumentRecord record, JsonObject passage, Map<String, String> pseudonyms) {
        int ordinal = passage.getInteger("ordinal");
        String speaker = passage.getString("speaker");
        return new JsonObject()
                .put("passageId", PassageIndexer.passageId(record.id(), ordinal))
                .put("documentId", record.id())
                .put("title", record.title() != null ? record.title() : record.filename())
                .put("ordinal", ordinal)
                .put("page", passage.getInteger("page"))
                .put("speaker", speaker)
                .put("speakerPseudonym", speaker == null ? null : pseudonyms.get(speaker))
                .put("speakerRole", SpeakerRoles.of(speaker, record.type()))
                .put("text", passage.getString("text"))
                .put("start", passage.getInteger("start"))
                .put("end", passage.getInteger("end"))
                .put("type", record.type())
                .put("pilot", record.pilot())
                .put("date", record.date())
                .put("year", year(record.date()))
                .put("visibility", record.visibility().wireName())
                .put("concepts", passage.getJsonArray("concepts", new io.vertx.core.json.JsonArray()))
                .put("themes", passage.getJsonArray("themes", new io.vertx.core.json.JsonArray()));
    }
}
