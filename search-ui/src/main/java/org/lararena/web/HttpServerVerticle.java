package org.lararena.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.FailureHandler;
import org.lararena.web.auth.TokenAuthentication;

/**
 * Serves the application over HTTP: public routes (health), then everything under {@code /api} behind a valid
 * access token, every failure through the one {@link FailureHandler}.
 */
public final class HttpServerVerticle extends VerticleBase {

    private final LararenaConfig config;
    private final TokenAuthentication authentication;
    private final List<Consumer<Router>> publicRoutes;
    private final List<Consumer<Router>> apiRoutes;
    private HttpServer server;

    /**
     * @param publicRoutes endpoints anyone may call ({@code addRoutes} method references)
     * @param apiRoutes    endpoints that need an access token
     */
    public HttpServerVerticle(LararenaConfig config, TokenAuthentication authentication,
                              List<Consumer<Router>> publicRoutes, List<Consumer<Router>> apiRoutes) {
        this.config = Objects.requireNonNull(config);
        this.authentication = Objects.requireNonNull(authentication);
        this.publicRoutes = List.copyOf(publicRoutes);
        this.apiRoutes = List.copyOf(apiRoutes);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(HttpServerVerticle::securityHeaders);
        publicRoutes.forEach(routes -> routes.accept(router));
        router.route("/api/*").handler(authentication::requireToken);
        apiRoutes.forEach(routes -> routes.accept(router));
        router.route("/api/*").handler(ctx -> ctx.fail(LararenaException.notFound("no such API resource: " + ctx.request().path())));
        router.route().failureHandler(new FailureHandler());
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(config.httpPort(), config.httpHost())
                .onSuccess(listening -> server = listening);
    }

    /** The port actually bound (tests use port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin");
        ctx.next();
    }
}
