package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.FailureHandler;
import org.lararena.web.ErrorPages;
import org.lararena.web.auth.WebAuthentication;

/**
 * Pages served over real HTTP for a test, without logins: a request is anonymous, or made by {@code caller} when its
 * path starts with {@code /as/<username>} (as no login handler runs here); or, for pages with forms, every request is
 * made by one caller in a session ({@link #withSessions}), and a {@link Visitor} keeps its session and sends forms with
 * the session's CSRF token. Failures go through the application's failure handler, so an error page is the one readers
 * see. Close it after the test class.
 */
final class PageServer implements AutoCloseable {

    /**
     * HTTP/1.1, as a browser asks a page: the JDK client otherwise offers an upgrade to cleartext HTTP/2 on every
     * request. Each request is given up after {@link #ANSWER_WITHIN}, so a lost answer fails its test rather than hanging
     * the build (one run of a page test once waited for an answer for good).
     */
    private static HttpClient.Builder client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ANSWER_WITHIN);
    }

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP = client().build();

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

    /**
     * A server whose routes {@code routes} adds, where every request is {@code caller}'s, in a session: its CSRF token,
     * which forms carry, is at {@code /token}.
     */
    static PageServer withSessions(BiConsumer<Vertx, Router> routes, Caller caller) {
        return start((vertx, router) -> {
            router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx)));
            router.route().handler(ctx -> {
                caller.attachTo(ctx);
                ctx.next();
            });
            router.get("/token").handler(ctx -> ctx.end(WebAuthentication.csrfToken(ctx)));
            routes.accept(vertx, router);
        });
    }

    /** A server whose routes {@code routes} adds; {@code callers} may ask as themselves. */
    static PageServer start(Consumer<Router> routes, Caller... callers) {
        return start((vertx, router) -> routes.accept(router), callers);
    }

    /** The page at {@code path}, as a browser asks for it. */
    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).timeout(ANSWER_WITHIN)
                        .header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A new visitor: a browser of its own, with its own session (and so CSRF token) and the language it chose. */
    Visitor visitor() {
        return new Visitor();
    }

    /** A browser that keeps its cookies: its session and the language it chose. */
    final class Visitor {
        private final HttpClient http = client().cookieHandler(new CookieManager()).build();

        /** The page at {@code path}, which must answer 200. */
        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response;
        }

        /** The session's CSRF token. */
        String token() throws Exception {
            return get("/token").body();
        }

        /** A form sent as a page sends it, with the session's CSRF token before {@code form} (URL-encoded fields, or empty). */
        HttpResponse<String> post(String path, String form) throws Exception {
            String body = "_csrf=" + token() + (form.isEmpty() ? "" : "&" + form);
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(ANSWER_WITHIN).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** {@code request} sent in this visitor's session. */
        HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.actualPort() + path);
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
