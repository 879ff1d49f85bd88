package org.lararena.ingest.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * {@code POST /api/documents} (multipart: one or more files, optional {@code title, type, pilot, date, visibility}),
 * {@code GET /api/documents} and {@code GET /api/documents/{id}}.
 */
public final class DocumentsEndpoint {

    private final Vertx vertx;
    private final DocumentStore store;
    private final long maxUploadBytes;
    private final Path uploadDir;

    public DocumentsEndpoint(Vertx vertx, DocumentStore store, long maxUploadBytes, Path uploadDir) {
        this.vertx = Objects.requireNonNull(vertx);
        this.store = Objects.requireNonNull(store);
        this.maxUploadBytes = maxUploadBytes;
        this.uploadDir = Objects.requireNonNull(uploadDir);
    }

    public void addRoutes(Router router) {
        router.post("/api/documents")
                .handler(BodyHandler.create(uploadDir.toString()).setBodyLimit(maxUploadBytes).setDeleteUploadedFilesOnEnd(true))
                .handler(this::upload);
        router.get("/api/documents").handler(this::list);
        router.get("/api/documents/:id").handler(this::get);
    }

    private void upload(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        List<FileUpload> files = ctx.fileUploads();
        if (files.isEmpty()) {
            throw LararenaException.badRequest("send one or more files as multipart/form-data (field name: file)");
        }
        var form = ctx.request().formAttributes();
        DocumentStore.UploadFields fields = uploadFields(blankToNull(form.get("title")), blankToNull(form.get("type")),
                blankToNull(form.get("pilot")), blankToNull(form.get("date")), blankToNull(form.get("visibility")));
        vertx.executeBlocking(() -> {
            List<DocumentRecord> stored = new ArrayList<>();
            for (FileUpload file : files) {
                stored.add(store.store(Path.of(file.uploadedFileName()), file.fileName(), fields, caller.username()));
            }
            return stored;
        }).onSuccess(stored -> {
            JsonArray response = new JsonArray();
            for (DocumentRecord record : stored) {
                if (record.status() == DocumentStatus.QUEUED) {
                    vertx.eventBus().send(IngestAddresses.DOCUMENT_RECEIVED, new JsonObject().put("documentId", record.id()));
                }
                response.add(new JsonObject().put("id", record.id()).put("filename", record.filename())
                        .put("status", record.status().wireName()).put("duplicateOf", record.duplicateOf()));
            }
            ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(response.encode());
        }).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        int page = intParam(ctx, "page", 0, 0, 100_000);
        int size = intParam(ctx, "size", 20, 1, 200);
        List<DocumentRecord> visible = store.all().stream().filter(r -> mayRead(caller, r))
                .sorted(Comparator.comparing(DocumentRecord::uploadedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        JsonArray documents = new JsonArray();
        visible.stream().skip((long) page * size).limit(size).forEach(r -> documents.add(r.toJson()));
        ctx.json(new JsonObject().put("total", visible.size()).put("documents", documents));
    }

    private void get(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = store.find(ctx.pathParam("id")).filter(r -> mayRead(caller, r))
                .orElseThrow(() -> LararenaException.notFound("no document with that id"));
        ctx.json(record.toJson());
    }

    /** The document types the platform knows (the ontology's Dokumenttyper, by their short codes). */
    public static final java.util.Set<String> DOCUMENT_TYPES =
            java.util.Set.of("intervju", "rapport", "motesanteckningar", "presentation", "workshop", "transkript");

    /**
     * Checks what an uploader said. Interviews, transcripts and documents of unknown type are restricted unless the
     * uploader says otherwise; other types default to pilot visibility.
     */
    static DocumentStore.UploadFields uploadFields(String title, String type, String pilot, String date, String visibility) {
        if (type != null && !DOCUMENT_TYPES.contains(type)) {
            throw LararenaException.badRequest("type must be one of " + new java.util.TreeSet<>(DOCUMENT_TYPES) + " (got '" + type + "')");
        }
        if (date != null && !date.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?")) {
            throw LararenaException.badRequest("date must be YYYY, YYYY-MM or YYYY-MM-DD (got '" + date + "')");
        }
        if (title != null && title.length() > 500) {
            throw LararenaException.badRequest("title must be at most 500 characters");
        }
        Visibility chosen = visibility != null ? Visibility.parse(visibility)
                : type == null || type.equals("intervju") || type.equals("transkript") ? Visibility.RESTRICTED : Visibility.PILOT;
        return new DocumentStore.UploadFields(title, type, pilot, date, chosen);
    }

    /** Researchers read everything; pilots pilot and public material; everyone else public material only. */
    static boolean mayRead(Caller caller, DocumentRecord record) {
        return switch (record.visibility()) {
            case PUBLIC -> true;
            case PILOT -> caller.isResearcher() || caller.has(Caller.PILOT);
            case RESTRICTED -> caller.isResearcher();
        };
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw LararenaException.badRequest(name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw LararenaException.badRequest(name + " must be a whole number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
