package org.lararena.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * {@code ./lararena ingest PATH... [--pilot P] [--type T] [--visibility V] [--recursive]}: uploads files to the
 * running platform in batches, follows each to its end with a progress bar, and prints a summary. The exit
 * code is non-zero when any file failed.
 */
final class CliIngest {

    static final String USAGE = "usage: ./lararena ingest PATH... [--pilot P] [--type T] [--visibility V] [--recursive]";
    private static final int FILES_PER_REQUEST = 25;
    private static final Duration POLL = Duration.ofMillis(500);

    private final LararenaConfig config;
    private final String token;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    record Options(List<Path> paths, Map<String, String> fields, boolean recursive) {
    }

    /** One file's fate: where it is in the pipeline and, at the end, why it failed or which document it repeats. */
    private record Outcome(Path file, String id, String status, String detail, JsonObject progress) {

        Outcome(Path file, String id, String status, String detail) {
            this(file, id, status, detail, null);
        }

        boolean isFinal() {
            return List.of("indexed", "failed", "duplicate").contains(status);
        }
    }

    CliIngest(LararenaConfig config, String token, PrintStream out, PrintStream err) {
        this.config = config;
        this.token = token;
        this.out = out;
        this.err = err;
    }

    static Options parse(List<String> args) {
        List<Path> paths = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        boolean recursive = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--recursive", "-r" -> recursive = true;
                case "--pilot", "--type", "--visibility", "--title", "--date" -> {
                    if (i + 1 >= args.size()) {
                        throw LararenaException.badRequest(arg + " needs a value\n" + USAGE);
                    }
                    fields.put(arg.substring(2), args.get(++i));
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw LararenaException.badRequest("unknown option " + arg + "\n" + USAGE);
                    }
                    paths.add(Lararena.callerPath(arg));
                }
            }
        }
        if (paths.isEmpty()) {
            throw LararenaException.badRequest("name at least one file or folder\n" + USAGE);
        }
        return new Options(paths, fields, recursive);
    }

    /** Collects the files to send; a missing path or a folder without --recursive is an error before anything is sent. */
    static List<Path> files(Options options) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : options.paths()) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                if (!options.recursive()) {
                    throw LararenaException.badRequest(path + " is a folder: add --recursive to send what it holds");
                }
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
                }
            } else {
                throw LararenaException.badRequest(path + " does not exist");
            }
        }
        return files;
    }

    int run(Options options) throws IOException, InterruptedException {
        List<Path> files = files(options);
        List<Outcome> outcomes = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Path file : files) {
            long size = Files.size(file);
            if (size > config.maxUploadBytes()) {
                outcomes.add(new Outcome(file, null, "failed", "larger than the upload limit of " + config.maxUploadBytes() / (1024 * 1024) + " MB"));
                continue;
            }
            if (batch.size() == FILES_PER_REQUEST || batchBytes + size > config.maxUploadBytes()) {
                outcomes.addAll(upload(batch, options.fields()));
                batch.clear();
                batchBytes = 0;
            }
            batch.add(file);
            batchBytes += size;
            progress(outcomes, files.size());
        }
        if (!batch.isEmpty()) {
            outcomes.addAll(upload(batch, options.fields()));
        }
        while (outcomes.stream().anyMatch(o -> !o.isFinal())) {
            progress(outcomes, files.size());
            Thread.sleep(POLL);
            outcomes.replaceAll(this::refresh);
        }
        progress(outcomes, files.size());
        err.println();
        return summary(outcomes);
    }

    private List<Outcome> upload(List<Path> files, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "lararena-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : files) {
            String name = file.getFileName().toString().replace("\"", "'").replaceAll("[\\r\\n]", " ");
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (response.statusCode() != 202) {
            throw new LararenaException(response.statusCode() >= 400 && response.statusCode() < 600 ? response.statusCode() : 502,
                    "upload_failed", "the platform refused the upload: " + detail(response));
        }
        JsonArray accepted = new JsonArray(response.body());
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            JsonObject document = accepted.getJsonObject(i);
            outcomes.add(new Outcome(files.get(i), document.getString("id"), document.getString("status"),
                    document.getString("duplicateOf")));
        }
        return outcomes;
    }

    private Outcome refresh(Outcome outcome) {
        if (outcome.isFinal()) {
            return outcome;
        }
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/documents/" + outcome.id())).GET());
            if (response.statusCode() != 200) {
                return outcome;
            }
            JsonObject document = new JsonObject(response.body());
            String detail = "failed".equals(document.getString("status")) ? document.getString("error") : document.getString("duplicateOf");
            return new Outcome(outcome.file(), outcome.id(), document.getString("status"), detail, document.getJsonObject("progress"));
        } catch (IOException | InterruptedException e) {
            return outcome;
        }
    }

    private void progress(List<Outcome> outcomes, int total) {
        long done = outcomes.stream().filter(Outcome::isFinal).count();
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        // A large document annotated in turns: how far it has come, so a long wait is not a silent one.
        String largest = outcomes.stream().filter(o -> !o.isFinal() && o.progress() != null)
                .max(Comparator.comparingInt(o -> o.progress().getInteger("total", 0)))
                .map(o -> " · " + o.file().getFileName() + ": " + o.progress().getInteger("done", 0) + "/" + o.progress().getInteger("total", 0)
                        + " stycken")
                .orElse("");
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + largest + "\u001b[K");
        err.flush();
    }

    private int summary(List<Outcome> outcomes) {
        long indexed = outcomes.stream().filter(o -> o.status().equals("indexed")).count();
        List<Outcome> duplicates = outcomes.stream().filter(o -> o.status().equals("duplicate")).toList();
        List<Outcome> failed = outcomes.stream().filter(o -> o.status().equals("failed")).toList();
        out.println("indexed: " + indexed + ", duplicate: " + duplicates.size() + ", failed: " + failed.size());
        duplicates.forEach(o -> out.println("  duplicate  " + o.file() + " (same content as document " + o.detail() + ")"));
        failed.forEach(o -> out.println("  failed     " + o.file() + ": " + o.detail()));
        return failed.isEmpty() ? 0 : 1;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw LararenaException.unavailable("Lärarena is not reachable at " + config.publicUrl() + ": start it with ./lararena up", e);
        }
    }

    private URI api(String path) {
        return URI.create(config.publicUrl().toString().replaceAll("/+$", "") + path);
    }

    private static String detail(HttpResponse<String> response) {
        try {
            return new JsonObject(response.body()).getString("detail");
        } catch (RuntimeException e) {
            return "status " + response.statusCode();
        }
    }
}
