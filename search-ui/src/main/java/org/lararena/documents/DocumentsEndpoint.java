package org.lararena.documents;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ontology.DocumentType;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.platform.DiskFull;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;

/**
 * {@code POST /api/documents} (multipart: one or more files, optional {@code title, type, pilot, date, visibility}),
 * {@code GET /api/documents}, {@code GET /api/documents/{id}}, {@code .../passages}, {@code .../original},
 * {@code POST /api/documents/{id}/retry} (researchers: a failed document is run again) and the progress stream {@code GET /api/ingest/events} (server-sent events, researchers only: uploads of confidential
 * interviews are news to no one else).
 */
public final class DocumentsEndpoint {

    /** The most files one upload request may hold; the HTTP server's form-field limit is set from it. */
    public static final int MAX_FILES_PER_REQUEST = 1000;
    /** Set once the multipart body has been read, so a later failure is not blamed on the upload's shape. */
    private static final String UPLOAD_READ = "lararena.upload.read";

    private final Vertx vertx;
    private final DocumentStore store;
    private final long maxUploadBytes;
    private final Path uploadDir;
    /** {@code {done, total}} passages of documents in a long step, by document id (from the status events). */
    private final Map<String, JsonObject> progress = new ConcurrentHashMap<>();
    private final PassageReader passages;
    /** Most passages a request may ask for with {@code count}. */
    private final int partPassages;

    /** Reads a document's passages of a range in reading order (from the index), filtered to what the caller may read. Blocking. */
    @FunctionalInterface
    public interface PassageReader {
        JsonArray passagesOf(String documentId, Caller caller, PassageRange range);
    }

    private final PassageIndexer indexer;
    private final AuditLog audit;
    private final Ontology ontology;
    private final RequestWork work;

    /**
     * @param work     where requests' blocking work runs (busy: 503)
     * @param ontology where the document types an upload may declare come from
     */
    public DocumentsEndpoint(Vertx vertx, RequestWork work, DocumentStore store, long maxUploadBytes, Path uploadDir,
                             PassageReader passages, int partPassages, PassageIndexer indexer, AuditLog audit, Ontology ontology) {
        this.vertx = Objects.requireNonNull(vertx);
        this.partPassages = partPassages;
        this.work = Objects.requireNonNull(work);
        this.ontology = Objects.requireNonNull(ontology);
        this.indexer = Objects.requireNonNull(indexer);
        this.audit = Objects.requireNonNull(audit);
        this.passages = Objects.requireNonNull(passages);
        this.store = Objects.requireNonNull(store);
        this.maxUploadBytes = maxUploadBytes;
        this.uploadDir = Objects.requireNonNull(uploadDir);
    }

    public void addRoutes(Router router) {
        // The latest progress of each document in a long step, for GET /api/documents/{id} (the command line's bar).
        vertx.eventBus().<JsonObject>consumer(IngestAddresses.DOCUMENT_STATUS, message -> {
            JsonObject status = message.body();
            if (status.getJsonObject("progress") != null) {
                progress.put(status.getString("documentId"), status.getJsonObject("progress"));
            } else {
                progress.remove(status.getString("documentId"));
            }
        });
        router.post("/api/documents").handler(this::requireRoomForUpload);
        router.post("/api/documents")
                .handler(BodyHandler.create(uploadDir.toString()).setBodyLimit(maxUploadBytes).setDeleteUploadedFilesOnEnd(true))
                .handler(this::upload)
                .failureHandler(this::unreadableUpload);
        router.get("/api/documents").handler(this::list);
        router.get("/api/documents/:id").handler(this::get);
        router.patch("/api/documents/:id").handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::change);
        router.get("/api/documents/:id/original").handler(this::original);
        router.post("/api/documents/:id/retry").handler(this::retry);
        router.get("/api/documents/:id/passages").handler(this::passages);
        router.get("/api/ingest/events").handler(this::events);
    }

    /**
     * Refuses an upload the disk has no room for before its body is read (as the body limit does): it is written
     * twice, to the upload folder and as the kept original, and a little more is kept free for records. The free
     * space is read for each upload, in the handler itself: a reading kept from a second before let an upload sent
     * just after the disk filled through to a body write that failed half-way; and reading it on a worker thread
     * (the request paused meanwhile) lost an upload now and then between the pause and the body handler. Reading a
     * file system's free space is one {@code statfs} call on a {@link java.nio.file.FileStore} looked up once, which
     * does not block like file I/O. The same disk running full while the body is written (another upload took the
     * room) is answered by {@link #unreadableUpload}.
     */
    private void requireRoomForUpload(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        long usable = usableSpace();
        if (declared != null && declared.matches("\\d{1,18}") && usable >= 0) {
            long length = Long.parseLong(declared);
            if (usable < 2 * length + UPLOAD_RESERVE_BYTES) {
                // The body is read and dropped (nothing is written) before the answer: a client still sending it would
                // otherwise wait for the server to read it, and never see the answer.
                LararenaException refusal = DiskFull.refused("the upload (" + length / 1024 + " kB; " + usable / 1024 + " kB are free)", null);
                ctx.request().handler(dropped -> { }).exceptionHandler(e -> { });
                // end() also completes for a request whose body had all arrived already.
                ctx.request().end().onComplete(end -> ctx.fail(refusal));
                ctx.request().resume();
                return;
            }
        }
        ctx.next();
    }

    /** The upload folder's free bytes, or -1 when they cannot be read (the write itself then finds out). */
    private long usableSpace() {
        try {
            if (uploadStore == null) {
                uploadStore = Files.getFileStore(uploadDir);
            }
            return uploadStore.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The file system of the upload folder, looked up at the first upload (the folder exists by then). */
    private FileStore uploadStore;

    /** Free space an upload must leave for the records and passages of the documents on their way. */
    private static final long UPLOAD_RESERVE_BYTES = 64 * 1024;

    /**
     * The multipart decoder gives up on a request with too many parts or a broken body with a bare I/O error;
     * the uploader gets a 400 that says what an upload may hold instead of a 500.
     */
    private void unreadableUpload(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (DiskFull.causedBy(failure) && !ctx.request().isEnded()) {
            // The disk ran full while the body was being written: the file's write stream gave up and left the request
            // paused, so a client still sending would wait for ever. The rest of the body is read and dropped, then
            // the failure handler answers 507; the connection is not reused.
            ctx.response().putHeader("Connection", "close");
            ctx.request().exceptionHandler(e -> { });
            ctx.request().end().onComplete(end -> ctx.next());
            ctx.request().resume();
            return;
        }
        if (failure == null || failure instanceof LararenaException || ctx.get(UPLOAD_READ) != null || DiskFull.causedBy(failure)) {
            ctx.next();
            return;
        }
        ctx.fail(LararenaException.badRequest("the upload could not be read (" + failure.getMessage() + "): send at most "
                + MAX_FILES_PER_REQUEST + " files per request, as multipart/form-data parts named file"));
    }

    private void upload(RoutingContext ctx) {
        ctx.put(UPLOAD_READ, true);
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        List<FileUpload> files = ctx.fileUploads();
        if (files.isEmpty()) {
            throw LararenaException.badRequest("send one or more files as multipart/form-data (field name: file)");
        }
        var form = ctx.request().formAttributes();
        DocumentStore.UploadFields fields = uploadFields(ontology, blankToNull(form.get("title")), blankToNull(form.get("type")),
                blankToNull(form.get("pilot")), blankToNull(form.get("date")), blankToNull(form.get("visibility")));
        // On Vert.x's worker pool, not the request pool: the body is in already, and a busy 503 would make the
        // uploader send every byte again.
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
                    DocumentReceived.submit(vertx.eventBus(), record.id());
                }
                response.add(withDuplicateTitle(new JsonObject().put("id", record.id()).put("filename", record.filename())
                        .put("status", record.status().wireName()).put("duplicateOf", record.duplicateOf()), record, caller));
            }
            RequestWork.sendJson(ctx, 202, response);
        }).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        int page = Params.intParam(ctx.queryParams().get("page"), "page", 0, 0, 100_000);
        int size = Params.intParam(ctx.queryParams().get("size"), "size", 20, 1, 200);
        List<DocumentRecord> visible = store.all().stream().filter(r -> mayRead(caller, r))
                .sorted(Comparator.comparing(DocumentRecord::uploadedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        JsonArray documents = new JsonArray();
        visible.stream().skip((long) page * size).limit(size).forEach(r -> documents.add(json(r, caller)));
        RequestWork.sendJson(ctx, 200, new JsonObject().put("total", visible.size()).put("documents", documents));
    }

    private void get(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        readable(ctx, "read_document").onSuccess(record -> {
            JsonObject json = json(record, caller);
            JsonObject passagesDone = progress.get(record.id());
            RequestWork.sendJson(ctx, 200, passagesDone == null ? json : json.put("progress", passagesDone));
        }).onFailure(ctx::fail);
    }

    /** A document as the caller sees it: who uploaded it is a username for researchers only, else the neutral role. */
    JsonObject json(DocumentRecord record, Caller caller) {
        JsonObject json = record.toJson();
        if (!caller.isResearcher() && json.getString("uploadedBy") != null) {
            json.put("uploadedBy", PersonAgents.NEUTRAL_NAME);
        }
        if (record.partOf() != null) {
            // Where it came from: "från arkivet X.zip", when the caller may read the archive.
            store.find(record.partOf()).filter(archive -> mayRead(caller, archive))
                    .ifPresent(archive -> json.put("partOfFilename", archive.filename()));
        }
        return withDuplicateTitle(json, record, caller);
    }

    /** A duplicate names the document that has its bytes ({@code duplicateOfTitle}), when the caller may read that one. */
    private JsonObject withDuplicateTitle(JsonObject json, DocumentRecord record, Caller caller) {
        if (record.duplicateOf() != null) {
            store.find(record.duplicateOf()).filter(original -> mayRead(caller, original))
                    .ifPresent(original -> json.put("duplicateOfTitle", original.shownTitle()));
        }
        return json;
    }

    /** {@code POST /api/documents/{id}/retry}: a failed document is queued again (202), as it was uploaded. */
    private void retry(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.run(() -> store.retry(ctx.pathParam("id"))).onSuccess(queued -> {
            DocumentReceived.submit(vertx.eventBus(), queued.id());
            RequestWork.sendJson(ctx, 202, json(queued, caller));
        }).onFailure(ctx::fail);
    }

    /**
     * The document of the path if the caller may read it (404 otherwise: ids must not be guessable); reading a
     * restricted document goes into the audit log first.
     */
    private Future<DocumentRecord> readable(RoutingContext ctx, String action) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = store.find(ctx.pathParam("id")).filter(r -> mayRead(caller, r))
                .orElseThrow(() -> LararenaException.notFound("no document with that id"));
        if (record.visibility() != Visibility.RESTRICTED) {
            return Future.succeededFuture(record);
        }
        return work.run(() -> {
            audit.record(caller.username(), action, record.id(), new JsonObject().put("filename", record.filename()));
            return record;
        });
    }

    /** {@code PATCH /api/documents/{id}} with {@code {"visibility": ...}}: researchers only; search follows within seconds. */
    private void change(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = store.find(ctx.pathParam("id")).orElseThrow(() -> LararenaException.notFound("no document with that id"));
        JsonObject body = ctx.body().asJsonObject();
        if (body == null || !body.containsKey("visibility") || body.size() != 1) {
            throw LararenaException.badRequest("send {\"visibility\": \"restricted\" | \"pilot\" | \"public\"}");
        }
        Visibility visibility = Visibility.parse(String.valueOf(body.getValue("visibility")));
        work.json(ctx, () -> {
            // The index first: if it fails, the record still says the old (stricter or known) visibility.
            indexer.updateVisibility(record.id(), visibility.wireName());
            DocumentRecord changed = store.update(record.id(), current -> current.withVisibility(visibility));
            audit.record(caller.username(), "change_visibility", record.id(),
                    new JsonObject().put("from", record.visibility().wireName()).put("to", visibility.wireName()));
            return changed.toJson();
        });
    }

    private void passages(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        PassageRange range = PassageRange.ofRequest(ctx.queryParams(), partPassages);
        readable(ctx, "read_passages").compose(record -> work.run(() -> passages.passagesOf(record.id(), caller, range)))
                .onSuccess(found -> RequestWork.sendJson(ctx, 200, found))
                .onFailure(ctx::fail);
    }

    /** The uploaded bytes; an interview's only to researchers, as its speakers' real names cannot be pseudonymised there. */
    private void original(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        readable(ctx, "read_original")
                .map(record -> {
                    if (record.namesSpeakers() && !caller.isResearcher()) {
                        throw LararenaException.forbidden("the original of an interview or transcript names its speakers: "
                                + "only researchers may download it (its passages, with pseudonyms, are readable)");
                    }
                    return record;
                })
                .onSuccess(record -> sendOriginal(ctx, record)).onFailure(ctx::fail);
    }

    private void sendOriginal(RoutingContext ctx, DocumentRecord record) {
        ctx.response()
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Disposition", contentDisposition(record.filename()))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "sandbox")
                .sendFile(store.original(record).toString())
                .onFailure(ctx::fail);
    }

    /**
     * An attachment header that no file name can break out of: an ASCII fallback without quotes or control
     * characters, and the real name percent-encoded (RFC 6266 / 5987).
     */
    static String contentDisposition(String filename) {
        String ascii = Normalizer.normalize(filename, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private void events(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        var response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": connected\n\n");
        var consumer = vertx.eventBus().<JsonObject>consumer(IngestAddresses.DOCUMENT_STATUS, message ->
                response.write("event: status\ndata: " + message.body().encode() + "\n\n"));
        long keepAlive = vertx.setPeriodic(15_000, t -> response.write(": keep-alive\n\n"));
        response.closeHandler(v -> {
            consumer.unregister();
            vertx.cancelTimer(keepAlive);
        });
    }

    /**
     * Checks what an uploader said against the ontology's document types. Types whose text names speakers
     * (interviews, transcripts) and documents of unknown type are restricted unless the uploader says otherwise;
     * other types default to pilot visibility.
     */
    static DocumentStore.UploadFields uploadFields(Ontology ontology, String title, String type, String pilot, String date,
            String visibility) {
        if (type != null && ontology.documentType(type).isEmpty()) {
            throw LararenaException.badRequest("type must be one of "
                    + ontology.documentTypes().stream().map(DocumentType::notation).toList() + " (got '" + type + "')");
        }
        if (date != null && !date.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?")) {
            throw LararenaException.badRequest("date must be YYYY, YYYY-MM or YYYY-MM-DD (got '" + date + "')");
        }
        if (title != null && title.length() > 500) {
            throw LararenaException.badRequest("title must be at most 500 characters");
        }
        Visibility chosen = visibility != null ? Visibility.parse(visibility)
                : type == null || ontology.namesSpeakers(type) ? Visibility.RESTRICTED : Visibility.PILOT;
        return new DocumentStore.UploadFields(title, type, pilot, date, chosen);
    }

    public static boolean mayRead(Caller caller, DocumentRecord record) {
        return Visibility.readableBy(caller).contains(record.visibility());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
