package org.lararena.ontology.suggest;

import java.util.Locale;
import org.lararena.platform.LararenaConfig;

/**
 * When a trained model may go into service: its evaluation on decisions it did not learn from (cross-validated by
 * {@link SuggesterTraining}) must rest on at least {@code minHeldOutPassages} passages, its F1 there must be at least
 * {@code margin} above the dictionary's alone, and its precision not lower (a model that buys F1 with suggestions
 * researchers must reject more often is no better for them). On a handful of passages one passage moves F1 by a
 * tenth, so a model worse than the dictionary can look better by chance (a rule that did worse on new material passed
 * on 8 held-out passages with F1 0.70 against 0.67; docs/annotation-quality.md). The configured margin is 0: a review
 * of some thirty passages teaches precision (the rejects of a passing mention) more than recall, which shows as a tie
 * of F1 with precision higher, and a margin kept such models out where they helped. Configured in {@code
 * LararenaConfig.Suggester} ({@code LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES}, {@code
 * LARARENA_SUGGESTER_MARGIN_F1_POINTS}).
 *
 * @param minHeldOutPassages decided passages scored out of training below which no model goes into service
 * @param margin how much higher than the dictionary's alone the model's F1 must be (0: not lower)
 */
public record ServiceCheck(int minHeldOutPassages, double margin) {

    /** F1 differences this small are ties of floating point, not of the decisions. */
    private static final double ROUNDING = 1e-9;

    public ServiceCheck {
        if (minHeldOutPassages < 1) {
            throw new IllegalArgumentException("at least one held-out passage is needed to judge a model (got " + minHeldOutPassages + ")");
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("the margin is a difference of F1, between 0 and 1 (got " + margin + ")");
        }
    }

    /** The check a platform runs, as {@code annotation} configures it. */
    public static ServiceCheck of(LararenaConfig.Suggester suggester) {
        return new ServiceCheck(suggester.minHeldOutPassages(), suggester.margin());
    }

    /**
     * Whether a trained model goes into service, and why.
     *
     * @param inService whether the model goes into service
     * @param reason why, in words a researcher understands (shown as {@code lastTraining.reason})
     */
    public record Verdict(boolean inService, String reason) {}

    /** Judges a model by its evaluation on decisions it did not learn from. */
    public Verdict judge(Evaluation heldOut) {
        double model = heldOut.model().f1();
        double dictionary = heldOut.dictionaryOnly().f1();
        if (heldOut.passages() < minHeldOutPassages) {
            return new Verdict(false, String.format(Locale.ROOT,
                    "Not put in service: %s tested it (each by a model that did not learn from it), and at least %d are needed"
                            + " to tell whether it suggests better than the dictionary alone%s. Review more passages and train again.",
                    heldOut.passages() == 0 ? "no decided passage" : "only " + passages(heldOut.passages()),
                    minHeldOutPassages, heldOut.passages() == 0 ? "" : String.format(Locale.ROOT, " (F1 %.2f against %.2f on those)",
                            model, dictionary)));
        }
        if (model - dictionary < margin - ROUNDING) {
            return new Verdict(false, String.format(Locale.ROOT,
                    "Not put in service: on the %s that tested it its F1 is %.2f and the dictionary's alone %.2f; a model"
                            + " must do %s.", passages(heldOut.passages()), model, dictionary, required()));
        }
        if (heldOut.model().precision() < heldOut.dictionaryOnly().precision() - ROUNDING) {
            return new Verdict(false, String.format(Locale.ROOT,
                    "Not put in service: on the %s that tested it its precision is %.2f and the dictionary's alone %.2f; a model"
                            + " must not make researchers reject more of its suggestions.", passages(heldOut.passages()),
                    heldOut.model().precision(), heldOut.dictionaryOnly().precision()));
        }
        return new Verdict(true, String.format(Locale.ROOT,
                "In service: on the %s that tested it its F1 is %.2f and the dictionary's alone %.2f (required: at least %s"
                        + " tested, to do %s, and a precision not lower).", passages(heldOut.passages()), model, dictionary,
                passages(minHeldOutPassages), required()));
    }

    private String required() {
        return margin == 0 ? "at least as well" : String.format(Locale.ROOT, "at least %.2f better", margin);
    }

    private static String passages(int count) {
        return count == 1 ? "1 decided passage" : count + " decided passages";
    }
}
