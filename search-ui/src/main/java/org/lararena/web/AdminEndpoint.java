package org.lararena.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.lararena.ingest.pipeline.IndexRebuild;
import org.lararena.ingest.pipeline.Reannotation;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;

/**
 * Administration (role admin):
 * <ul>
 *   <li>{@code POST /api/admin/reindex} rebuilds the passage index from the data directory into a fresh index behind
 *   the alias (with {@code ?from=originals} every document then goes through extraction again from its original);</li>
 *   <li>{@code POST /api/admin/reannotate} annotates every document again with the current ontology;</li>
 *   <li>both answer 202 with a {@link Jobs job}, followed at {@code GET /api/jobs/{id}} ({@code GET /api/jobs} lists
 *   them); 409 while one of the same kind runs;</li>
 *   <li>{@code GET /api/admin/audit} shows who read confidential material and who changed what.</li>
 * </ul>
 */
public final class AdminEndpoint {

    private final Vertx vertx;
    private final RequestWork work;
    private final IndexRebuild rebuild;
    private final Reannotation reannotation;
    private final Jobs jobs;
    private final AuditLog audit;

    public AdminEndpoint(Vertx vertx, RequestWork work, IndexRebuild rebuild, Reannotation reannotation, Jobs jobs, AuditLog audit) {
        this.vertx = Objects.requireNonNull(vertx);
        this.work = Objects.requireNonNull(work);
        this.rebuild = Objects.requireNonNull(rebuild);
        this.reannotation = Objects.requireNonNull(reannotation);
        this.jobs = Objects.requireNonNull(jobs);
        this.audit = Objects.requireNonNull(audit);
    }

    public void addRoutes(Router router) {
        router.post("/api/admin/reindex").handler(this::reindex);
        router.post("/api/admin/reannotate").handler(this::reannotate);
        router.get("/api/jobs").handler(this::listJobs);
        router.get("/api/jobs/:id").handler(this::job);
        router.get("/api/admin/audit").handler(this::auditLog);
    }

    /** {@code GET /api/admin/audit?limit=}: the newest audit entries, newest first (role admin). */
    private void auditLog(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.ADMIN);
        int limit = Params.intParam(ctx.queryParams().get("limit"), "limit", 100, 1, 10_000);
        work.json(ctx, () -> audit.newest(limit));
    }

    private void reindex(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.ADMIN);
        String from = ctx.queryParams().get("from");
        if (from != null && !from.equals("originals")) {
            throw LararenaException.badRequest("from must be 'originals' (or absent: the passages kept in the data directory)");
        }
        startJob(ctx, "reindex", caller, () -> {
            var done = rebuild.run();
            JsonObject result = new JsonObject().put("from", new JsonArray(done.from())).put("to", done.to())
                    .put("documents", done.documents()).put("passages", done.passages()).put("failed", done.failed());
            if (from != null) {
                result.put("extractedAgain", rebuild.extractAgain(vertx.eventBus()));
            }
            audit.record(caller.username(), "reindex", done.to(), result);
            return result;
        });
    }

    private void reannotate(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.ADMIN);
        startJob(ctx, "reannotate", caller, () -> {
            Reannotation.Result result = reannotation.all();
            audit.record(caller.username(), "reannotate", null, new JsonObject().put("ontologyVersion", result.ontologyVersion())
                    .put("documents", result.documents()));
            return new JsonObject().put("ontologyVersion", result.ontologyVersion()).put("documents", result.documents())
                    .put("passages", result.passages()).put("failed", result.failed());
        });
    }

    /** 202 with the job and where to follow it. */
    private void startJob(RoutingContext ctx, String kind, Caller caller, Callable<JsonObject> task) {
        Jobs.Job job = jobs.start(kind, caller.username(), task);
        ctx.response().putHeader("Location", "/api/jobs/" + job.id());
        RequestWork.sendJson(ctx, 202, job.toJson());
    }

    private void listJobs(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.ADMIN);
        RequestWork.sendJson(ctx, 200, new JsonArray(jobs.newestFirst().stream().map(Jobs.Job::toJson).toList()));
    }

    /** Admins follow every job; a researcher only a job they started (an import): others' are 404 to them. */
    private void job(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (!caller.has(Caller.ADMIN)) {
            caller.require(Caller.RESEARCHER);
        }
        String id = ctx.pathParam("id");
        Jobs.Job job = jobs.findFor(id, caller)
                .orElseThrow(() -> LararenaException.notFound("no job " + id
                + " (jobs are remembered until the platform restarts, the newest " + Jobs.KEPT + ")"));
        RequestWork.sendJson(ctx, 200, job.toJson());
    }
}
