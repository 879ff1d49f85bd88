package org.lararena.web.pages;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.FailureHandler;
import org.lararena.web.ErrorPages;

/**
 * Pages served over real HTTP for a test, without logins: a request is anonymous, or made by {@code caller} when its
 * path starts with {@code /as/<username>} (as no login handler runs here). Failures go through the application's
 * failure handler, so an error page is the one readers see. Close it after the test class.
 */
final class PageServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Vertx vertx;
    private final HttpServer server;

    private PageServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** A server whose routes {@code routes} adds, given the Vert.x they run on; {@code callers} may ask as themselves. */
    static PageServer start(BiConsumer<Vertx, Router> routes, Caller... callers) {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        for (Caller caller : callers) {
            String prefix = "/as/" + caller.username();
            router.route(prefix + "/*").handler(ctx -> {
                caller.attachTo(ctx);
                ctx.reroute(ctx.request().uri().substring(prefix.length()));
            });
        }
        routes.accept(vertx, router);
        router.route().failureHandler(new FailureHandler(ErrorPages::html));
        return new PageServer(vertx, vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await());
    }

    /** A server whose routes {@code routes} adds; {@code callers} may ask as themselves. */
    static PageServer start(Consumer<Router> routes, Caller... callers) {
        return start((vertx, router) -> routes.accept(router), callers);
    }

    /** The page at {@code path}, as a browser asks for it. */
    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
