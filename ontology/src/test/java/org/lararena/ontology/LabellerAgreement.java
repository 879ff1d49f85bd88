package org.lararena.ontology;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;

/**
 * How far two labellers of the same passages agree, computed by DKPro Agreement as {@code AgreementStudy} does for
 * researchers' codes: one item per passage and top theme, valued by whether each labeller gave the passage that theme
 * (a set of 64 passages and 19 themes gives 1,216 yes/no decisions). Cohen's kappa and raw agreement over all of
 * them; per theme only counts, since a theme given to a handful of passages gives no kappa worth printing.
 *
 * @param decisions passage-theme decisions
 * @param both themes given by both labellers
 * @param firstOnly themes given by the first labeller only
 * @param secondOnly themes given by the second labeller only
 * @param samePassages passages given exactly the same themes by both
 * @param byTheme per theme label: {both, first only, second only}
 */
record LabellerAgreement(int decisions, double kappa, double raw, int both, int firstOnly, int secondOnly, int samePassages, int passages,
                         Map<String, int[]> byTheme) {

    /** @param themes the labels of the top themes; {@code first} and {@code second} label the same passages in the same order */
    static LabellerAgreement of(List<LabelledPassage> first, List<LabelledPassage> second,
                                List<String> themes) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
        Map<String, int[]> byTheme = new TreeMap<>();
        int both = 0;
        int firstOnly = 0;
        int secondOnly = 0;
        int same = 0;
        for (int i = 0; i < first.size(); i++) {
            for (String theme : themes) {
                boolean a = first.get(i).themes().contains(theme);
                boolean b = second.get(i).themes().contains(theme);
                study.addItem(a, b);
                int[] counts = byTheme.computeIfAbsent(theme, t -> new int[3]);
                if (a && b) {
                    both++;
                    counts[0]++;
                } else if (a) {
                    firstOnly++;
                    counts[1]++;
                } else if (b) {
                    secondOnly++;
                    counts[2]++;
                }
            }
            same += first.get(i).themes().equals(second.get(i).themes()) ? 1 : 0;
        }
        return new LabellerAgreement((int) study.getItemCount(), new CohenKappaAgreement(study).calculateAgreement(),
                new PercentageAgreement(study).calculateAgreement(), both, firstOnly, secondOnly, same, first.size(), byTheme);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d passage-theme decisions: Cohen's kappa %.2f, raw agreement %.3f; themes given by both %d, first only %d, second only %d;"
                        + " passages with the same themes %d of %d%n", decisions, kappa, raw, both, firstOnly, secondOnly, samePassages, passages));
        byTheme.forEach((theme, c) -> text.append(String.format(Locale.ROOT, "  %-22s both %2d, first only %2d, second only %2d%n",
                theme, c[0], c[1], c[2])));
        return text.toString();
    }
}
