package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lararena.platform.services.Ports;
import org.lararena.platform.services.ServerDistributions;
import org.lararena.platform.testing.TestServices;

/**
 * {@code ./lararena up} as a user runs it, with its own managed Elasticsearch (Keycloak is the harness's) and its
 * own data directory under {@code target/}: there, unlike in a private temporary folder, the account Elasticsearch
 * runs as under root can reach it. Its output goes to {@link #log()}.
 */
final class ManagedUp implements AutoCloseable {

    final Path dataDir;
    final URI url;
    final Map<String, String> env = new HashMap<>();
    private final Path log;
    private Process process;

    ManagedUp(String name, Map<String, String> overrides) throws IOException {
        String keycloak = TestServices.get().keycloakUrl().toString();
        dataDir = Files.createDirectories(Path.of("target").toAbsolutePath().resolve(name + "-" + System.nanoTime()));
        log = dataDir.resolveSibling(dataDir.getFileName() + "-up.log");
        env.put("LARARENA_DATA_DIR", dataDir.toString());
        env.put("LARARENA_HTTP_PORT", String.valueOf(Ports.freePort()));
        env.put("LARARENA_ES_PORT", String.valueOf(Ports.freePort()));
        env.put("LARARENA_ES_HEAP_MB", "512");
        env.put("LARARENA_KEYCLOAK_URL", keycloak);
        env.put("LARARENA_DEMO_DATA", "false");
        env.put("LARARENA_MIN_FREE_DISK_MB", "0");
        env.put("LARARENA_START_TIMEOUT_SECONDS", "900");
        env.putAll(overrides);
        url = URI.create("http://127.0.0.1:" + env.get("LARARENA_HTTP_PORT"));
    }

    /** Starts {@code ./lararena up} with {@code options} and waits until {@code /health} (of the first instance) answers 200. */
    ManagedUp start(String... options) throws Exception {
        String[] command = new String[options.length + 1];
        command[0] = "up";
        System.arraycopy(options, 0, command, 1, options.length);
        process = CliRunner.builder(env, command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process started = process;
        await("the platform is healthy", Duration.ofMinutes(15), () -> {
            if (!started.isAlive()) {
                throw new AssertionError("./lararena up ended with " + started.exitValue() + ": " + log());
            }
            return get("/health", null).statusCode() == 200;
        });
        return this;
    }

    /** Stops it as Ctrl-C does, and waits until everything it started has ended. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    CliRunner.Run cli(String... args) throws IOException, InterruptedException {
        return CliRunner.run(env, args);
    }

    /** Uploads one public text document. */
    void upload(String token, String filename, String text) throws Exception {
        String boundary = "up" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\npublic\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = RunningApplication.HTTP.send(HttpRequest.newBuilder(url.resolve("/api/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** The search answer for {@code query}, or null while search is unavailable. */
    JsonObject search(String token, String query) throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
        return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
    }

    long hits(String token, String query) throws Exception {
        JsonObject answer = search(token, query);
        return answer == null ? -1 : answer.getLong("total");
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return RunningApplication.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        stop();
        ServerDistributions.deleteTree(dataDir);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits until {@code condition} holds (a connection refused counts as not yet), failing after {@code timeout}. */
    static void await(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String lastError = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                lastError = " (last error " + e + ")";
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s" + lastError);
    }
}
