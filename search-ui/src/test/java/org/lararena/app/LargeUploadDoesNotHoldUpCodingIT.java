package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.testing.TestServices;
import org.slf4j.LoggerFactory;

/**
 * A team at work: one researcher's large upload is annotated while another codes and a third uploads a small file.
 * The application runs with Vert.x's blocked-thread checker set tight, and any warning it gives fails the test.
 */
class LargeUploadDoesNotHoldUpCodingIT {

    /** The checker's logger in Vert.x 5. */
    private static final String BLOCKED_THREAD_CHECKER = "io.vertx.core.impl.BlockedThreadChecker";
    /** Paragraphs of the large document: enough that annotating it takes many steps. */
    private static final int LARGE_PASSAGES = 3_000;

    @Test
    void codingAnswersAtOnceAndASmallFileIsIndexedWhileALargeDocumentIsAnnotated(@TempDir Path data) throws Exception {
        ListAppender<ILoggingEvent> blockedThreads = new ListAppender<>();
        blockedThreads.start();
        Logger checker = (Logger) LoggerFactory.getLogger(BLOCKED_THREAD_CHECKER);
        checker.addAppender(blockedThreads);
        VertxOptions tight = new VertxOptions().setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                // Each warning with the stack of the blocked thread, so a failure says where.
                .setWarningExceptionTime(200).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
        String researcher = TestServices.get().accessToken("forskare", "forskare");
        try (RunningApplication app = RunningApplication.start(data, Map.of("LARARENA_DEMO_DATA", "false"), tight)) {
            String coded = id(app.postFile(researcher, "arbetsmote-vardcentralen.txt",
                    "Samverkan mellan kommunen och regionen, tillgänglighet på vårdcentralen och kontinuitet för de äldre.\n\n"
                            + "Digitala vårdmöten och kompetensförsörjning diskuterades också.", "pilot"));
            app.awaitStatus(coded, researcher, "indexed");
            List<JsonObject> suggestions = annotations(app, coded, researcher);
            assertThat(suggestions).hasSizeGreaterThanOrEqualTo(4);
            List<String> progress = new CopyOnWriteArrayList<>();
            CompletableFuture<?> events = follow(app.url.resolve("/api/ingest/events"), researcher, progress);

            String large = id(app.postFile(researcher, "storre-rapport.txt", largeText(), "pilot"));
            awaitAnyStatus(app, large, researcher, "annotating");

            // Accept, reject, undo, tag: each answers, and is applied before its answer.
            for (int i = 0; i < 3; i++) {
                String state = i % 2 == 0 ? "accepted" : "rejected";
                HttpResponse<String> reviewed = app.send("PATCH", "/api/annotations/" + suggestions.get(i).getString("id"),
                        "{\"state\":\"" + state + "\"}", researcher);
                assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
                assertThat(stateOf(app, coded, suggestions.get(i).getString("id"), researcher)).isEqualTo(state);
            }
            HttpResponse<String> undone = app.send("PATCH", "/api/annotations/" + suggestions.get(1).getString("id"),
                    "{\"state\":\"suggested\"}", researcher);
            assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
            assertThat(stateOf(app, coded, suggestions.get(1).getString("id"), researcher)).isEqualTo("suggested");
            HttpResponse<String> tagged = app.send("POST", "/api/documents/" + coded + "/annotations", new JsonObject()
                    .put("passageId", suggestions.get(0).getString("passageId")).put("start", 0).put("end", 9).put("concept", LAR.BASE + "tema/digitalisering")
                    .encode(), researcher);
            assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(201);
            assertThat(stateOf(app, coded, new JsonObject(tagged.body()).getString("id"), researcher)).isEqualTo("accepted");

            // A small file uploaded now is not held up behind the large one.
            String small = id(app.postFile(researcher, "kort-anteckning.txt", "Kort anteckning om hemsjukvården i glesbygden.", "pilot"));
            app.awaitStatus(small, researcher, "indexed");
            assertThat(status(app, large, researcher)).as("the large document is still on its way when the small one is searchable")
                    .isIn("annotating", "indexing");

            JsonObject done = awaitAnyStatus(app, large, researcher, "indexed");
            // The segmenter may join short paragraphs: the passages are what it made of the text.
            int passages = done.getInteger("passages");
            assertThat(passages).as("passages of the large document").isGreaterThan(LARGE_PASSAGES / 3);
            events.cancel(true);
            assertThat(progress).as("progress of the large document, passages done of total")
                    .anySatisfy(event -> assertThat(event).contains(large).contains("\"total\":" + passages))
                    .anySatisfy(event -> assertThat(event).contains(large).doesNotContain("\"done\":0,").doesNotContain("\"done\":" + passages + ","));
        } finally {
            checker.detachAppender(blockedThreads);
        }
        assertThat(blockedThreads.list).as("Vert.x's blocked-thread warnings")
                .filteredOn(warning -> !initialisingALibraryClass(warning))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    /**
     * Whether the blocked thread was caught initialising a library's class: one-time work of the JVM that no code of
     * Lärarena can move off the loop, such as Netty's buffer allocator registering its flight-recorder event on its
     * first use, which took 204 ms once on a loaded machine. A class of Lärarena's own is still a failure.
     */
    private static boolean initialisingALibraryClass(ILoggingEvent warning) {
        IThrowableProxy blocked = warning.getThrowableProxy();
        if (blocked == null) {
            return false;
        }
        for (StackTraceElementProxy frame : blocked.getStackTraceElementProxyArray()) {
            StackTraceElement element = frame.getStackTraceElement();
            if (element.getMethodName().equals("<clinit>")) {
                return !element.getClassName().startsWith("org.lararena.");
            }
        }
        return false;
    }

    /** Paragraphs of ordinary report text, each a passage of its own; written for this test. */
    private static String largeText() {
        String[] sentences = {
            "Vårdcentralen har under året arbetat med att ge fler patienter en fast läkarkontakt.",
            "Kommunen och regionen har tagit fram gemensamma rutiner för utskrivning från sjukhuset.",
            "Medarbetarna beskriver att ledarskapet har varit avgörande när arbetssätten förändrades.",
            "Digitala vårdmöten används allt oftare av äldre som bor långt från närmaste mottagning.",
            "Bristen på sjuksköterskor gör att planeringen av hemsjukvården måste ses över varje vecka.",
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LARGE_PASSAGES; i++) {
            text.append("Avsnitt ").append(i + 1).append(". ").append(sentences[i % sentences.length]).append(' ')
                    .append(sentences[(i * 3 + 1) % sentences.length]).append("\n\n");
        }
        return text.toString();
    }

    /** Collects the event stream's status events that carry progress, until cancelled. */
    private static CompletableFuture<?> follow(URI events, String token, List<String> progress) {
        HttpRequest request = HttpRequest.newBuilder(events).header("Authorization", "Bearer " + token).build();
        return RunningApplication.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> lines = response.body()) {
                        lines.filter(line -> line.startsWith("data:") && line.contains("\"progress\"")).forEach(progress::add);
                    }
                });
    }

    private static JsonObject awaitAnyStatus(RunningApplication app, String id, String token, String wanted) throws Exception {
        JsonObject document = Eventually.until(() -> new JsonObject(app.get("/api/documents/" + id, token).body()),
                d -> wanted.equals(d.getString("status")) || "failed".equals(d.getString("status")), Duration.ofMinutes(5));
        assertThat(document.getString("status")).as("status of %s (error: %s)", id, document.getString("error")).isEqualTo(wanted);
        return document;
    }

    private static String status(RunningApplication app, String id, String token) throws Exception {
        return new JsonObject(app.get("/api/documents/" + id, token).body()).getString("status");
    }

    private static String stateOf(RunningApplication app, String documentId, String annotationId, String token) throws Exception {
        return annotations(app, documentId, token).stream().filter(a -> a.getString("id").equals(annotationId)).findFirst().orElseThrow()
                .getString("state");
    }

    private static List<JsonObject> annotations(RunningApplication app, String documentId, String token) throws Exception {
        return new JsonArray(app.get("/api/documents/" + documentId + "/annotations", token).body()).stream()
                .map(JsonObject.class::cast).toList();
    }

    private static String id(HttpResponse<String> upload) {
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        return new JsonArray(upload.body()).getJsonObject(0).getString("id");
    }
}
