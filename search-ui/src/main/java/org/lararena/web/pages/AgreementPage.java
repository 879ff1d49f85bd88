package org.lararena.web.pages;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.web.DocumentsEndpoint;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.agreement.AgreementReport;
import org.lararena.ontology.agreement.Figure;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.platform.web.Caller;
import org.lararena.teamcoding.AgreementEndpoint;
import org.lararena.teamcoding.TeamCodingEndpoint;
import org.lararena.web.Html;
import org.lararena.web.Layout;

/**
 * Analys → Samstämmighet (researchers): for chosen documents and coders, per theme (or concept) alpha, percentage
 * agreement, kappa per pair and unitizing alpha with a reading in words; the passages where the coders differ, side
 * by side with each coder's spans; and one button per coder that adopts their coding as the document's consensus.
 * The figures are {@code /api/agreement}'s (docs/team-coding.md).
 */
public final class AgreementPage {

    /** At most this many differing passages are shown per document. */
    private static final int MAX_DIFFERENCES = 100;

    private final Vertx vertx;
    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final AgreementEndpoint agreement;

    public AgreementPage(Vertx vertx, DocumentStore documents, AnnotationStore annotations, Ontology ontology) {
        this.vertx = Objects.requireNonNull(vertx);
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.agreement = new AgreementEndpoint(vertx, documents, annotations, ontology);
    }

    public void addRoutes(Router router) {
        router.get("/analys/samstammighet").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == Caller.ANONYMOUS) {
            ctx.redirect("/login?next=" + Html.url("/analys/samstammighet"));
            return;
        }
        caller.require(Caller.RESEARCHER);
        List<String> chosen = ctx.queryParams().getAll("documents");
        String codersText = ctx.queryParams().get("coders") == null ? "forskare,forskare2,annotator" : ctx.queryParams().get("coders");
        String level = "concept".equals(ctx.queryParams().get("level")) ? "concept" : "theme";
        vertx.executeBlocking(() -> body(caller, chosen, codersText, level), false)
                .onSuccess(body -> Layout.send(ctx, new Layout.Page("Samstämmighet", "analys", body)))
                .onFailure(ctx::fail);
    }

    private String body(Caller caller, List<String> chosen, String codersText, String level) {
        StringBuilder html = new StringBuilder("<h1>Samstämmighet</h1>")
                .append("<p>Hur väl forskarnas oberoende kodning stämmer överens, per tema eller begrepp. Ett dokument räknas för en ")
                .append("forskare först när hen har markerat det som klart.</p>")
                .append("<form method=\"get\" action=\"/analys/samstammighet\" class=\"agreement-form\"><fieldset><legend>Dokument</legend>");
        List<DocumentRecord> coded = new ArrayList<>();
        for (DocumentRecord record : documents.all()) {
            if (DocumentsEndpoint.mayRead(caller, record) && !annotations.codingStatus(record.id()).isEmpty()) {
                coded.add(record);
            }
        }
        if (coded.isEmpty()) {
            html.append("<p>Inget dokument har kodats av en forskare ännu.</p>");
        }
        for (DocumentRecord record : coded) {
            html.append("<label><input type=\"checkbox\" name=\"documents\" value=\"").append(Html.text(record.id())).append('"')
                    .append(chosen.contains(record.id()) ? " checked" : "").append("> ")
                    .append(Html.text(record.title() == null ? record.filename() : record.title())).append("</label><br>");
        }
        html.append("</fieldset><label for=\"coders\">Kodare (kommaseparerade; annotator är maskinen)</label>")
                .append("<input id=\"coders\" name=\"coders\" value=\"").append(Html.text(codersText)).append("\">")
                .append("<label for=\"level\">Nivå</label><select id=\"level\" name=\"level\"><option value=\"theme\"")
                .append(level.equals("theme") ? " selected" : "").append(">Teman</option><option value=\"concept\"")
                .append(level.equals("concept") ? " selected" : "").append(">Begrepp</option></select>")
                .append("<button type=\"submit\">Jämför</button></form>");
        if (chosen.isEmpty()) {
            return html.toString();
        }
        List<String> coders = List.of(codersText.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        List<DocumentRecord> records = chosen.stream().map(id -> TeamCodingEndpoint.readable(documents, id, caller)).toList();
        if (coders.size() < 2) {
            return html.append("<p class=\"error\">Välj minst två kodare.</p>").toString();
        }
        AgreementReport report = agreement.compute(records, coders, level);
        figures(html, report, level);
        for (DocumentRecord record : records) {
            differences(html, record, coders);
        }
        html.append("<script type=\"module\" src=\"/static/js/agreement.js\"></script>");
        return html.toString();
    }

    private static void figures(StringBuilder html, AgreementReport report, String level) {
        html.append("<h2>").append(level.equals("theme") ? "Per tema" : "Per begrepp").append(" (").append(report.units())
                .append(" passager)</h2><table class=\"agreement\"><thead><tr><th>").append(level.equals("theme") ? "Tema" : "Begrepp")
                .append("</th><th>α</th><th>Andel lika</th>");
        List<AgreementReport.PairKappa> pairs = report.categories().isEmpty() ? List.of() : report.categories().get(0).kappa();
        pairs.forEach(k -> html.append("<th>κ ").append(Html.text(k.coder())).append("/").append(Html.text(k.otherCoder())).append("</th>"));
        html.append("<th>α<sub>U</sub></th><th>Läsning</th></tr></thead><tbody>");
        for (AgreementReport.CategoryAgreement category : report.categories()) {
            html.append("<tr><th scope=\"row\">").append(Html.text(category.category().label())).append("</th>")
                    .append(cell(category.alpha())).append(cell(category.percent()));
            category.kappa().forEach(k -> html.append(cell(k.value())));
            html.append(cell(category.alphaU())).append("<td>").append(Html.text(AgreementEndpoint.reading(category.alpha()))).append("</td></tr>");
        }
        html.append("</tbody><tfoot><tr><th scope=\"row\">Alla</th>").append(cell(report.overallAlpha())).append(cell(report.overallPercent()))
                .append("</tr></tfoot></table>");
    }

    /** The passages of one document where the coders' layers differ, each coder's spans side by side, and the adopt buttons. */
    private void differences(StringBuilder html, DocumentRecord record, List<String> coders) {
        List<StoredAnnotation> all = annotations.annotationsOf(record.id());
        Map<String, List<Decision>> decisions = annotations.decisions(record.id());
        Map<String, Map<String, Set<String>>> byPassage = new LinkedHashMap<>();
        for (String coder : coders) {
            for (StoredAnnotation a : CoderView.of(all, decisions, coder)) {
                if (CoderView.applied(a, coder)) {
                    byPassage.computeIfAbsent(a.passageId(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(coder, k -> new TreeSet<>()).add(ontology.labelSv(a.conceptIri()) + ": ”" + a.exact() + "”");
                }
            }
        }
        html.append("<section class=\"differences\"><h2>").append(Html.text(record.title() == null ? record.filename() : record.title()))
                .append("</h2><table><thead><tr><th>Passage</th>");
        coders.forEach(c -> html.append("<th>").append(Html.text(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        int shown = 0;
        for (Map.Entry<String, Map<String, Set<String>>> passage : byPassage.entrySet()) {
            Set<Set<String>> distinct = new java.util.HashSet<>();
            coders.forEach(c -> distinct.add(concepts(passage.getValue().getOrDefault(c, Set.of()))));
            if (distinct.size() < 2 || shown++ >= MAX_DIFFERENCES) {
                continue;
            }
            html.append("<tr><td><a href=\"/kodning/").append(Html.url(record.id())).append("#").append(Html.text(passage.getKey())).append("\">")
                    .append(Html.text(passage.getKey())).append("</a></td>");
            for (String coder : coders) {
                html.append("<td><ul>");
                passage.getValue().getOrDefault(coder, Set.of()).forEach(s -> html.append("<li>").append(Html.text(s)).append("</li>"));
                html.append("</ul></td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (shown == 0) {
            html.append("<p>Kodarna är eniga om alla passager.</p>");
        }
        html.append("<p class=\"adopt\">");
        for (String coder : coders) {
            html.append("<button type=\"button\" data-document=\"").append(Html.text(record.id())).append("\" data-adopt=\"").append(Html.text(coder))
                    .append("\">Anta ").append(Html.text(coder)).append("s kodning som konsensus</button> ");
        }
        html.append("<span class=\"adopt-status\" role=\"status\"></span></p></section>");
    }

    /** The concepts of a coder's spans in one passage (the part before the quote). */
    private static Set<String> concepts(Set<String> spans) {
        Set<String> concepts = new TreeSet<>();
        spans.forEach(s -> concepts.add(s.substring(0, s.indexOf(": ”"))));
        return concepts;
    }

    private static String cell(Figure figure) {
        return figure.value() == null ? "<td title=\"" + Html.text(figure.reason()) + "\">–</td>"
                : "<td>" + String.format(Locale.ROOT, "%.2f", figure.value()) + "</td>";
    }
}
