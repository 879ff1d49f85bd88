package org.lararena.backup;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lararena.coding.MemoStore;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.AtomicFiles;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.SharedCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Format 2 → 3: the memos ({@code memos/memos.jsonl}, every version of every memo a line) and the audit log
 * ({@code audit/audit.jsonl}, an entry a line) become collections of documents in their folders, the form every
 * instance of a cluster can share: a memo a document with all its versions, an entry a document. Each document is
 * written under an id the file gives it (the memo's id; the entry's line), so a step stopped half-way writes the same
 * documents again; the file is deleted only once every document is written. Insights were a document a file already
 * and stay as they are. A last line cut short by a crash (never acknowledged) is dropped; a damaged line is kept in
 * {@code <file>.damaged} for someone to mend, never silently lost.
 */
final class CollectionsMigration implements DataFormat.Migration {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionsMigration.class);
    static final String MEMOS = "memos.jsonl";
    static final String AUDIT = "audit.jsonl";

    @Override
    public int from() {
        return 2;
    }

    @Override
    public String description() {
        return "memos and the audit log become documents of collections that several instances can share";
    }

    @Override
    public void apply(Path dataDir) throws IOException {
        Path memos = dataDir.resolve(MemoStore.KIND.name()).resolve(MEMOS);
        if (Files.exists(memos)) {
            Map<String, JsonArray> versionsByMemo = new LinkedHashMap<>();
            for (JsonObject version : lines(memos)) {
                versionsByMemo.computeIfAbsent(version.getString("id"), id -> new JsonArray()).add(version);
            }
            JsonCollection collection = open(MemoStore.KIND, memos.getParent());
            versionsByMemo.forEach((id, versions) ->
                    collection.put(id, MemoStore.document(versions.getJsonObject(0).getString("passageId"), versions)));
            Files.delete(memos);
        }
        Path audit = dataDir.resolve(AuditLog.KIND.name()).resolve(AUDIT);
        if (Files.exists(audit)) {
            List<JsonObject> entries = lines(audit);
            JsonCollection collection = open(AuditLog.KIND, audit.getParent());
            for (int i = 0; i < entries.size(); i++) {
                collection.put(String.format("%s-%09d", AuditLog.KIND.name(), i + 1), entries.get(i));
            }
            Files.delete(audit);
        }
    }

    /** The collection in {@code folder} as a single instance opens it. */
    private static JsonCollection open(SharedCollections.Kind kind, Path folder) {
        return new FileCollection(folder, kind.what(), kind.flush());
    }

    /** The complete, readable lines of {@code file}, in order; damaged ones set aside in {@code <file>.damaged}. */
    private static List<JsonObject> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        if (end < text.length()) {
            LOG.warn("{}: an unfinished last line ({} characters), never acknowledged, is dropped", file, text.length() - end);
        }
        List<JsonObject> lines = new ArrayList<>();
        StringBuilder damaged = new StringBuilder();
        List<String> all = text.substring(0, end).lines().toList();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject json = new JsonObject(line);
                if (file.getFileName().toString().equals(MEMOS) && (json.getString("id") == null || json.getString("passageId") == null)) {
                    throw new DecodeException("a memo without its id or passage");
                }
                lines.add(json);
            } catch (DecodeException e) {
                LOG.warn("{}: line {} is damaged and set aside in {}.damaged ({})", file, i + 1, file.getFileName(), e.getMessage());
                damaged.append(line).append('\n');
            }
        }
        if (!damaged.isEmpty()) {
            AtomicFiles.write(file.resolveSibling(file.getFileName() + ".damaged"), damaged.toString(), true);
        }
        return lines;
    }
}
