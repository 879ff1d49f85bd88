package org.lararena.app;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * {@code ./lararena export --qdpx FILE [--documents ID,...] [--pseudonyms]} and {@code ./lararena import FILE.qdpx}:
 * REFI-QDA exchange with the running platform, through its API ({@code GET /api/export.qdpx}, {@code POST
 * /api/import/qdpx}), as the logged-in researcher.
 */
final class CliExchange {

    static final String EXPORT_USAGE = "usage: ./lararena export --qdpx FILE [--documents ID,...] [--pseudonyms]";
    static final String IMPORT_USAGE = "usage: ./lararena import FILE.qdpx|FILE.qdc";

    private final LararenaConfig config;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** What to export: the file to write, the documents (empty: all the caller may read), coders as pseudonyms. */
    record ExportOptions(Path file, String documents, boolean pseudonyms) {
    }

    CliExchange(LararenaConfig config, String token, PrintStream out) {
        this.config = config;
        this.token = token;
        this.out = out;
    }

    static ExportOptions parseExport(List<String> args) {
        Path file = null;
        String documents = null;
        boolean pseudonyms = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--qdpx", "--documents" -> {
                    if (i + 1 >= args.size()) {
                        throw LararenaException.badRequest(arg + " needs a value\n" + EXPORT_USAGE);
                    }
                    if (arg.equals("--qdpx")) {
                        file = Lararena.callerPath(args.get(++i));
                    } else {
                        documents = args.get(++i);
                    }
                }
                case "--pseudonyms" -> pseudonyms = true;
                default -> throw LararenaException.badRequest("unknown argument " + arg + "\n" + EXPORT_USAGE);
            }
        }
        if (file == null) {
            throw LararenaException.badRequest("name the file to write with --qdpx FILE\n" + EXPORT_USAGE);
        }
        return new ExportOptions(file, documents, pseudonyms);
    }

    static Path parseImport(List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            throw LararenaException.badRequest("name one QDPX or QDC file\n" + IMPORT_USAGE);
        }
        Path file = Lararena.callerPath(args.get(0));
        if (!Files.isRegularFile(file)) {
            throw LararenaException.badRequest(file + " does not exist");
        }
        return file;
    }

    /** Writes the export to the file (whole or not at all) and says how many documents and codings it holds. */
    int export(ExportOptions options) throws IOException, InterruptedException {
        String query = "?pseudonyms=" + options.pseudonyms()
                + (options.documents() == null ? "" : "&documents=" + URLEncoder.encode(options.documents(), StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(api("/api/export.qdpx" + query)).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw refused(response.statusCode(), new String(response.body().readAllBytes(), StandardCharsets.UTF_8), "export");
        }
        Path target = options.file().toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".lararena-export-", ".tmp");
        try (InputStream body = response.body()) {
            Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        out.println("exported to " + options.file() + " (" + Files.size(target) + " bytes)");
        return 0;
    }

    /**
     * Sends the file (a {@code .qdc} to the codebook import, anything else to the project import); follows the job a
     * large import becomes; prints what was imported and every warning.
     */
    int importFile(Path file) throws IOException, InterruptedException {
        boolean codebook = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdc");
        String boundary = "lararena-" + UUID.randomUUID();
        String name = file.getFileName().toString().replace("\"", "'").replaceAll("[\\r\\n]", " ");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(api(codebook ? "/api/import/qdc" : "/api/import/qdpx"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw refused(response.statusCode(), response.body(), "import");
        }
        JsonObject summary = response.statusCode() == 202 ? followJob(new JsonObject(response.body())) : new JsonObject(response.body());
        if (codebook) {
            out.println("imported: " + summary.getInteger("created") + " new concept(s), " + summary.getInteger("matched")
                    + " code(s) matched to concepts, " + summary.getInteger("skipped") + " skipped");
            summary.getJsonArray("warnings").forEach(warning -> out.println("  warning  " + warning));
            return 0;
        }
        out.println("imported: " + summary.getInteger("documents") + " document(s), " + summary.getInteger("codings") + " coding(s) of "
                + summary.getInteger("concepts") + " concept(s), " + summary.getInteger("memos") + " memo(s)");
        summary.getJsonArray("warnings").forEach(warning -> out.println("  warning  " + warning));
        return 0;
    }

    /** Waits for an import job, printing its progress; its result, or the platform's refusal. */
    private JsonObject followJob(JsonObject job) throws IOException, InterruptedException {
        out.println("a large import: it runs as job " + job.getString("id"));
        String last = "";
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(api(job.getString("href"))).GET(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw refused(response.statusCode(), response.body(), "import");
            }
            JsonObject now = new JsonObject(response.body());
            JsonObject progress = now.getJsonObject("progress");
            if (progress != null && !progress.encode().equals(last)) {
                last = progress.encode();
                out.println("  " + progress.getLong("codings") + " of " + progress.getLong("of") + " codings stored");
            }
            switch (now.getString("state")) {
                case "done" -> {
                    return now.getJsonObject("result");
                }
                case "failed" -> throw refused(now.getJsonObject("error").getInteger("status", 500), now.getJsonObject("error").encode(), "import");
                default -> Thread.sleep(1000); // a person waits at the terminal; once a second is enough
            }
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30)).build(), handler);
        } catch (ConnectException e) {
            throw LararenaException.unavailable("Lärarena is not reachable at " + config.publicUrl() + ": start it with ./lararena up", e);
        }
    }

    private URI api(String path) {
        return URI.create(config.publicUrl().toString().replaceAll("/+$", "") + path);
    }

    private static LararenaException refused(int status, String body, String what) {
        String detail;
        try {
            detail = new JsonObject(body).getString("detail");
        } catch (RuntimeException e) {
            detail = "status " + status;
        }
        return new LararenaException(status >= 400 && status < 600 ? status : 502, what + "_failed", "the platform refused the " + what + ": " + detail);
    }
}
