package org.lararena.exchange;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lararena.codebook.CodebookActions;
import org.lararena.coding.MemoStore;
import org.lararena.documents.DocumentsEndpoint;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * REFI-QDA exchange, for researchers only (403 for everyone else), every export and import audited:
 * <ul>
 *   <li>{@code GET /api/export.qdpx?documents=ID,...&pseudonyms=true}: a QDPX project ({@code application/zip}) of the
 *       chosen documents, or of every document the caller may read; with {@code pseudonyms}, coders are "Kodare 1", ...;</li>
 *   <li>{@code GET /api/export.qdc}: the codebook (the theme scheme) as a QDC file;</li>
 *   <li>{@code POST /api/import/qdpx} (multipart {@code file}, optional {@code mapping}: a JSON object from code GUID to
 *       concept IRI, {@code "create"} or {@code "skip"}): imports, answering {@code {documents, concepts, created, codings,
 *       memos, warnings}}, or, above {@code LARARENA_IMPORT_JOB_CODINGS} codings, {@code 202} with a job the researcher
 *       follows at {@code GET /api/jobs/{id}}; with {@code ?preview=true} it writes nothing and answers how each code would map;</li>
 *   <li>{@code POST /api/import/qdc} (multipart {@code file}, optional {@code mapping}): a QDC codebook, whose codes that
 *       match no concept become new concepts unless mapped otherwise; {@code ?preview=true} as above.</li>
 * </ul>
 */
public final class ExchangeEndpoint {

    private static final String UPLOAD_READ = "lararena.qdpx.read";
    private static final String ZIP = "application/zip";

    private final Vertx vertx;
    private final RequestWork work;
    private final DocumentStore documents;
    private final AuditLog audit;
    private final QdpxExport export;
    private final RefiQdaImports imports;
    private final LararenaConfig.Exchange limits;
    private final Path workDir;
    private final Clock clock;

    /** @param codebook the growing codebook, which the export reads */
    public ExchangeEndpoint(Vertx vertx, RequestWork work, DocumentStore documents, AnnotationStore annotations, MemoStore memos, CodebookActions codebook,
                            AuditLog audit, RefiQdaImports imports, LararenaConfig.Exchange limits, Path workDir, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx);
        this.work = Objects.requireNonNull(work);
        this.documents = Objects.requireNonNull(documents);
        this.audit = Objects.requireNonNull(audit);
        this.limits = Objects.requireNonNull(limits);
        this.workDir = Objects.requireNonNull(workDir);
        this.clock = Objects.requireNonNull(clock);
        this.export = new QdpxExport(documents, annotations, memos, codebook.ontology());
        this.imports = Objects.requireNonNull(imports);
    }

    public void addRoutes(Router router) {
        router.get("/api/export.qdpx").handler(this::exportProject);
        router.get("/api/export.qdc").handler(this::exportCodebook);
        // A route of its own before the body is read (Vert.x keeps body handlers first on a route): others get 403 at once.
        for (String path : List.of("/api/import/qdpx", "/api/import/qdc")) {
            router.post(path).handler(this::requireResearcher);
        }
        router.post("/api/import/qdpx").handler(upload()).handler(ctx -> importFile(ctx, ImportFormat.QDPX))
                .failureHandler(this::unreadableUpload);
        router.post("/api/import/qdc").handler(upload()).handler(ctx -> importFile(ctx, ImportFormat.QDC))
                .failureHandler(this::unreadableUpload);
    }

    private BodyHandler upload() {
        return BodyHandler.create(workDir.toString()).setBodyLimit(limits.maxImportBytes()).setDeleteUploadedFilesOnEnd(true);
    }

    private void requireResearcher(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        ctx.next();
    }

    private void exportProject(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        String wanted = ctx.queryParams().get("documents");
        boolean pseudonyms = "true".equals(ctx.queryParams().get("pseudonyms"));
        work.run(() -> {
                    List<DocumentRecord> records = chosen(wanted, caller);
                    QdpxProject project = export.project("Lärarena", records, pseudonyms);
                    Files.createDirectories(workDir);
                    Path file = Files.createTempFile(workDir, "export-", ".qdpx");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        QdpxWriter.writeProject(project, clock.instant(), out);
                    }
                    audit.record(caller.username(), "export_qdpx", null, new JsonObject()
                            .put("documents", new JsonArray(records.stream().map(DocumentRecord::id).toList()))
                            .put("codings", project.sources().stream().mapToLong(s -> s.selections().stream()
                                    .mapToLong(sel -> sel.codings().size()).sum()).sum())
                            .put("pseudonyms", pseudonyms));
                    return file;
                })
                .onSuccess(file -> ctx.response().putHeader("Content-Type", ZIP)
                        .putHeader("Content-Disposition", "attachment; filename=\"lararena.qdpx\"")
                        .sendFile(file.toString())
                        .onComplete(sent -> vertx.fileSystem().delete(file.toString())))
                .onFailure(ctx::fail);
    }

    /** The documents named (each must be readable: 404 otherwise), or every readable one with passages. */
    private List<DocumentRecord> chosen(String wanted, Caller caller) {
        if (wanted == null || wanted.isBlank()) {
            return documents.all().stream().filter(r -> DocumentsEndpoint.mayRead(caller, r))
                    .filter(r -> r.status() != DocumentStatus.DUPLICATE && r.status() != DocumentStatus.FAILED)
                    .filter(r -> documents.passages(r.id()).isPresent()).toList();
        }
        return Arrays.stream(wanted.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct()
                .map(id -> documents.find(id).filter(r -> DocumentsEndpoint.mayRead(caller, r))
                        .orElseThrow(() -> LararenaException.notFound("no document with the id '" + id + "'")))
                .toList();
    }

    private void exportCodebook(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.run(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    QdpxWriter.writeCodebook(export.codebook(), out);
                    audit.record(caller.username(), "export_qdc", null, new JsonObject());
                    return Buffer.buffer(out.toByteArray());
                })
                .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/xml")
                        .putHeader("Content-Disposition", "attachment; filename=\"lararena.qdc\"").end(xml))
                .onFailure(ctx::fail);
    }

    private void importFile(RoutingContext ctx, ImportFormat format) {
        Upload upload = upload(ctx, format);
        work.run(() -> imports.run(format, upload.caller().username(), upload.file(), upload.filename(), upload.mapping(), upload.preview()))
                .onSuccess(outcome -> answer(ctx, outcome))
                .onFailure(ctx::fail);
    }

    /** What the researcher sent: one file, the mapping, whether only a preview is wanted. */
    private record Upload(Caller caller, Path file, String filename, Map<String, String> mapping, boolean preview) {
    }

    private static Upload upload(RoutingContext ctx, ImportFormat format) {
        ctx.put(UPLOAD_READ, true);
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        List<FileUpload> files = ctx.fileUploads();
        if (files.size() != 1) {
            throw LararenaException.badRequest("send one " + format.name() + " file as multipart/form-data (field name: file)");
        }
        return new Upload(caller, Path.of(files.get(0).uploadedFileName()), files.get(0).fileName(),
                RefiQdaImports.mapping(ctx.request().formAttributes().get("mapping")), "true".equals(ctx.queryParams().get("preview")));
    }

    private static void answer(RoutingContext ctx, RefiQdaImports.Outcome outcome) {
        if (outcome.status() == 202) {
            ctx.response().putHeader("Location", outcome.answer().getString("href"));
        }
        RequestWork.sendJson(ctx, outcome.status(), outcome.answer());
    }

    /** A multipart body the decoder gave up on is the uploader's 400, not our 500; a body over the limit stays 413. */
    private void unreadableUpload(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null || failure instanceof LararenaException || ctx.get(UPLOAD_READ) != null) {
            ctx.next();
            return;
        }
        ctx.fail(LararenaException.badRequest("the upload could not be read (" + failure.getMessage()
                + "): send one file as multipart/form-data (field name: file)"));
    }

}
