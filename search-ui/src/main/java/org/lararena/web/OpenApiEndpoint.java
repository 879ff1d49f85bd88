package org.lararena.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET /api/openapi.json}: the API described as OpenAPI 3.1, for anyone (no login: it describes, it holds
 * no data). The document is written by hand beside this class; {@code OpenApiDocumentTest} holds it to the routes
 * the endpoints register, so it cannot fall behind them.
 */
public final class OpenApiEndpoint {

    /** The document on the class path. */
    public static final String RESOURCE = "/org/lararena/web/openapi.json";

    private final Buffer document;

    public OpenApiEndpoint() {
        // Read once at start: a missing document stops the start, not the first request.
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is not on the class path");
            }
            document = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + RESOURCE + " could not be read", e);
        }
    }

    public void addRoutes(Router router) {
        router.get("/api/openapi.json").handler(this::document);
    }

    private void document(RoutingContext ctx) {
        RequestWork.sendJson(ctx, 200, document);
    }
}
