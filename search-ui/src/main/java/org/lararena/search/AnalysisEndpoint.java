package org.lararena.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET /api/analysis?q=&theme=&pilot=&type=&year=&speaker=} for researchers and pilots: the theme × pilot
 * matrix, theme co-occurrence and themes per year over the passages of that search the caller may read.
 * {@code &format=csv&table=matrix|cooccurrence|overtime} gives one table as CSV (UTF-8 with a byte-order mark, so
 * spreadsheet programs read the Swedish letters right). {@code &lang=en} labels the themes (and the CSV's first column)
 * in English; anything else, or nothing, in Swedish.
 */
public final class AnalysisEndpoint {

    private final RequestWork work;
    private final PassageSearch search;
    private final Ontology ontology;

    /** @param ontology whose top themes the tables have rows for, and whose labels name them */
    public AnalysisEndpoint(RequestWork work, PassageSearch search, Ontology ontology) {
        this.work = Objects.requireNonNull(work);
        this.search = Objects.requireNonNull(search);
        this.ontology = Objects.requireNonNull(ontology);
    }

    /** Analys is for researchers, and for pilots over what they may read; attendees and anonymous callers are refused. */
    public static boolean mayAnalyse(Caller caller) {
        return caller.isResearcher() || caller.has(Caller.PILOT);
    }

    public void addRoutes(Router router) {
        router.get("/api/analysis").handler(this::analysis);
    }

    /**
     * The analysis of the search in the request's parameters, for a caller who may analyse (else a 403), its themes
     * labelled in {@code language} ({@code en}, or else Swedish).
     */
    public Future<JsonObject> analyse(RoutingContext ctx, String language) {
        Caller caller = Caller.of(ctx);
        if (!mayAnalyse(caller)) {
            return Future.failedFuture(LararenaException.forbidden("Analys is for researchers and pilots"));
        }
        SearchRequest request;
        try {
            request = SearchRequest.fromParams(ctx.queryParams());
        } catch (LararenaException e) {
            return Future.failedFuture(e);
        }
        List<String> themes = ontology.topThemes().stream().map(Concept::iri).toList();
        Function<Concept, String> inLanguage = "en".equals(language) ? Concept::labelEn : Concept::labelSv;
        return work.run(() -> search.analysis(request, caller, themes, iri -> ontology.concept(iri).map(inLanguage).orElse(iri)));
    }

    private void analysis(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw LararenaException.badRequest("format must be json or csv (got '" + format + "')");
        }
        String table = ctx.queryParams().get("table") == null ? "matrix" : ctx.queryParams().get("table");
        if (!List.of("matrix", "cooccurrence", "overtime").contains(table)) {
            throw LararenaException.badRequest("table must be matrix, cooccurrence or overtime (got '" + table + "')");
        }
        String language = "en".equals(ctx.queryParams().get("lang")) ? "en" : "sv";
        analyse(ctx, language).onSuccess(result -> {
            if ("csv".equals(format)) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"lararena-" + table + ".csv\"")
                        .end("\uFEFF" + csv(result, table, language));
            } else {
                RequestWork.sendJson(ctx, 200, result);
            }
        }).onFailure(ctx::fail);
    }

    /** One of the three tables as CSV: a header row, then one row per theme ({@code language}: the first column's name). */
    public static String csv(JsonObject analysis, String table, String language) {
        JsonObject part = analysis.getJsonObject(switch (table) {
            case "cooccurrence" -> "cooccurrence";
            case "overtime" -> "overTime";
            default -> "matrix";
        });
        JsonArray columns = switch (table) {
            case "cooccurrence" -> new JsonArray(part.getJsonArray("themes").stream().map(t -> ((JsonObject) t).getString("label")).toList());
            case "overtime" -> part.getJsonArray("years");
            default -> part.getJsonArray("pilots");
        };
        StringBuilder csv = new StringBuilder(cell("en".equals(language) ? "Theme" : "Tema"));
        columns.forEach(c -> csv.append(',').append(cell(String.valueOf(c))));
        csv.append("\r\n");
        JsonArray rows = part.getJsonArray("themes");
        for (int i = 0; i < rows.size(); i++) {
            csv.append(cell(rows.getJsonObject(i).getString("label")));
            part.getJsonArray("counts").getJsonArray(i).forEach(n -> csv.append(',').append(n));
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** A CSV field, quoted when needed; a leading formula character is defused so a spreadsheet shows it as text. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("(?s).*[\",\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
