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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;

/** A handler written with {@code RequestWork.json} over real HTTP: its answer, its status, its failures and busy. */
class RequestWorkJsonTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch occupying = new CountDownLatch(1);
    private Vertx vertx;
    private RequestWork work;
    private HttpServer server;
    /**
     * One client held for the whole test: a client nobody holds may be cleaned by the garbage collector while its
     * request is in flight, and its pool closed under it ("Pool closed").
     */
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        work = new RequestWork(vertx, 1, Duration.ofMillis(300));
        Router router = Router.router(vertx);
        router.get("/memo").handler(ctx -> work.json(ctx, () -> new JsonObject().put("text", "Åter till mötet")));
        router.post("/memo").handler(ctx -> work.json(ctx, 201, () -> new JsonObject().put("id", "m1")));
        router.get("/unknown").handler(ctx -> work.json(ctx, () -> {
            throw LararenaException.notFound("no memo with that id");
        }));
        router.get("/occupy").handler(ctx -> work.json(ctx, () -> {
            occupying.countDown();
            release.await(30, TimeUnit.SECONDS);
            return new JsonObject();
        }));
        router.route().failureHandler(new FailureHandler());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        client.close().await(10, TimeUnit.SECONDS);
        work.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theResultIsAnsweredAsJsonWithItsStatus() throws Exception {
        Answer read = call(HttpMethod.GET, "/memo");
        Answer created = call(HttpMethod.POST, "/memo");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).isEqualTo(RequestWork.JSON_CONTENT_TYPE);
        assertThat(read.body()).isEqualTo(new JsonObject().put("text", "Åter till mötet"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().getString("id")).isEqualTo("m1");
    }

    @Test
    void aFailureReachesTheFailureHandlerAsJson() throws Exception {
        Answer missing = call(HttpMethod.GET, "/unknown");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo(RequestWork.JSON_CONTENT_TYPE);
        assertThat(missing.body().getString("detail")).isEqualTo("no memo with that id");
    }

    @Test
    void workThatCannotStartInTimeIsAnswered503WithRetryAfter() throws Exception {
        var occupied = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/occupy")
                .compose(request -> request.send());
        assertThat(occupying.await(10, TimeUnit.SECONDS)).isTrue();

        Answer busy = call(HttpMethod.GET, "/memo");

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfter()).isNotNull();
        assertThat(busy.body().getString("detail")).contains("inget ändrades");
        release.countDown();
        assertThat(occupied.await(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private record Answer(int status, String contentType, String retryAfter, JsonObject body) {
    }

    private Answer call(HttpMethod method, String path) throws Exception {
        return client.request(method, server.actualPort(), "127.0.0.1", path)
                .compose(request -> request.send())
                .compose((HttpClientResponse response) -> response.body().map(body -> new Answer(response.statusCode(),
                        response.getHeader("Content-Type"), response.getHeader("Retry-After"), body.toJsonObject())))
                .await(10, TimeUnit.SECONDS);
    }
}
