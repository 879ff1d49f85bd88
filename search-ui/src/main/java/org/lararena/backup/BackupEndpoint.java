package org.lararena.backup;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.lararena.erasure.ErasureLog;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * {@code POST /api/admin/backup?directory=/absolute/folder} (role admin): takes a backup of the running platform
 * into that folder on the server's machine (absent or empty) and answers its manifest without the file list. The
 * application does it because it holds the Jena store and the Elasticsearch client; {@code ./lararena backup} calls it.
 */
public final class BackupEndpoint {

    private final Vertx vertx;
    private final DataBackup backup;
    private final AuditLog audit;
    private final ErasureLog erasures;

    /** @param erasures where each backup taken is recorded, so that later erasures name it */
    public BackupEndpoint(Vertx vertx, DataBackup backup, AuditLog audit, ErasureLog erasures) {
        this.erasures = Objects.requireNonNull(erasures);
        this.vertx = Objects.requireNonNull(vertx);
        this.backup = Objects.requireNonNull(backup);
        this.audit = Objects.requireNonNull(audit);
    }

    public void addRoutes(Router router) {
        router.post("/api/admin/backup").handler(this::backup);
    }

    private void backup(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.ADMIN);
        String directory = ctx.queryParams().get("directory");
        if (directory == null || directory.isBlank()) {
            throw LararenaException.badRequest("give the backup folder as ?directory=/absolute/path");
        }
        Path target;
        try {
            target = Path.of(directory);
        } catch (InvalidPathException e) {
            throw LararenaException.badRequest("'" + directory + "' is not a path (" + e.getMessage() + ")");
        }
        // Minutes of work: on Vert.x's own worker pool, not the request pool, whose few threads serve quick requests.
        vertx.executeBlocking(() -> {
                    JsonObject manifest = backup.run(target);
                    JsonObject summary = manifest.copy();
                    summary.remove("files");
                    audit.record(caller.username(), "backup", target.toString(), summary);
                    erasures.backupTaken(target.toString(), Instant.now());
                    return summary.put("directory", target.toString());
                }, false)
                .onSuccess(summary -> RequestWork.sendJson(ctx, 200, summary))
                .onFailure(ctx::fail);
    }
}
