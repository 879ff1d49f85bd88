package org.lararena.ontology.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

/**
 * The faster unitizing alpha gives DKPro's own figure, on studies of every shape (Krippendorff's published example goes
 * through it in {@code AgreementStudyTest}).
 */
class UnitizingAlphaTest {

    @Test
    void givesTheFigureOfDkprosOwnUnitizingAlphaOnRandomStudies() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int raters = 2 + random.nextInt(4);
            long length = 50 + random.nextInt(2000);
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, 0, length);
            for (int r = 0; r < raters; r++) {
                // Each rater's spans of one category one after another, never overlapping; some touch, some share a length with a gap.
                long pos = random.nextInt(20);
                while (true) {
                    long span = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
                    if (pos + span > length) {
                        break;
                    }
                    study.addUnit(pos, span, r, random.nextInt(4) == 0 ? "other" : "c");
                    pos += span + (random.nextInt(3) == 0 ? 0 : random.nextInt(80));
                }
            }
            if (study.getUnitCount() == 0) {
                continue;
            }
            for (String category : new String[] {"c", "other"}) {
                double expected = new KrippendorffAlphaUnitizingAgreement(study).calculateCategoryAgreement(category);
                double actual = new UnitizingAlpha(study).calculateCategoryAgreement(category);
                assertThat(Double.isNaN(actual)).as("round %d, %s: NaN alike", round, category).isEqualTo(Double.isNaN(expected));
                if (!Double.isNaN(expected)) {
                    assertThat(actual).as("round %d, %s", round, category).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }
}
