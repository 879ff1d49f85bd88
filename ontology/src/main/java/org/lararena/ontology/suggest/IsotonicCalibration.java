package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a raw score to the share of suggestions with that score researchers accepted, fitted by isotonic regression
 * (pool-adjacent-violators) on held-out decisions: monotone, so it never reorders suggestions, and a calibrated 0.8
 * is accepted about 80 % of the time. Between the fitted blocks it interpolates linearly. Fewer than {@value
 * #MIN_POINTS} scored decisions leave scores as they are. Immutable.
 */
final class IsotonicCalibration {

    static final int MIN_POINTS = 10;
    static final IsotonicCalibration IDENTITY = new IsotonicCalibration(new double[0], new double[0]);

    /** A score and whether researchers accepted what it scored. */
    record Point(double score, boolean accepted) {}

    private final double[] scores;
    private final double[] rates;

    private IsotonicCalibration(double[] scores, double[] rates) {
        this.scores = scores;
        this.rates = rates;
    }

    static IsotonicCalibration fit(List<Point> points) {
        if (points.size() < MIN_POINTS) {
            return IDENTITY;
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::score));
        // Blocks of pooled points: mean score, accepted share, weight.
        List<double[]> blocks = new ArrayList<>();
        for (Point point : sorted) {
            blocks.add(new double[] {point.score(), point.accepted() ? 1 : 0, 1});
            while (blocks.size() > 1 && blocks.get(blocks.size() - 2)[1] >= blocks.get(blocks.size() - 1)[1]) {
                double[] last = blocks.remove(blocks.size() - 1);
                double[] previous = blocks.get(blocks.size() - 1);
                double weight = previous[2] + last[2];
                previous[0] = (previous[0] * previous[2] + last[0] * last[2]) / weight;
                previous[1] = (previous[1] * previous[2] + last[1] * last[2]) / weight;
                previous[2] = weight;
            }
        }
        double[] scores = new double[blocks.size()];
        double[] rates = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            scores[i] = blocks.get(i)[0];
            rates[i] = blocks.get(i)[1];
        }
        return new IsotonicCalibration(scores, rates);
    }

    double apply(double score) {
        if (scores.length == 0) {
            return score;
        }
        if (score <= scores[0]) {
            return rates[0];
        }
        for (int i = 1; i < scores.length; i++) {
            if (score <= scores[i]) {
                double share = (score - scores[i - 1]) / (scores[i] - scores[i - 1]);
                return rates[i - 1] + share * (rates[i] - rates[i - 1]);
            }
        }
        return rates[rates.length - 1];
    }

    JsonObject toJson() {
        JsonArray s = new JsonArray();
        JsonArray r = new JsonArray();
        for (int i = 0; i < scores.length; i++) {
            s.add(scores[i]);
            r.add(rates[i]);
        }
        return new JsonObject().put("scores", s).put("rates", r);
    }

    static IsotonicCalibration fromJson(JsonObject json) {
        JsonArray s = json.getJsonArray("scores", new JsonArray());
        JsonArray r = json.getJsonArray("rates", new JsonArray());
        double[] scores = new double[s.size()];
        double[] rates = new double[r.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = s.getDouble(i);
            rates[i] = r.getDouble(i);
        }
        return new IsotonicCalibration(scores, rates);
    }
}
