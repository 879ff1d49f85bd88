package org.lararena.web.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.text.Collator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lararena.documents.DocumentsEndpoint;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.agreement.AgreementReport;
import org.lararena.ontology.agreement.Figure;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.teamcoding.AgreementEndpoint;
import org.lararena.teamcoding.CoderLayers;
import org.lararena.teamcoding.TeamCodingEndpoint;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;

/**
 * Analys → Samstämmighet (researchers): for chosen documents and coders, per theme (or concept) alpha, percentage
 * agreement, kappa per pair and unitizing alpha with a reading in words; the passages where the coders differ, side
 * by side with each coder's spans and the consensus's; one button per coder that adopts their coding as the
 * document's consensus, and a choice per differing passage of whose spans stand, saved as the consensus.
 * The figures are {@code /api/agreement}'s (docs/team-coding.md). In the reader's language ({@link Messages}), the
 * themes' and concepts' labels, the figures' readings and the reasons a figure cannot be computed (the API's codes) too.
 */
public final class AgreementPage {

    /** At most this many differing passages are shown per document. */
    private static final int MAX_DIFFERENCES = 100;

    private final RequestWork work;
    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final AgreementEndpoint agreement;
    private final CoderLayers layers;

    public AgreementPage(RequestWork work, DocumentStore documents, AnnotationStore annotations, Ontology ontology) {
        this.work = Objects.requireNonNull(work);
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.agreement = new AgreementEndpoint(work, documents, annotations, ontology);
        this.layers = new CoderLayers(annotations);
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
        Messages messages = Messages.of(ctx);
        work.run(() -> body(caller, chosen, codersText, level, messages))
                .onSuccess(body -> Layout.send(ctx, new Layout.Page(messages.get("agreement.title"), "analys", body)))
                .onFailure(ctx::fail);
    }

    private String body(Caller caller, List<String> chosen, String codersText, String level, Messages messages) {
        StringBuilder html = new StringBuilder("<h1>").append(messages.get("agreement.title")).append("</h1>")
                .append("<p>").append(messages.get("agreement.intro")).append("</p>")
                .append("<form method=\"get\" action=\"/analys/samstammighet\" class=\"agreement-form\"><fieldset><legend>")
                .append(messages.get("agreement.documents")).append("</legend>");
        List<DocumentRecord> coded = new ArrayList<>();
        for (DocumentRecord record : documents.all()) {
            if (DocumentsEndpoint.mayRead(caller, record) && !annotations.codingStatus(record.id()).isEmpty()) {
                coded.add(record);
            }
        }
        if (coded.isEmpty()) {
            html.append("<p>").append(messages.get("agreement.noneCoded")).append("</p>");
        }
        for (DocumentRecord record : coded) {
            html.append("<label><input type=\"checkbox\" name=\"documents\" value=\"").append(Html.text(record.id())).append('"')
                    .append(chosen.contains(record.id()) ? " checked" : "").append("> ")
                    .append(Html.text(record.title() == null ? record.filename() : record.title())).append("</label><br>");
        }
        html.append("</fieldset><label for=\"coders\">").append(messages.get("agreement.coders")).append("</label>")
                .append("<input id=\"coders\" name=\"coders\" value=\"").append(Html.text(codersText)).append("\">")
                .append("<label for=\"level\">").append(messages.get("agreement.level"))
                .append("</label><select id=\"level\" name=\"level\"><option value=\"theme\"")
                .append(level.equals("theme") ? " selected" : "").append(">").append(messages.get("agreement.level.theme"))
                .append("</option><option value=\"concept\"")
                .append(level.equals("concept") ? " selected" : "").append(">").append(messages.get("agreement.level.concept"))
                .append("</option></select>")
                .append("<button type=\"submit\">").append(messages.get("agreement.compare")).append("</button></form>");
        if (chosen.isEmpty()) {
            return html.toString();
        }
        List<String> coders = List.of(codersText.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        List<DocumentRecord> records = chosen.stream().map(id -> TeamCodingEndpoint.readable(documents, id, caller)).toList();
        if (coders.size() < 2) {
            return html.append("<p class=\"error\">").append(messages.get("agreement.twoCoders")).append("</p>").toString();
        }
        AgreementReport report = agreement.compute(records, coders, level);
        figures(html, report, level, messages);
        for (DocumentRecord record : records) {
            differences(html, record, coders, caller, messages);
        }
        // The script's status texts (js.agreement.*) come with the page, in the reader's language.
        html.append(DocumentPage.scriptMessages(messages)).append("<script type=\"module\" src=\"/static/js/agreement.js\"></script>");
        return html.toString();
    }

    /** The figures per theme or concept. α, κ and α<sub>U</sub> are notation, the same in every language. */
    private void figures(StringBuilder html, AgreementReport report, String level, Messages messages) {
        html.append("<h2>").append(messages.counted("agreement.figures." + level, report.units()))
                .append("</h2><table class=\"agreement\"><thead><tr><th>").append(messages.get("agreement.column." + level))
                .append("</th><th>α</th><th>").append(messages.get("agreement.column.percent")).append("</th>");
        List<AgreementReport.PairKappa> pairs = report.categories().isEmpty() ? List.of() : report.categories().get(0).kappa();
        pairs.forEach(k -> html.append("<th>κ ").append(Html.text(k.coder())).append("/").append(Html.text(k.otherCoder())).append("</th>"));
        html.append("<th>α<sub>U</sub></th><th>").append(messages.get("agreement.column.reading")).append("</th></tr></thead><tbody>");
        // The report labels its categories in Swedish, concepts in that order; the rows are labelled, and concepts
        // ordered, as the reader reads them (the top themes keep the ontology's order).
        List<Map.Entry<String, AgreementReport.CategoryAgreement>> rows = report.categories().stream()
                .map(c -> Map.entry(ontology.concept(c.category().iri()).map(messages::label).orElse(c.category().label()), c)).toList();
        if (level.equals("concept")) {
            rows = rows.stream().sorted(Map.Entry.comparingByKey(Collator.getInstance(Locale.forLanguageTag(messages.language())))).toList();
        }
        for (Map.Entry<String, AgreementReport.CategoryAgreement> row : rows) {
            AgreementReport.CategoryAgreement category = row.getValue();
            html.append("<tr><th scope=\"row\">").append(Html.text(row.getKey())).append("</th>")
                    .append(cell(category.alpha(), messages)).append(cell(category.percent(), messages));
            category.kappa().forEach(k -> html.append(cell(k.value(), messages)));
            String reading = messages.get(AgreementEndpoint.Reading.of(category.alpha()).key());
            html.append(cell(category.alphaU(), messages)).append("<td>").append(Html.text(reading)).append("</td></tr>");
        }
        html.append("</tbody><tfoot><tr><th scope=\"row\">").append(messages.get("agreement.overall")).append("</th>")
                .append(cell(report.overallAlpha(), messages)).append(cell(report.overallPercent(), messages))
                .append("</tr></tfoot></table>");
    }

    /**
     * The passages of one document where the coders' layers differ, each coder's spans side by side with the
     * consensus's, and the two ways to settle it: adopting one coder's coding, or choosing per passage whose spans stand
     * (where the coders agree, the first coder's annotations stand). Hidden while the caller codes the document blind.
     */
    private void differences(StringBuilder html, DocumentRecord record, List<String> coders, Caller caller, Messages messages) {
        html.append("<section class=\"differences\"><h2>").append(Html.text(record.title() == null ? record.filename() : record.title()))
                .append("</h2>");
        if (!layers.seesColleagues(record, caller.username())) {
            html.append("<p>").append(messages.get("agreement.blind")).append("</p></section>");
            return;
        }
        List<StoredAnnotation> all = annotations.annotationsOf(record.id());
        Map<String, List<Decision>> decisions = annotations.decisions(record.id());
        Map<String, Map<String, List<StoredAnnotation>>> byPassage = new LinkedHashMap<>();
        for (String coder : coders) {
            for (StoredAnnotation a : CoderView.of(all, decisions, coder)) {
                if (CoderView.applied(a, coder)) {
                    byPassage.computeIfAbsent(a.passageId(), k -> new LinkedHashMap<>()).computeIfAbsent(coder, k -> new ArrayList<>()).add(a);
                }
            }
        }
        Optional<Consensus> consensus = annotations.consensus(record.id());
        Map<String, List<StoredAnnotation>> standing = new LinkedHashMap<>();
        consensus.ifPresent(c -> all.stream().filter(a -> c.annotationIds().contains(a.id()))
                .forEach(a -> standing.computeIfAbsent(a.passageId(), k -> new ArrayList<>()).add(a)));
        // How the consensus came about, in the words the script's status line uses for it (js.agreement.*).
        html.append(consensus.map(c -> {
            String how = c.adoptedFrom() == null ? messages.get("js.agreement.byPassage") : messages.get("js.agreement.adopted", Html.text(c.adoptedFrom()));
            String set = c.created() == null ? messages.get("agreement.consensusNow", how, Html.text(c.adjudicator()))
                    : messages.get("agreement.consensusNowAt", how, Html.text(c.adjudicator()), Html.text(c.created().toString()));
            return "<p class=\"consensus-now\">" + set + "</p>";
        }).orElse("<p class=\"consensus-now\">" + messages.get("agreement.noConsensus") + "</p>"));
        html.append("<table><thead><tr><th>").append(messages.get("agreement.column.passage")).append("</th>");
        coders.forEach(c -> html.append("<th>").append(Html.text(c)).append("</th>"));
        html.append("<th>").append(messages.get("agreement.column.consensus")).append("</th><th>").append(messages.get("agreement.column.pick"))
                .append("</th></tr></thead><tbody>");
        int differing = 0;
        List<String> agreed = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<StoredAnnotation>>> passage : byPassage.entrySet()) {
            Map<String, List<StoredAnnotation>> spans = passage.getValue();
            Set<Set<String>> distinct = new HashSet<>();
            coders.forEach(c -> distinct.add(concepts(spans.getOrDefault(c, List.of()))));
            if (distinct.size() < 2) {
                spans.getOrDefault(coders.get(0), List.of()).forEach(a -> agreed.add(a.id()));
                continue;
            }
            if (differing++ >= MAX_DIFFERENCES) {
                continue;
            }
            String passageId = passage.getKey();
            html.append("<tr data-passage=\"").append(Html.text(passageId)).append("\"><td><a href=\"/kodning/").append(Html.url(record.id()))
                    .append("#").append(Html.text(passageId)).append("\">").append(Html.text(passageId)).append("</a></td>");
            for (String coder : coders) {
                html.append(spanList(spans.getOrDefault(coder, List.of()), messages));
            }
            List<StoredAnnotation> kept = standing.getOrDefault(passageId, List.of());
            html.append(spanList(kept, messages)).append("<td>");
            String group = "pick-" + record.id() + "-" + passageId;
            // Preset from the consensus in force: the first coder whose concepts there it kept, else none if it kept nothing.
            String preset = consensus.isEmpty() ? null : coders.stream()
                    .filter(c -> concepts(spans.getOrDefault(c, List.of())).equals(concepts(kept))).findFirst().orElse(kept.isEmpty() ? "" : null);
            for (String coder : coders) {
                html.append(choice(group, coder, spans.getOrDefault(coder, List.of()), coder.equals(preset), Html.text(coder)));
            }
            html.append(choice(group, "", List.of(), "".equals(preset), messages.get("agreement.pickNone"))).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (differing == 0) {
            html.append("<p>").append(messages.get("agreement.allAgree")).append("</p>");
        }
        html.append("<p class=\"adopt\">");
        for (String coder : coders) {
            html.append("<button type=\"button\" data-document=\"").append(Html.text(record.id())).append("\" data-adopt=\"").append(Html.text(coder))
                    .append("\">").append(messages.get("agreement.adopt", Html.text(coder))).append("</button> ");
        }
        if (differing > MAX_DIFFERENCES) {
            html.append("<span>").append(messages.get("agreement.tooMany", MAX_DIFFERENCES)).append("</span> ");
        } else if (differing > 0) {
            // Where the coders agree, the first coder's annotations stand; the chosen coder's in each passage where they differ.
            html.append("<button type=\"button\" class=\"write-consensus\" data-document=\"").append(Html.text(record.id()))
                    .append("\" data-agreed=\"").append(Html.text(String.join(" ", agreed))).append("\">")
                    .append(messages.get("agreement.writeConsensus")).append("</button> ");
        }
        html.append("<span class=\"adopt-status\" role=\"status\"></span></p></section>");
    }

    /** A cell listing spans as "concept: ”quote”", the concept in the reader's language. */
    private String spanList(List<StoredAnnotation> spans, Messages messages) {
        Set<String> lines = new TreeSet<>();
        spans.forEach(a -> lines.add(messages.get("agreement.span", messages.label(ontology.require(a.conceptIri())), a.exact())));
        StringBuilder html = new StringBuilder("<td><ul>");
        lines.forEach(line -> html.append("<li>").append(Html.text(line)).append("</li>"));
        return html.append("</ul></td>").toString();
    }

    private static String choice(String group, String coder, List<StoredAnnotation> spans, boolean checked, String label) {
        return "<label><input type=\"radio\" name=\"" + Html.text(group) + "\" value=\"" + Html.text(coder) + "\" data-annotations=\""
                + Html.text(String.join(" ", spans.stream().map(StoredAnnotation::id).toList())) + "\"" + (checked ? " checked" : "") + "> "
                + label + "</label> ";
    }

    /** Why a figure cannot be computed, in the reader's language: the bundles' {@code agreement.reason.CODE}. */
    static String reason(Figure figure, Messages messages) {
        return messages.get("agreement.reason." + figure.cause().code(), figure.numbers().toArray());
    }

    /** The concepts of a coder's spans in one passage. */
    private static Set<String> concepts(List<StoredAnnotation> spans) {
        Set<String> concepts = new TreeSet<>();
        spans.forEach(a -> concepts.add(a.conceptIri()));
        return concepts;
    }

    /**
     * A figure's cell: its value, or, when it cannot be computed, a dash that opens to the reason in the reader's
     * language (a disclosure, so the table stays compact and the reason is reached by keyboard, touch and screen
     * reader alike, not only on hover). Screen readers read "no figure" for the dash.
     */
    private static String cell(Figure figure, Messages messages) {
        if (figure.value() != null) {
            return "<td>" + String.format(Locale.ROOT, "%.2f", figure.value()) + "</td>";
        }
        String reason = Html.text(reason(figure, messages));
        return "<td><details class=\"no-figure\"><summary title=\"" + reason + "\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">"
                + Html.text(messages.get("agreement.noFigure")) + "</span></summary><span class=\"reason\">" + reason + "</span></details></td>";
    }
}
