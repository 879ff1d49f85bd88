package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.text.Token;

/**
 * One maximum-entropy classifier (L2-regularised logistic regression, Apache OpenNLP's quasi-Newton trainer) per top
 * theme over a whole passage: does a researcher give the passage this theme? Its features are the passage's word
 * stems and what the ontology says about it (the top themes and concepts the dictionary found). A theme gets a
 * classifier only with at least {@value #MIN_EXAMPLES} passages for and against it. Immutable.
 */
final class ThemeClassifiers {

    static final int MIN_EXAMPLES = 3;
    private static final String YES = "yes";
    private static final String NO = "no";
    /** Bounds the training time: L-BFGS iterations per theme. */
    private static final int ITERATIONS = 100;

    static final ThemeClassifiers NONE = new ThemeClassifiers(Map.of());

    private final Map<String, MaxentModel> byTheme;

    private ThemeClassifiers(Map<String, MaxentModel> byTheme) {
        this.byTheme = Map.copyOf(byTheme);
    }

    /** The features of a passage: its word stems, and the themes and concepts of the dictionary's suggestions. */
    static String[] features(String text, List<Suggestion> dictionary) {
        Set<String> features = new LinkedHashSet<>();
        for (Token token : SwedishText.tokenize(text)) {
            if (token.folded().length() >= 3) {
                features.add("w=" + stem(token.folded()));
            }
        }
        for (Suggestion suggestion : dictionary) {
            features.add("t=" + suggestion.topThemeIri());
            features.add("c=" + suggestion.conceptIri());
        }
        return features.toArray(String[]::new);
    }

    /** The project's light Swedish stemming: the shortest of a word's candidate stems. */
    private static String stem(String folded) {
        String shortest = folded;
        for (String candidate : SwedishText.candidateStems(folded)) {
            if (candidate.length() < shortest.length()) {
                shortest = candidate;
            }
        }
        return shortest;
    }

    /** An example: a passage's features and the top themes researchers gave it. */
    record Example(String[] features, Set<String> themes) {}

    static ThemeClassifiers train(Collection<Example> examples, Collection<String> themes) {
        Map<String, MaxentModel> byTheme = new LinkedHashMap<>();
        for (String theme : themes) {
            long positives = examples.stream().filter(e -> e.themes().contains(theme)).count();
            if (positives < MIN_EXAMPLES || examples.size() - positives < MIN_EXAMPLES) {
                continue;
            }
            List<Event> events = new ArrayList<>(examples.size());
            examples.forEach(e -> events.add(new Event(e.themes().contains(theme) ? YES : NO, e.features())));
            byTheme.put(theme, trainOne(events));
        }
        return new ThemeClassifiers(byTheme);
    }

    private static MaxentModel trainOne(List<Event> events) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(QNTrainer.L1COST_PARAM, 0.0);
        parameters.put(QNTrainer.L2COST_PARAM, 1.0);
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The themes that have a classifier. */
    Set<String> themes() {
        return byTheme.keySet();
    }

    /** The probability that researchers give the passage {@code theme}. */
    double probability(String theme, String[] features) {
        MaxentModel model = byTheme.get(theme);
        double[] outcomes = model.eval(features);
        return outcomes[model.getIndex(YES)];
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        byTheme.forEach((theme, model) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                new GenericModelWriter((AbstractModel) model, out).persist();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.put(theme, Base64.getEncoder().encodeToString(bytes.toByteArray()));
        });
        return json;
    }

    static ThemeClassifiers fromJson(JsonObject json) {
        Map<String, MaxentModel> byTheme = new LinkedHashMap<>();
        for (String theme : json.fieldNames()) {
            byte[] bytes = Base64.getDecoder().decode(json.getString(theme));
            try {
                byTheme.put(theme, new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ThemeClassifiers(byTheme);
    }
}
