package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.testing.TestServices;

/**
 * The application as {@code ./lararena up} wires it, on the harness's real servers, with an HTTP client for tests.
 * A test class that needs one application for all its tests declares it with {@link WithApplication}; a test that
 * starts, stops or restarts one itself calls {@link #start}.
 */
final class RunningApplication implements AutoCloseable {

    /** Files per upload request in {@link #uploadMany}. */
    private static final int UPLOADS_PER_REQUEST = 100;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Vertx vertx;
    private final LararenaConfig config;
    final URI url;

    private RunningApplication(Vertx vertx, LararenaConfig config, URI url) {
        this.vertx = vertx;
        this.config = config;
        this.url = url;
    }

    /** An application another process runs (an instance of {@code ./lararena up}), reached at {@code url}; closing it does nothing. */
    static RunningApplication at(URI url) {
        return new RunningApplication(null, null, url);
    }

    /** Starts the application on {@code dataDir}; {@code overrides} are LARARENA_* settings. */
    static RunningApplication start(Path dataDir, Map<String, String> overrides) {
        return start(dataDir, overrides, new VertxOptions());
    }

    /** Starts the application on {@code dataDir} on a Vert.x with these options (e.g. a tighter blocked-thread check). */
    static RunningApplication start(Path dataDir, Map<String, String> overrides, VertxOptions options) {
        LararenaConfig config = LararenaConfig.fromMap(TestServices.get().applicationEnvironment(dataDir, overrides));
        Vertx vertx = Vertx.vertx(options);
        try {
            // LARARENA_START_TIMEOUT_SECONDS (at least two minutes): a loaded machine may need longer to start.
            vertx.deployVerticle(new ApplicationVerticle(config)).await(Math.max(120, config.startTimeout().toSeconds()), TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the application did not start: " + e.getMessage(), e);
        }
        return new RunningApplication(vertx, config, URI.create("http://127.0.0.1:" + config.httpPort()));
    }

    LararenaConfig config() {
        return config;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return get(url, path, token);
    }

    /** A GET of {@code path} on the application at {@code base}, with the caller's token (none if null). */
    static HttpResponse<String> get(URI base, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Follows the job an admin route answered with (202) until it is no longer running; returns the job, done or failed.
     * An answer that is not a job fails the test with its body.
     */
    JsonObject finishedJob(HttpResponse<String> accepted, String token) throws Exception {
        assertThat(accepted.statusCode()).as("a job: " + accepted.body()).isEqualTo(202);
        String href = new JsonObject(accepted.body()).getString("href");
        assertThat(accepted.headers().firstValue("Location")).as("where to follow the job").contains(href);
        JsonObject job = Eventually.until(() -> new JsonObject(get(href, token).body()), j -> !"running".equals(j.getString("state")),
                Duration.ofMinutes(10));
        assertThat(job.getString("state")).as("after 10 minutes: " + job).isNotEqualTo("running");
        return job;
    }

    HttpResponse<String> postFile(String token, String filename, String content, String visibility) throws Exception {
        return postFile(token, filename, content, Map.of("visibility", visibility));
    }

    /** Uploads one text file with these form fields ({@code visibility}, {@code pilot}, {@code type}, {@code date}, ...). */
    HttpResponse<String> postFile(String token, String filename, String content, Map<String, String> fields) throws Exception {
        String boundary = "lararena" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads one text file with this visibility, which must be accepted (202); returns its id without waiting for the pipeline. */
    String upload(String token, String filename, String content, String visibility) throws Exception {
        return upload(token, filename, content, Map.of("visibility", visibility));
    }

    /** Uploads one text file with these form fields, which must be accepted (202); returns its id without waiting for the pipeline. */
    String upload(String token, String filename, String content, Map<String, String> fields) throws Exception {
        HttpResponse<String> answer = postFile(token, filename, content, fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return new JsonArray(answer.body()).getJsonObject(0).getString("id");
    }

    /** Uploads several files in one public request and waits until each is indexed; returns their ids, in order. */
    List<String> uploadIndexed(String token, List<Upload> files) throws Exception {
        HttpResponse<String> uploaded = postFiles(token, files, "public");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        List<String> ids = new JsonArray(uploaded.body()).stream().map(d -> ((JsonObject) d).getString("id")).toList();
        assertThat(ids).hasSameSizeAs(files);
        for (String id : ids) {
            awaitStatus(id, token, "indexed");
        }
        return ids;
    }

    /** Uploads one text file with this visibility and waits until it is indexed; returns its id. */
    String uploadIndexed(String token, String filename, String content, String visibility) throws Exception {
        return uploadIndexed(token, filename, content, Map.of("visibility", visibility));
    }

    /** Uploads one text file with these form fields and waits until it is indexed; returns its id. */
    String uploadIndexed(String token, String filename, String content, Map<String, String> fields) throws Exception {
        String id = upload(token, filename, content, fields);
        awaitStatus(id, token, "indexed");
        return id;
    }

    /** The id of the newest document the caller may read that {@code which} accepts; fails the test if none. */
    String documentId(String token, Predicate<JsonObject> which) throws Exception {
        return documents(token).stream().filter(which).findFirst().map(document -> document.getString("id"))
                .orElseThrow(() -> new AssertionError("no such document among those the caller may read"));
    }

    /** A JSON request ({@code body} may be null) with the caller's token. */
    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return send(method, path, body, token, Duration.ofSeconds(30));
    }

    /** The same, for a request that waits for work of its own (a training the caller asked for) up to {@code timeout}. */
    HttpResponse<String> send(String method, String path, String body, String token, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file of a multipart upload: its name and type as the browser would send them, and its bytes. */
    record Upload(String filename, String contentType, byte[] content) {
    }

    /** Uploads several files in one request, as the upload page does. */
    HttpResponse<String> postFiles(String token, List<Upload> files, String visibility) throws Exception {
        return postFiles(url, token, files, visibility);
    }

    /** The same, to the application at {@code base}. */
    static HttpResponse<String> postFiles(URI base, String token, List<Upload> files, String visibility) throws Exception {
        String boundary = "lararena" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\n" + visibility + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (Upload file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.filename()
                    + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/documents")).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads {@code count} small public two-paragraph documents mentioning {@code word}, {@value #UPLOADS_PER_REQUEST} per request; returns their ids. */
    List<String> uploadMany(String token, int count, String word) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int first = 0; first < count; first += UPLOADS_PER_REQUEST) {
            List<Upload> files = new ArrayList<>();
            for (int n = first; n < Math.min(count, first + UPLOADS_PER_REQUEST); n++) {
                String text = "Dokument nummer " + n + " i " + word + " om vårdcentralens arbete med fast läkarkontakt.\n\n"
                        + "Ett andra stycke i " + word + " om hur kommunen och regionen delar ansvaret för hemsjukvården.\n";
                files.add(new Upload(word + "-" + n + ".txt", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = postFiles(token, files, "public");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            new JsonArray(response.body()).forEach(item -> ids.add(((JsonObject) item).getString("id")));
        }
        return ids;
    }

    /** Waits (at most five minutes) until {@code count} documents are indexed or failed; returns the status counts. */
    Map<String, Long> awaitAllSettled(String token, int count) throws Exception {
        return awaitAllSettled(token, count, Duration.ofMinutes(5));
    }

    /** Waits (at most {@code limit}) until {@code count} documents are indexed or failed; returns the status counts. */
    Map<String, Long> awaitAllSettled(String token, int count, Duration limit) throws Exception {
        return Eventually.until(() -> statusCounts(token),
                statuses -> statuses.getOrDefault("indexed", 0L) + statuses.getOrDefault("failed", 0L) == count, limit, Duration.ofMillis(500));
    }

    /** A condition a test waits for; it may call the application. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} until it holds (true) or {@code limit} has passed (false): a wait on a condition, not a fixed time. */
    static boolean awaitCondition(Duration limit, Condition condition) throws Exception {
        return Eventually.until(condition::holds, Boolean::booleanValue, limit);
    }

    /** How many of the caller's visible documents are in each status. */
    Map<String, Long> statusCounts(String token) throws Exception {
        return statusCounts(url, token);
    }

    /** The same, of the application at {@code base}. */
    static Map<String, Long> statusCounts(URI base, String token) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonObject document : documents(base, token)) {
            counts.merge(document.getString("status"), 1L, Long::sum);
        }
        return counts;
    }

    /** Every document the caller may read, newest first, read page by page as {@code /api/documents} gives them. */
    List<JsonObject> documents(String token) throws Exception {
        return documents(url, token);
    }

    /** The same, of the application at {@code base} (one a test started as a user would, with {@code ./lararena up}). */
    static List<JsonObject> documents(URI base, String token) throws Exception {
        List<JsonObject> all = new ArrayList<>();
        int page = 0;
        while (true) {
            JsonObject result = new JsonObject(get(base, "/api/documents?size=200&page=" + page, token).body());
            var documents = result.getJsonArray("documents");
            documents.stream().map(JsonObject.class::cast).forEach(all::add);
            if (documents.isEmpty() || (page + 1) * 200L >= result.getLong("total")) {
                return all;
            }
            page++;
        }
    }

    /** A researcher ({@code token}) accepts every suggestion of the document that is still suggested, in one review. */
    void acceptSuggestions(String documentId, String token) throws Exception {
        List<String> ids = annotations(documentId, token).stream()
                .filter(a -> "suggested".equals(a.getString("state"))).map(a -> a.getString("id")).toList();
        review(documentId, ids, "accepted", token);
    }

    /**
     * A researcher ({@code token}) reviews a document as its gold top themes say, as a careful researcher would:
     * accepts the suggestions of a gold theme, rejects the others, and tags the document's first passage, whole, with
     * each gold theme nothing in the document was suggested for. Returns the decisions made.
     */
    int reviewAsGoldSays(String documentId, Set<String> gold, String token) throws Exception {
        List<String> accept = new ArrayList<>();
        List<String> reject = new ArrayList<>();
        Set<String> suggested = new HashSet<>();
        for (JsonObject annotation : annotations(documentId, token)) {
            String theme = annotation.getJsonObject("theme").getString("iri");
            (gold.contains(theme) ? accept : reject).add(annotation.getString("id"));
            suggested.add(theme);
        }
        review(documentId, accept, "accepted", token);
        review(documentId, reject, "rejected", token);
        JsonObject first = passages(documentId, token).get(0);
        int tags = 0;
        for (String theme : gold) {
            if (!suggested.contains(theme)) {
                tagWholePassage(documentId, first.getString("id"), first.getString("text"), theme, token);
                tags++;
            }
        }
        return accept.size() + reject.size() + tags;
    }

    /** The document's annotations, as the caller ({@code token}) may read them. */
    List<JsonObject> annotations(String documentId, String token) throws Exception {
        return jsonObjects("/api/documents/" + documentId + "/annotations", token);
    }

    /** The document's passages, in order, as the caller ({@code token}) may read them. */
    List<JsonObject> passages(String documentId, String token) throws Exception {
        return jsonObjects("/api/documents/" + documentId + "/passages", token);
    }

    private List<JsonObject> jsonObjects(String path, String token) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body()).stream().map(JsonObject.class::cast).toList();
    }

    /** A researcher ({@code token}) gives the document's annotations {@code ids} a state ({@code accepted}, ...) in one review. */
    void review(String documentId, List<String> ids, String state, String token) throws Exception {
        if (ids.isEmpty()) {
            return;
        }
        HttpResponse<String> answer = send("POST", "/api/documents/" + documentId + "/annotations/review",
                new JsonObject().put("ids", new JsonArray(ids)).put("state", state).encode(), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** A researcher ({@code token}) tags a whole passage, whose text is {@code passageText}, with a concept. */
    void tagWholePassage(String documentId, String passageId, String passageText, String conceptIri, String token) throws Exception {
        JsonObject tag = new JsonObject().put("passageId", passageId).put("start", 0)
                .put("end", passageText.codePointCount(0, passageText.length())).put("concept", conceptIri);
        HttpResponse<String> added = send("POST", "/api/documents/" + documentId + "/annotations", tag.encode(), token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    /** Waits until every document the caller may read (the demo documents, in a fresh data directory) is indexed; returns them. */
    List<JsonObject> awaitAllIndexed(String token) throws Exception {
        List<JsonObject> indexed = new ArrayList<>();
        for (Object item : new JsonObject(get("/api/documents?size=100", token).body()).getJsonArray("documents")) {
            JsonObject document = (JsonObject) item;
            awaitStatus(document.getString("id"), token, "indexed");
            indexed.add(document);
        }
        return indexed;
    }

    /** Polls a document until it reaches {@code wanted} (or fails), and returns it. */
    JsonObject awaitStatus(String id, String token, String wanted) throws Exception {
        JsonObject document = Eventually.until(() -> new JsonObject(get("/api/documents/" + id, token).body()),
                found -> wanted.equals(found.getString("status")) || "failed".equals(found.getString("status")),
                Duration.ofSeconds(90), Duration.ofMillis(200));
        assertThat(document.getString("status")).as("status of %s (error: %s)", id, document.getString("error")).isEqualTo(wanted);
        return document;
    }

    /** Stops the application; false when it had not stopped after {@code limit}. */
    boolean stopWithin(Duration limit) throws InterruptedException {
        if (vertx == null) {
            return true;
        }
        try {
            vertx.close().await(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
