package org.lararena.web.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.codebook.CodebookActions;
import org.lararena.exchange.ImportFormat;
import org.lararena.exchange.RefiQdaImports;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Html;
import org.lararena.web.Jobs;
import org.lararena.web.Layout;
import org.lararena.web.Messages;
import org.lararena.web.auth.WebAuthentication;

/**
 * The REFI-QDA import for researchers in the browser, in plain forms that work without scripts: the file chosen on
 * the Dokument page (a QDPX project) or the Kodbok page (a QDC codebook) is kept on the server and previewed, each code
 * with a choice (a concept, a new concept, or skip) preset to the automatic match; confirming imports it with those
 * choices. A large project runs as a job, followed on a page of its own. The import itself is {@link RefiQdaImports},
 * the same as the API's. In the reader's language ({@link Messages}), the concepts offered too; what the file and the
 * import say (its codes, warnings and refusals) is shown as they say it.
 */
public final class ImportPage {

    private static final String PATH = "/import";
    private static final String SKIP = "_hoppa";
    private static final String CREATE = "_skapa";
    private static final String CODE_FIELD = "kod.";
    /** A preview not confirmed within this time is forgotten (its file deleted). */
    private static final Duration KEPT = Duration.ofHours(1);

    private final RequestWork work;
    private final RefiQdaImports imports;
    private final CodebookActions codebook;
    private final Jobs jobs;
    private final LararenaConfig.Exchange limits;
    private final Path stagingDir;
    /** Files previewed and not yet confirmed, by id. */
    private final Map<String, Staged> staged = new ConcurrentHashMap<>();

    private record Staged(String username, Path file, String filename, ImportFormat format, Instant at) {
    }

    public ImportPage(RequestWork work, RefiQdaImports imports, CodebookActions codebook, Jobs jobs, LararenaConfig.Exchange limits,
                      Path workDir) {
        this.work = Objects.requireNonNull(work);
        this.imports = Objects.requireNonNull(imports);
        this.codebook = Objects.requireNonNull(codebook);
        this.jobs = Objects.requireNonNull(jobs);
        this.limits = Objects.requireNonNull(limits);
        this.stagingDir = workDir.resolve("staged");
    }

    public void addRoutes(Router router) {
        router.post(PATH + "/:format").handler(this::requireResearcher);
        router.post(PATH + "/:format").handler(BodyHandler.create(stagingDir.toString()).setBodyLimit(limits.maxImportBytes())
                .setDeleteUploadedFilesOnEnd(true)).handler(this::preview);
        router.post(PATH + "/:format/bekrafta").handler(BodyHandler.create().setBodyLimit(1024 * 1024)).handler(this::confirm);
        router.get(PATH + "/jobb/:id").handler(this::job);
    }

    /** Before the upload is read: others get 403 at once. */
    private void requireResearcher(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        format(ctx);
        ctx.next();
    }

    private static ImportFormat format(RoutingContext ctx) {
        String format = ctx.pathParam("format");
        return ImportFormat.fromPathName(format)
                .orElseThrow(() -> LararenaException.notFound("no import of the format '" + format + "' (qdpx or qdc)"));
    }

    private void preview(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        ImportFormat format = format(ctx);
        if (ctx.fileUploads().size() != 1) {
            refused(ctx, format, LararenaException.badRequest(Messages.of(ctx).get("import.error.noFile")));
            return;
        }
        FileUpload upload = ctx.fileUploads().get(0);
        String id = UUID.randomUUID().toString();
        work.run(() -> {
                    forgetOld();
                    Path file = stagingDir.resolve(id + "." + format.pathName());
                    Files.move(Path.of(upload.uploadedFileName()), file, StandardCopyOption.REPLACE_EXISTING);
                    Staged kept = new Staged(caller.username(), file, upload.fileName(), format, Instant.now());
                    try {
                        JsonObject preview = run(kept, Map.of(), true).answer();
                        staged.put(id, kept);
                        return new JsonObject().put("preview", preview).put("concepts", codebook.tree().getJsonArray("concepts"));
                    } catch (RuntimeException e) {
                        Files.deleteIfExists(file);
                        throw e;
                    }
                })
                .onSuccess(state -> sendPreview(ctx, id, format, upload.fileName(), state.getJsonObject("preview"), state.getJsonArray("concepts"),
                        CodebookPage.labels(codebook.ontology(), Messages.of(ctx))))
                .onFailure(failure -> refusedOrFail(ctx, format, failure));
    }

    private void confirm(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        WebAuthentication.requireCsrfToken(ctx);
        ImportFormat format = format(ctx);
        MultiMap form = ctx.request().formAttributes();
        Staged kept = form.get("staged") == null ? null : staged.get(form.get("staged"));
        if (kept == null || !kept.username().equals(caller.username()) || kept.format() != format) {
            refused(ctx, format, LararenaException.notFound(Messages.of(ctx).get("import.error.expired")));
            return;
        }
        staged.remove(form.get("staged"));
        Map<String, String> mapping = new HashMap<>();
        form.names().stream().filter(name -> name.startsWith(CODE_FIELD)).forEach(name -> {
            String choice = form.get(name);
            mapping.put(name.substring(CODE_FIELD.length()), SKIP.equals(choice) ? "skip" : CREATE.equals(choice) ? "create"
                    : CodebookActions.iri(choice));
        });
        work.run(() -> {
                    try {
                        return run(kept, mapping, false);
                    } finally {
                        Files.deleteIfExists(kept.file());
                    }
                })
                .onSuccess(outcome -> sendResult(ctx, format, kept.filename(), outcome))
                .onFailure(failure -> refusedOrFail(ctx, format, failure));
    }

    private RefiQdaImports.Outcome run(Staged kept, Map<String, String> mapping, boolean preview) {
        return imports.run(kept.format(), kept.username(), kept.file(), kept.filename(), mapping, preview);
    }

    /** Deletes the files of previews nobody confirmed. */
    private void forgetOld() throws IOException {
        Files.createDirectories(stagingDir);
        Instant before = Instant.now().minus(KEPT);
        staged.entrySet().removeIf(entry -> {
            if (entry.getValue().at().isAfter(before)) {
                return false;
            }
            try {
                Files.deleteIfExists(entry.getValue().file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
    }

    private void job(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == Caller.ANONYMOUS) {
            ctx.redirect("/login?next=" + Html.url(Layout.here(ctx)));
            return;
        }
        caller.require(Caller.RESEARCHER);
        Jobs.Job job = jobs.findFor(ctx.pathParam("id"), caller)
                .orElseThrow(() -> LararenaException.notFound("no import job " + ctx.pathParam("id")));
        Messages messages = Messages.of(ctx);
        StringBuilder html = new StringBuilder("<h1>").append(messages.get("import.title")).append("</h1>");
        switch (job.state()) {
            case RUNNING -> {
                JsonObject progress = job.progress();
                html.append("<p role=\"status\">").append(progress == null ? messages.get("import.running")
                        : messages.counted("import.running.progress", progress.getLong("of"), progress.getLong("codings"), progress.getLong("of")));
                html.append("</p><p><a class=\"button\" href=\"").append(PATH).append("/jobb/").append(Html.url(job.id()))
                        .append("\">").append(messages.get("import.refresh")).append("</a></p>");
            }
            case DONE -> html.append(projectSummary(job.result(), messages));
            case FAILED -> html.append("<p class=\"error\" role=\"alert\">")
                    .append(messages.get("import.failed", Html.text(job.error().getString("detail")))).append("</p>");
        }
        Layout.send(ctx, new Layout.Page(messages.get("import.title"), "dokument", html.toString()));
    }

    /** @param label how the concepts offered are named (as on the Kodbok page) */
    private static void sendPreview(RoutingContext ctx, String id, ImportFormat format, String filename, JsonObject preview, JsonArray concepts,
                                    Function<JsonObject, String> label) {
        boolean project = format == ImportFormat.QDPX;
        Messages messages = Messages.of(ctx);
        String options = CodebookPage.options(concepts, 0, new StringBuilder(), label).toString();
        StringBuilder html = new StringBuilder("<h1>").append(messages.get("import.heading." + format.pathName())).append("</h1>")
                .append("<p>").append(messages.get("import.read", Html.text(filename))).append(' ');
        if (project) {
            html.append(messages.get("import.contents", count(messages, "documents", preview.getLong("documents")),
                    count(messages, "codings", preview.getLong("codings")), count(messages, "memos", preview.getLong("memos"))));
        }
        html.append(' ').append(messages.get("import.choose")).append("</p>");
        warnings(html, preview.getJsonArray("warnings"), messages);
        html.append("<form class=\"import-mapping\" method=\"post\" action=\"").append(PATH).append('/').append(format.pathName()).append("/bekrafta\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.text(WebAuthentication.csrfToken(ctx))).append("\">")
                .append("<input type=\"hidden\" name=\"staged\" value=\"").append(Html.text(id)).append("\">")
                .append("<table class=\"import-codes\"><caption>").append(messages.get("import.codes")).append("</caption><thead><tr><th scope=\"col\">")
                .append(messages.get("import.code")).append("</th>");
        if (project) {
            html.append("<th scope=\"col\">").append(messages.get("import.codings")).append("</th>");
        }
        html.append("<th scope=\"col\">").append(messages.get("import.becomes")).append("</th></tr></thead><tbody>");
        JsonArray codes = preview.getJsonArray("codes");
        for (int i = 0; i < codes.size(); i++) {
            JsonObject code = codes.getJsonObject(i);
            String match = code.getString("match");
            JsonObject concept = code.getJsonObject("concept");
            String chosen = "create".equals(match) ? CREATE : concept == null ? SKIP : CodebookActions.id(concept.getString("iri"));
            String choices = "<option value=\"" + SKIP + "\">" + messages.get("import.skip") + "</option><option value=\"" + CREATE + "\">"
                    + messages.get("import.create", Html.text(code.getString("name"))) + "</option>" + options;
            String marker = "<option value=\"" + Html.text(chosen) + "\">";
            html.append("<tr><th scope=\"row\" id=\"kod-").append(i).append("\">").append(Html.text(code.getString("path"))).append("</th>");
            if (project) {
                html.append("<td data-label=\"").append(messages.get("import.codings")).append("\">").append(code.getInteger("codings")).append("</td>");
            }
            html.append("<td><select name=\"").append(CODE_FIELD).append(Html.text(code.getString("guid"))).append("\" aria-labelledby=\"kod-")
                    .append(i).append("\">").append(choices.replaceFirst(Pattern.quote(marker),
                            Matcher.quoteReplacement("<option value=\"" + Html.text(chosen) + "\" selected>")))
                    .append("</select></td></tr>");
        }
        html.append("</tbody></table><button type=\"submit\">").append(messages.get("import.submit")).append("</button></form>")
                .append("<p><a href=\"/").append(section(format)).append("\">").append(messages.get("import.cancel")).append("</a></p>");
        Layout.send(ctx, new Layout.Page(messages.get("import.pageTitle." + format.pathName()), section(format), html.toString()));
    }

    private static void sendResult(RoutingContext ctx, ImportFormat format, String filename, RefiQdaImports.Outcome outcome) {
        JsonObject answer = outcome.answer();
        Messages messages = Messages.of(ctx);
        StringBuilder html = new StringBuilder("<h1>").append(messages.get("import.of", Html.text(filename))).append("</h1>");
        if (outcome.status() == 202) {
            html.append("<p role=\"status\">").append(messages.get("import.background")).append(" <a href=\"").append(PATH).append("/jobb/")
                    .append(Html.url(answer.getString("id"))).append("\">").append(messages.get("import.follow")).append("</a>.</p>");
        } else if (format == ImportFormat.QDC) {
            html.append("<p role=\"status\">").append(messages.get("import.codebookDone", count(messages, "newConcepts", answer.getLong("created")),
                    count(messages, "linkedCodes", answer.getLong("matched")), count(messages, "skipped", answer.getLong("skipped")))).append("</p>");
            warnings(html, answer.getJsonArray("warnings"), messages);
            html.append("<p><a href=\"/kodbok\">").append(messages.get("import.toCodebook")).append("</a></p>");
        } else {
            html.append(projectSummary(answer, messages));
        }
        ctx.response().setStatusCode(outcome.status() == 202 ? 202 : 200);
        Layout.send(ctx, new Layout.Page(messages.get("import.title"), section(format), html.toString()));
    }

    private static String projectSummary(JsonObject summary, Messages messages) {
        StringBuilder html = new StringBuilder("<p role=\"status\">").append(messages.get("import.projectDone",
                count(messages, "documents", summary.getLong("documents")), count(messages, "codings", summary.getLong("codings")),
                count(messages, "concepts", summary.getLong("concepts")), count(messages, "new", summary.getLong("created")),
                count(messages, "memos", summary.getLong("memos")))).append("</p>");
        warnings(html, summary.getJsonArray("warnings"), messages);
        return html.append("<p><a href=\"/dokument\">").append(messages.get("import.toDocuments")).append("</a></p>").toString();
    }

    /** {@code n} of what {@code phrase} names, as the import's sentences count it ({@code import.count.PHRASE.one} or {@code .many}). */
    private static String count(Messages messages, String phrase, long n) {
        return messages.counted("import.count." + phrase, n);
    }

    /** What the import warns of, as it says it. */
    private static void warnings(StringBuilder html, JsonArray warnings, Messages messages) {
        if (warnings == null || warnings.isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"varningar\"><h2 id=\"varningar\">").append(messages.get("import.warnings")).append("</h2><ul>");
        warnings.forEach(w -> html.append("<li>").append(Html.text(String.valueOf(w))).append("</li>"));
        html.append("</ul></section>");
    }

    private void refusedOrFail(RoutingContext ctx, ImportFormat format, Throwable failure) {
        if (failure instanceof LararenaException e && e.isClientError() && e.status() != 403) {
            refused(ctx, format, e);
        } else {
            ctx.fail(failure);
        }
    }

    /** The refusal in words, with its status: nothing was imported. */
    private static void refused(RoutingContext ctx, ImportFormat format, LararenaException e) {
        ctx.response().setStatusCode(e.status());
        Messages messages = Messages.of(ctx);
        Layout.send(ctx, new Layout.Page(messages.get("import.title"), section(format),
                "<h1>" + messages.get("import.title") + "</h1><p class=\"error\" role=\"alert\">" + messages.get("import.refused", Html.text(e.getMessage()))
                        + "</p><p><a href=\"/" + section(format) + "\">" + messages.get("import.back") + "</a></p>"));
    }

    /** The page a format's import starts from, and returns to: Dokument for a project, Kodbok for a codebook. */
    private static String section(ImportFormat format) {
        return switch (format) {
            case QDPX -> "dokument";
            case QDC -> "kodbok";
        };
    }
}
