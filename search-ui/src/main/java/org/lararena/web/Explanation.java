package org.lararena.web;

import io.vertx.core.json.JsonObject;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.suggest.SuggesterModel;

/**
 * Why an annotation is there, in words, the same on every page and in the annotations API: its state and origin;
 * for the annotator's, the words that matched, the confidence and how many researchers' decisions that confidence
 * was learned from ("automatiskt förslag, ej granskat · ordet ’vårdcentralen’ · säkerhet 0,62 · lärt av 14 beslut").
 * It reads an annotation as the annotations API writes it ({@code origin}, {@code state}, {@code exact},
 * {@code matched}, {@code confidence}, {@code learnedFrom}); a search hit's suggestions have the same fields.
 */
public final class Explanation {

    private Explanation() {
    }

    /** The explanation's parts, to be joined with " · ". */
    public static List<String> parts(JsonObject annotation, Messages messages) {
        String state = annotation.getString("state", "suggested");
        String origin = annotation.getString("origin", "auto");
        List<String> parts = new ArrayList<>();
        // The state and origin words are the pages' scripts' too (js.*): one text for each, wherever it is shown.
        if (!"auto".equals(origin)) {
            parts.add(messages.get("js.state." + state));
            parts.add(messages.get("js.origin." + origin));
            return parts;
        }
        parts.add("suggested".equals(state) ? messages.get("explain.unreviewed")
                : messages.get("js.state." + state) + " · " + messages.get("js.origin.auto"));
        parts.add(SuggesterModel.WHOLE_PASSAGE.equals(annotation.getString("matched")) ? messages.get("explain.wholePassage")
                : messages.get("explain.word", annotation.getString("exact", "")));
        if (annotation.getValue("confidence") instanceof Number confidence) {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(messages.language()));
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            parts.add(messages.get("explain.confidence", format.format(confidence.doubleValue())));
        }
        if (annotation.getValue("learnedFrom") instanceof Number learned && learned.intValue() > 0) {
            parts.add(messages.counted("explain.learned", learned.intValue()));
        }
        return parts;
    }

    /**
     * How many researchers' decisions the confidence of an automatic suggestion rests on: what {@code model}, the model
     * in service, learned about its term, when that model made it ({@code creatorIri}, the annotator whose version
     * names its model). A suggestion the dictionary alone or an earlier model made keeps the confidence it was made
     * with until its document is annotated again, and today's decisions did not set it: 0.
     */
    public static int learnedFrom(SuggesterModel model, String conceptIri, String matchedTerm, String creatorIri) {
        return AnnotationIris.isAnnotatorWithModel(creatorIri, model.version()) ? model.decisionsAbout(conceptIri, matchedTerm) : 0;
    }

    /** The explanation as one line. */
    public static String of(JsonObject annotation, Messages messages) {
        return String.join(" · ", parts(annotation, messages));
    }
}
