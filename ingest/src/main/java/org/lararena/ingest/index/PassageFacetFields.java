package org.lararena.ingest.index;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.lararena.ontology.store.PassageFacets;

/**
 * The fields of a passage document that come from its annotations ({@link PassageFacets}), written the same way
 * wherever a passage is indexed, copied or updated: {@code concepts} and {@code themes} (suggestions included),
 * {@code reviewedConcepts} and {@code reviewedThemes} (accepted suggestions and manual tags only), and
 * {@code suggestions}, why each unreviewed suggestion was made (stored, not searched).
 */
public final class PassageFacetFields {

    public static final String CONCEPTS = "concepts";
    public static final String THEMES = "themes";
    public static final String REVIEWED_CONCEPTS = "reviewedConcepts";
    public static final String REVIEWED_THEMES = "reviewedThemes";
    public static final String SUGGESTIONS = "suggestions";
    /** Every field this class writes. */
    public static final List<String> ALL = List.of(CONCEPTS, THEMES, REVIEWED_CONCEPTS, REVIEWED_THEMES, SUGGESTIONS);

    private PassageFacetFields() {
    }

    /** The fields of {@code facets}, as a passage document holds them. */
    public static JsonObject of(PassageFacets facets) {
        JsonArray suggestions = new JsonArray();
        facets.suggestions().forEach(s -> suggestions.add(new JsonObject().put("concept", s.concept()).put("themes", new JsonArray(s.themes()))
                .put("exact", s.exact()).put("matched", s.matched()).put("confidence", s.confidence()).put("creator", s.creator())));
        return new JsonObject()
                .put(CONCEPTS, new JsonArray(facets.concepts()))
                .put(THEMES, new JsonArray(facets.themes()))
                .put(REVIEWED_CONCEPTS, new JsonArray(facets.reviewedConcepts()))
                .put(REVIEWED_THEMES, new JsonArray(facets.reviewedThemes()))
                .put(SUGGESTIONS, suggestions);
    }

    /** Copies these fields from {@code from} into {@code to} (empty where {@code from} has none) and returns {@code to}. */
    public static JsonObject copy(JsonObject from, JsonObject to) {
        ALL.forEach(field -> to.put(field, from.getJsonArray(field, new JsonArray())));
        return to;
    }
}
