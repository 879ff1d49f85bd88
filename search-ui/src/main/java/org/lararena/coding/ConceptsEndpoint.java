package org.lararena.coding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.stream.Stream;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET /api/concepts?q=&limit=}: type-ahead over the theme concepts' preferred, alternative and hidden labels,
 * ignoring case and diacritics ({@link Ontology#findByLabel}), best first: {@code [{iri, label, labelEn, theme: {iri,
 * label, labelEn}, exact}]}, where {@code exact} says that one of the concept's labels is the query itself. The
 * ontology is no secret; any logged-in caller may ask. In memory, so it answers on the event loop.
 */
public final class ConceptsEndpoint {

    private static final int MAX_QUERY_CHARS = 100;

    private final Ontology ontology;

    public ConceptsEndpoint(Ontology ontology) {
        this.ontology = Objects.requireNonNull(ontology);
    }

    public void addRoutes(Router router) {
        router.get("/api/concepts").handler(this::find);
    }

    private void find(RoutingContext ctx) {
        String query = ctx.queryParams().get("q");
        int limit = Params.intParam(ctx.queryParams().get("limit"), "limit", 12, 1, 50);
        String text = query == null ? "" : query.strip();
        text = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        String folded = SwedishText.fold(text);
        JsonArray found = new JsonArray();
        for (Concept concept : ontology.findByLabel(text, LAR.Teman.getURI(), limit)) {
            JsonObject json = describe(concept).put("exact", labels(concept).anyMatch(label -> SwedishText.fold(label).equals(folded)));
            ontology.topTheme(concept.iri()).ifPresent(top -> json.put("theme", describe(top)));
            found.add(json);
        }
        RequestWork.sendJson(ctx, 200, found);
    }

    private static JsonObject describe(Concept concept) {
        return new JsonObject().put("iri", concept.iri()).put("label", concept.labelSv()).put("labelEn", concept.labelEn());
    }

    private static Stream<String> labels(Concept concept) {
        return Stream.of(concept.prefLabels().values().stream(), concept.altLabels().stream().map(Concept.Label::text),
                concept.hiddenLabels().stream().map(Concept.Label::text)).flatMap(s -> s);
    }
}
