package org.lararena.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.lararena.documents.DocumentsEndpoint;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.FailureHandler;
import org.lararena.web.auth.WebAuthentication;

/**
 * Serves the pages and the API from one router: security headers on everything, static assets and health without
 * a session, then sessions and the caller of each request, the API (which needs a logged-in caller), the pages,
 * and every failure through the one {@link FailureHandler}.
 */
public final class HttpServerVerticle extends VerticleBase {

    private final LararenaConfig config;
    private final WebAuthentication authentication;
    private final List<Consumer<Router>> publicRoutes;
    private final List<Consumer<Router>> apiRoutes;
    private final List<Consumer<Router>> pageRoutes;
    private final String contentSecurityPolicy;
    private HttpServer server;

    /**
     * @param publicRoutes endpoints anyone may call without a session ({@code addRoutes} method references)
     * @param apiRoutes    JSON endpoints under {@code /api} that need a logged-in caller
     * @param pageRoutes   pages; each decides what an anonymous caller sees
     */
    public HttpServerVerticle(LararenaConfig config, WebAuthentication authentication, List<Consumer<Router>> publicRoutes,
                              List<Consumer<Router>> apiRoutes, List<Consumer<Router>> pageRoutes) {
        this.config = Objects.requireNonNull(config);
        this.authentication = Objects.requireNonNull(authentication);
        this.publicRoutes = List.copyOf(publicRoutes);
        this.apiRoutes = List.copyOf(apiRoutes);
        this.pageRoutes = List.copyOf(pageRoutes);
        String keycloakOrigin = config.keycloak().url().getScheme() + "://" + config.keycloak().url().getAuthority();
        // No inline script or style anywhere; forms may also lead to Keycloak (logout redirects there).
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + keycloakOrigin;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(this::securityHeaders);
        router.route("/static/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600));
        publicRoutes.forEach(routes -> routes.accept(router));
        authentication.addRoutes(router);
        router.route("/api/*").handler(HttpServerVerticle::requireLoggedIn);
        apiRoutes.forEach(routes -> routes.accept(router));
        router.route("/api/*").handler(ctx -> ctx.fail(LararenaException.notFound("no such API resource: " + ctx.request().path())));
        pageRoutes.forEach(routes -> routes.accept(router));
        router.route().handler(ctx -> ctx.fail(LararenaException.notFound("no such page")));
        router.route().failureHandler(new FailureHandler(ErrorPages::html));
        // Long enough for a shared search URL holding a pasted page of text (the query is cut to its start later).
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(64 * 1024)
                // An upload may hold this many files (each a form field), plus its few metadata fields.
                .setMaxFormFields(DocumentsEndpoint.MAX_FILES_PER_REQUEST + 16);
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen(config.httpPort(), config.httpHost())
                .onSuccess(listening -> server = listening);
    }

    /** The port actually bound. */
    public int actualPort() {
        return server.actualPort();
    }

    private static void requireLoggedIn(RoutingContext ctx) {
        if (Caller.of(ctx) == Caller.ANONYMOUS) {
            ctx.fail(LararenaException.unauthorized("log in, or send an access token: Authorization: Bearer <token> (./lararena login gets one)"));
            return;
        }
        ctx.next();
    }

    private void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin");
        ctx.next();
    }
}
