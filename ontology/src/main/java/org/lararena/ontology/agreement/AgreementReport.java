package org.lararena.ontology.agreement;

import java.util.List;

/**
 * The agreement of the chosen coders over the chosen passages.
 *
 * @param coders the coders, in the order asked for
 * @param units how many passages the figures rest on
 * @param categories one entry per concept or theme
 * @param overallAlpha alpha over every (passage, category) pair at once
 * @param overallPercent percentage agreement over the same pairs
 */
public record AgreementReport(List<String> coders, int units, List<CategoryAgreement> categories, Figure overallAlpha,
                              Figure overallPercent) {

    public AgreementReport {
        coders = List.copyOf(coders);
        categories = List.copyOf(categories);
    }

    /** Cohen's kappa of two coders. */
    public record PairKappa(String coder, String otherCoder, Figure value) {}

    /** The figures of one concept or theme. */
    public record CategoryAgreement(Category category, Figure alpha, Figure percent, List<PairKappa> kappa, Figure alphaU) {

        public CategoryAgreement {
            kappa = List.copyOf(kappa);
        }
    }
}
