package org.lararena.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;
import org.lararena.platform.StillWorkingException;

class FailureHandlerTest {

    private Vertx vertx;
    private HttpServer server;
    /** Held for the whole test: a client nobody holds may be cleaned, its pool closed, while a request is in flight. */
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/client").handler(ctx -> {
            throw LararenaException.badRequest("size must be between 1 and 100");
        });
        router.get("/bug").handler(ctx -> {
            throw new IllegalStateException("secret internal detail");
        });
        router.get("/guarded").handler(ctx -> ctx.fail(LararenaException.unauthorized("send a token")));
        // As a Java future's failure reaches a handler through Future.fromCompletionStage: wrapped.
        router.get("/long").handler(ctx -> ctx.fail(new CompletionException(new StillWorkingException(
                "the training goes on; its outcome is in GET /api/suggester", Duration.ofSeconds(30)))));
        router.route().failureHandler(new FailureHandler());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientErrorKeepsItsStatusAndSaysWhatToChange() throws Exception {
        var response = call("/client");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(new JsonObject().put("error", "bad_request").put("detail", "size must be between 1 and 100"));
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsInternals() throws Exception {
        var response = call("/bug");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().getString("error")).isEqualTo("internal_error");
        assertThat(response.body().encode()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
    }

    @Test
    void a401TellsTheClientHowToAuthenticate() throws Exception {
        var response = call("/guarded");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
    }

    @Test
    void workThatOutlastsTheRequestIs503WithWhereToReadItsOutcomeAndWhenToAskAgain() throws Exception {
        var response = call("/long");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(new JsonObject().put("error", "still_working")
                .put("detail", "the training goes on; its outcome is in GET /api/suggester"));
        assertThat(response.retryAfter()).isEqualTo("30");
    }

    private record Answer(int status, JsonObject body, String wwwAuthenticate, String retryAfter) {
    }

    private Answer call(String path) throws Exception {
        return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", path)
                .compose(request -> request.send())
                .compose((HttpClientResponse response) -> response.body().map(body ->
                        new Answer(response.statusCode(), body.toJsonObject(), response.getHeader("WWW-Authenticate"),
                                response.getHeader("Retry-After"))))
                .await(10, TimeUnit.SECONDS);
    }
}
