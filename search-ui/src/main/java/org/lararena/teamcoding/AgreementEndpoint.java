package org.lararena.teamcoding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.agreement.AgreementReport;
import org.lararena.ontology.agreement.AgreementStudy;
import org.lararena.ontology.agreement.Category;
import org.lararena.ontology.agreement.Coding;
import org.lararena.ontology.agreement.Figure;
import org.lararena.ontology.agreement.Unit;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Messages;

/**
 * {@code GET /api/agreement?documents=ID,ID&coders=a,b,annotator&level=concept|theme[&format=csv]} (researchers):
 * {@code {coders, level, documents, units, concepts: [{iri, label, alpha, percent, kappa: [{coders: [a, b], value}],
 * alphaU, reading}], overall: {alpha, percent}}} ({@code reading}: alpha in words, in Swedish). A figure that cannot be computed is {@code null}, with its reason under
 * {@code reasons} (of the concept or of {@code overall}) or, for kappa, beside it, in English, and its code
 * ({@link Figure.Reason#code}) under {@code reasonCodes} or beside it as {@code reasonCode}. Units, values and measures:
 * docs/team-coding.md.
 */
public final class AgreementEndpoint {

    /** At most this many documents in one request (each read in its own short transaction). */
    static final int MAX_DOCUMENTS = 500;
    /** At most this many coders. */
    static final int MAX_CODERS = 20;

    private final RequestWork work;
    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final Ontology ontology;

    public AgreementEndpoint(RequestWork work, DocumentStore documents, AnnotationStore annotations, Ontology ontology) {
        this.work = Objects.requireNonNull(work);
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
    }

    public void addRoutes(Router router) {
        router.get("/api/agreement").handler(this::agreement);
    }

    private void agreement(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        List<String> documentIds = list(ctx.queryParams().get("documents"), "documents", "document ids");
        List<String> coders = list(ctx.queryParams().get("coders"), "coders", "usernames or annotator");
        if (coders.size() < 2) {
            throw LararenaException.badRequest("agreement needs at least two different coders (got " + coders.size() + ")");
        }
        if (documentIds.size() > MAX_DOCUMENTS || coders.size() > MAX_CODERS) {
            throw LararenaException.badRequest("at most " + MAX_DOCUMENTS + " documents and " + MAX_CODERS + " coders at once");
        }
        String level = ctx.queryParams().get("level") == null ? "concept" : ctx.queryParams().get("level");
        if (!level.equals("concept") && !level.equals("theme")) {
            throw LararenaException.badRequest("level must be concept or theme (got '" + level + "')");
        }
        String format = ctx.queryParams().get("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw LararenaException.badRequest("format must be json or csv (got '" + format + "')");
        }
        List<DocumentRecord> records = documentIds.stream().map(id -> TeamCodingEndpoint.readable(documents, id, caller)).toList();
        work.run(() -> compute(records, coders, level))
                .onSuccess(report -> {
                    if ("csv".equals(format)) {
                        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"agreement.csv\"").end(csv(report, level));
                    } else {
                        RequestWork.sendJson(ctx, 200, json(report, level, documentIds));
                    }
                })
                .onFailure(ctx::fail);
    }

    /** Blocking: reads each document's passages and layers, then lets {@link AgreementStudy} compute. */
    public AgreementReport compute(List<DocumentRecord> records, List<String> coders, String level) {
        return report(read(records, coders), coders, level);
    }

    /**
     * What agreement is computed from: the passages as units, what each coder applied where, and the documents each
     * coder has finished (a researcher: marked done; the annotator: annotated).
     */
    public record ReliabilityData(List<Unit> units, List<Coding> codings, Map<String, Set<String>> finished) {
    }

    /**
     * Blocking: reads the documents' passages and the coders' layers.
     *
     * @throws LararenaException 400 for a document without passages or a coder of none of the documents
     */
    public ReliabilityData read(List<DocumentRecord> records, List<String> coders) {
        List<Unit> units = new ArrayList<>();
        List<Coding> codings = new ArrayList<>();
        Map<String, Set<String>> finished = new HashMap<>();
        Set<String> knownCoders = new HashSet<>();
        Set<String> annotated = annotations.ontologyVersions().keySet();
        for (DocumentRecord record : records) {
            List<Unit> ofDocument = units(record);
            if (ofDocument.isEmpty()) {
                throw LararenaException.badRequest("document " + record.id() + " has no passages (is it still being processed, or did it fail?)");
            }
            units.addAll(ofDocument);
            List<StoredAnnotation> all = annotations.annotationsOf(record.id());
            Map<String, List<Decision>> decisions = annotations.decisions(record.id());
            Map<String, CodingStatus> statuses = annotations.codingStatus(record.id());
            for (String coder : coders) {
                if (!CoderLayers.isCoder(coder, statuses, decisions)) {
                    continue;
                }
                knownCoders.add(coder);
                boolean annotator = AnnotationIris.ANNOTATOR_CODER.equals(coder);
                CodingStatus status = statuses.get(coder);
                if (annotator ? !all.isEmpty() || annotated.contains(record.id())
                        : status != null && status.state() == CodingStatus.State.DONE) {
                    finished.computeIfAbsent(coder, k -> new HashSet<>()).add(record.id());
                }
                CoderView.of(all, decisions, coder).stream().filter(a -> CoderView.applied(a, coder))
                        .forEach(a -> codings.add(new Coding(coder, a.passageId(), a.start(), a.end(), a.conceptIri())));
            }
        }
        List<String> unknown = coders.stream().filter(c -> !knownCoders.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw LararenaException.badRequest("unknown coder " + String.join(", ", unknown) + ": not a coder of any of these documents"
                    + " (a coder is a researcher with decisions or a coding status there, or " + AnnotationIris.ANNOTATOR_CODER + ")");
        }
        return new ReliabilityData(units, codings, finished);
    }

    /** Swedish alphabetical order (å, ä, ö last, in that order), for concepts named by their Swedish labels. */
    private static final Collator SWEDISH_ORDER = Collator.getInstance(Locale.forLanguageTag("sv"));

    /** The figures of the data by concept or by top theme (with its narrower concepts). */
    public AgreementReport report(ReliabilityData data, List<String> coders, String level) {
        Set<String> tops = ontology.topThemes().stream().map(Concept::iri).collect(Collectors.toSet());
        Function<String, Set<String>> categoriesOf = level.equals("theme") ? iri -> topThemesOf(iri, tops) : Set::of;
        List<Category> categories = level.equals("theme")
                ? ontology.topThemes().stream().map(t -> new Category(t.iri(), t.labelSv())).toList()
                : data.codings().stream().map(Coding::conceptIri).distinct().map(iri -> new Category(iri, ontology.labelSv(iri)))
                        .sorted(Comparator.comparing(Category::label, SWEDISH_ORDER)).toList();
        return new AgreementStudy(coders, data.units(), data.finished(), data.codings(), categoriesOf).report(categories);
    }

    private Set<String> topThemesOf(String conceptIri, Set<String> tops) {
        if (ontology.concept(conceptIri).isEmpty()) {
            return Set.of();
        }
        return ontology.broaderClosure(conceptIri).stream().filter(tops::contains).collect(Collectors.toSet());
    }

    private List<Unit> units(DocumentRecord record) {
        JsonArray passages = documents.passages(record.id()).map(p -> p.getJsonArray("passages", new JsonArray())).orElse(new JsonArray());
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            String text = passage.getString("text", "");
            units.add(new Unit(record.id(), record.id() + "-" + passage.getInteger("ordinal"), text.codePointCount(0, text.length())));
        }
        return units;
    }

    static JsonObject json(AgreementReport report, String level, List<String> documentIds) {
        JsonArray concepts = new JsonArray();
        for (AgreementReport.CategoryAgreement category : report.categories()) {
            JsonObject reasons = new JsonObject();
            JsonObject codes = new JsonObject();
            JsonObject entry = new JsonObject().put("iri", category.category().iri()).put("label", category.category().label());
            put(entry, reasons, codes, "alpha", category.alpha());
            put(entry, reasons, codes, "percent", category.percent());
            JsonArray kappa = new JsonArray();
            category.kappa().forEach(k -> {
                JsonObject pair = new JsonObject().put("coders", new JsonArray().add(k.coder()).add(k.otherCoder())).put("value", k.value().value());
                if (k.value().reason() != null) {
                    pair.put("reason", k.value().reason()).put("reasonCode", k.value().cause().code());
                }
                kappa.add(pair);
            });
            entry.put("kappa", kappa);
            put(entry, reasons, codes, "alphaU", category.alphaU());
            entry.put("reading", reading(category.alpha()));
            concepts.add(reasons.isEmpty() ? entry : entry.put("reasons", reasons).put("reasonCodes", codes));
        }
        JsonObject overallReasons = new JsonObject();
        JsonObject overallCodes = new JsonObject();
        JsonObject overall = new JsonObject();
        put(overall, overallReasons, overallCodes, "alpha", report.overallAlpha());
        put(overall, overallReasons, overallCodes, "percent", report.overallPercent());
        if (!overallReasons.isEmpty()) {
            overall.put("reasons", overallReasons).put("reasonCodes", overallCodes);
        }
        return new JsonObject().put("coders", new JsonArray(report.coders())).put("level", level)
                .put("documents", new JsonArray(documentIds)).put("units", report.units())
                .put("concepts", concepts).put("overall", overall);
    }

    /**
     * Alpha in words, after Krippendorff's guidance (Content Analysis, 2004, ch. 11): from 0.800 the coding can be
     * relied on, from 0.667 it allows tentative conclusions only, below that it does not hold.
     */
    public static String reading(Figure alpha) {
        return Reading.of(alpha).swedish();
    }

    /**
     * Which of Krippendorff's readings alpha falls in ({@link #reading}): its words are the message bundles'
     * {@link #key}. The API says them in Swedish, as it always has; the pages in the reader's language.
     */
    public enum Reading {
        NONE, RELIABLE, TENTATIVE, UNRELIABLE;

        public static Reading of(Figure alpha) {
            if (alpha.value() == null) {
                return NONE;
            }
            if (alpha.value() >= 0.8) {
                return RELIABLE;
            }
            return alpha.value() >= 0.667 ? TENTATIVE : UNRELIABLE;
        }

        /** The message bundles' key for the reading's words ({@code agreement.reading.reliable}, …). */
        public String key() {
            return "agreement.reading." + name().toLowerCase(Locale.ROOT);
        }

        /** The words {@code /api/agreement} gives as {@code reading}. */
        public String swedish() {
            return Messages.SWEDISH.get(key());
        }
    }

    /** A figure under {@code name}, and where it is null its reason (in English) and the reason's code. */
    private static void put(JsonObject entry, JsonObject reasons, JsonObject codes, String name, Figure figure) {
        entry.put(name, figure.value());
        if (figure.reason() != null) {
            reasons.put(name, figure.reason());
            codes.put(name, figure.cause().code());
        }
    }

    /** The same as a table: one row per concept or theme, then the overall row; an empty cell where a figure is null. */
    static String csv(AgreementReport report, String level) {
        List<String> header = new ArrayList<>(List.of(level, "iri", "alpha", "percent", "alphaU"));
        List<AgreementReport.PairKappa> pairs = report.categories().isEmpty() ? List.of() : report.categories().get(0).kappa();
        pairs.forEach(k -> header.add("kappa " + k.coder() + "/" + k.otherCoder()));
        header.add("notes");
        StringBuilder csv = new StringBuilder(row(header));
        for (AgreementReport.CategoryAgreement category : report.categories()) {
            List<String> cells = new ArrayList<>(List.of(category.category().label(), category.category().iri(),
                    cell(category.alpha()), cell(category.percent()), cell(category.alphaU())));
            Set<String> notes = new LinkedHashSet<>();
            for (Figure figure : List.of(category.alpha(), category.percent(), category.alphaU())) {
                if (figure.reason() != null) {
                    notes.add(figure.reason());
                }
            }
            category.kappa().forEach(k -> cells.add(cell(k.value())));
            cells.add(String.join("; ", notes));
            csv.append(row(cells));
        }
        csv.append(row(List.of("overall", "", cell(report.overallAlpha()), cell(report.overallPercent()), "")));
        return csv.toString();
    }

    private static String cell(Figure figure) {
        return figure.value() == null ? "" : String.format(Locale.ROOT, "%.4f", figure.value());
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.matches(".*[\",;\\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .collect(Collectors.joining(",")) + "\r\n";
    }

    private static List<String> list(String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw LararenaException.badRequest(name + " is required: a comma-separated list of " + what);
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
