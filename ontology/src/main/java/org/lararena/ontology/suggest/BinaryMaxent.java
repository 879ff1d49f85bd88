package org.lararena.ontology.suggest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A yes-or-no maximum-entropy classifier (L2-regularised logistic regression, Apache OpenNLP's quasi-Newton trainer,
 * at most {@value #ITERATIONS} iterations), the one learner of the suggester, with its model kept as Base64 in the
 * model's JSON. Immutable.
 */
final class BinaryMaxent {

    /** Bounds the training time: L-BFGS iterations. */
    private static final int ITERATIONS = 100;
    private static final String YES = "yes";
    private static final String NO = "no";
    /** Every example has it, so the model learns the base rate apart from the other features. */
    private static final String BIAS = "bias";

    /** An example: its features and whether the answer is yes. */
    record Example(String[] features, boolean yes) {}

    private final MaxentModel model;

    private BinaryMaxent(MaxentModel model) {
        this.model = model;
    }

    /** Trains on {@code examples}, which must hold at least one yes and one no. */
    static BinaryMaxent train(List<Example> examples) {
        List<Event> events = new ArrayList<>(examples.size());
        examples.forEach(e -> events.add(new Event(e.yes() ? YES : NO, withBias(e.features()))));
        if (everyFeatureAsOftenYesAsNo(events)) {
            // The likelihood is then greatest with every weight zero, where OpenNLP's trainer starts: its gradient there
            // is zero, and its first step (the inverse of the gradient's norm) is infinite, so its line search computes
            // NaN and never ends (QNMinimizer.minimize, OpenNLP 2.5.6). The same passage coded yes three times and no
            // three times is enough. The model it would converge to says one half, whatever the features.
            return new BinaryMaxent(new QNModel(new Context[] {new Context(new int[] {0, 1}, new double[] {0, 0})},
                    new String[] {BIAS}, new String[] {YES, NO}));
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(QNTrainer.L1COST_PARAM, 0.0);
        parameters.put(QNTrainer.L2COST_PARAM, 1.0);
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, null);
        try {
            return new BinaryMaxent(trainer.train(ObjectStreamUtils.createObjectStream(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether each feature (the bias too) is in as many yes examples as no examples. */
    private static boolean everyFeatureAsOftenYesAsNo(List<Event> events) {
        Map<String, Integer> yesMinusNo = new HashMap<>();
        for (Event event : events) {
            int sign = YES.equals(event.getOutcome()) ? 1 : -1;
            for (String feature : new HashSet<>(List.of(event.getContext()))) {
                yesMinusNo.merge(feature, sign, Integer::sum);
            }
        }
        return yesMinusNo.values().stream().allMatch(difference -> difference == 0);
    }

    /** The probability of yes for {@code features}. */
    double probability(String[] features) {
        double[] outcomes = model.eval(withBias(features));
        return outcomes[model.getIndex(YES)];
    }

    private static String[] withBias(String[] features) {
        String[] all = new String[features.length + 1];
        System.arraycopy(features, 0, all, 0, features.length);
        all[features.length] = BIAS;
        return all;
    }

    String toBase64() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new GenericModelWriter((AbstractModel) model, out).persist();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static BinaryMaxent fromBase64(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        try {
            return new BinaryMaxent(new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
