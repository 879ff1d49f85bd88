package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Objects;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts a received document's text with Tika and splits it into passages, then hands them to indexing.
 * Deploy as a worker verticle: extraction blocks.
 */
public final class ExtractionVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionVerticle.class);
    private static final int MAX_TEXT_CHARS = 20_000_000;

    private final DocumentStore store;
    private StatusUpdates status;

    public ExtractionVerticle(DocumentStore store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public Future<?> start() {
        status = new StatusUpdates(store, vertx.eventBus());
        return vertx.eventBus().<JsonObject>consumer(IngestAddresses.DOCUMENT_RECEIVED, this::extract).completion();
    }

    private void extract(Message<JsonObject> message) {
        String id = message.body().getString("documentId");
        DocumentRecord record = store.find(id).orElse(null);
        if (record == null || record.status().isFinal()) {
            return;
        }
        try {
            record = status.change(record, DocumentStatus.EXTRACTING, null);
            if (record.size() == 0) {
                status.change(record, DocumentStatus.FAILED, "Filen är tom.");
                return;
            }
            String text = extractText(record);
            JsonArray passages = Paragraphs.split(text);
            if (passages.isEmpty()) {
                status.change(record, DocumentStatus.FAILED, "Filen innehåller ingen text som kunde läsas ut.");
                return;
            }
            JsonObject extracted = new JsonObject().put("documentId", id).put("passages", passages);
            store.savePassages(id, extracted);
            vertx.eventBus().send(IngestAddresses.DOCUMENT_EXTRACTED, extracted);
        } catch (Exception e) {
            LOG.warn("Extraction of {} ({}) failed: {}", id, record.filename(), e.toString());
            status.change(record, DocumentStatus.FAILED, "Texten kunde inte läsas ut: " + e.getMessage());
        }
    }

    private String extractText(DocumentRecord record) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, record.filename());
        BodyContentHandler handler = new BodyContentHandler(MAX_TEXT_CHARS);
        try (InputStream in = Files.newInputStream(store.original(record))) {
            new AutoDetectParser().parse(in, handler, metadata, new ParseContext());
        }
        return handler.toString();
    }
}
