package org.lararena.app;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo documents shipped in {@code demo/} (the project's own fictional writing, see its README), stored on
 * the first start of a data directory and sent through the pipeline like any upload.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String MANIFEST = "/demo/manifest.json";

    private DemoData() {
    }

    /**
     * Stores every demo document unless {@code marker} says this was done, and sends each into the pipeline;
     * {@code coding} codes the scripted ones once they are indexed. Blocking (files).
     */
    static void loadOnce(Path marker, DocumentStore store, DemoCoding coding, EventBus bus) {
        loadOnce(marker, store, record -> {
            coding.watch(record);
            DocumentReceived.submit(bus, record.id());
        });
    }

    /** Stores every demo document unless {@code marker} says this was done; {@code received} gets each new record. */
    private static void loadOnce(Path marker, DocumentStore store, Consumer<DocumentRecord> received) {
        if (Files.exists(marker)) {
            return;
        }
        try (InputStream manifestStream = DemoData.class.getResourceAsStream(MANIFEST)) {
            if (manifestStream == null) {
                LOG.warn("No demo data in this build ({} missing)", MANIFEST);
                return;
            }
            String manifestText = new String(manifestStream.readAllBytes(), StandardCharsets.UTF_8).strip();
            JsonArray entries = manifestText.startsWith("[") ? new JsonArray(manifestText)
                    : new JsonObject(manifestText).getJsonArray("documents");
            int loaded = 0;
            for (int i = 0; i < entries.size(); i++) {
                JsonObject entry = entries.getJsonObject(i);
                String file = entry.getString("file");
                Path temp = Files.createTempFile("lararena-demo-", ".tmp");
                try (InputStream content = DemoData.class.getResourceAsStream("/demo/documents/" + file)) {
                    if (content == null) {
                        LOG.warn("Demo manifest names {} but the file is missing", file);
                        continue;
                    }
                    Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
                    DocumentRecord record = store.store(temp, file, new DocumentStore.UploadFields(entry.getString("title"),
                            entry.getString("type"), entry.getString("pilot"), entry.getString("date"),
                            Visibility.parse(entry.getString("visibility", "restricted"))), "demo");
                    received.accept(record);
                    loaded++;
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            Files.writeString(marker, "demo documents loaded: " + loaded + "\n");
            LOG.info("Loaded {} demo documents", loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("demo data could not be loaded", e);
        }
    }
}
