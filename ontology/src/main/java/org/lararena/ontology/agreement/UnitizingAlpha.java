package org.lararena.ontology.agreement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationUnit;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;

/**
 * DKPro's Krippendorff unitizing alpha, with one sum of its expected disagreement taken in {@code O(n log n)}.
 *
 * <p>Krippendorff's (1995) expected disagreement of a category, with {@code L} the continuum's length, {@code R} the
 * coders, {@code N} the spans of the category (of every coder), and the gaps (the stretches between one coder's spans,
 * before the first and after the last) of every coder:
 * <pre>
 *   D_e = 2/L · Σ_span [ (N − 1)(2l³ − 3l² + l)/3 + l² · Σ_{gap g ≥ l} (g − l + 1) ] / (RL(RL − 1) − Σ_span l(l − 1))
 * </pre>
 * DKPro sums the inner {@code Σ_g} gap by gap for every span, which grows with the square of the spans (minutes for
 * some thousand). It equals {@code S − (l − 1)·C}, {@code S} and {@code C} the sum and number of the gaps at least
 * {@code l} long, read here from the sorted gaps' suffix sums. The observed disagreement and the agreement are DKPro's;
 * {@code UnitizingAlphaTest} checks the figure against DKPro's own on random studies.
 */
final class UnitizingAlpha extends KrippendorffAlphaUnitizingAgreement {

    UnitizingAlpha(IUnitizingAnnotationStudy study) {
        super(study);
    }

    @Override
    protected double calculateExpectedCategoryDisagreement(Object category) {
        long continuum = study.getContinuumLength();
        int coders = study.getRaterCount();
        List<IUnitizingAnnotationUnit> spans = study.getUnits().stream().filter(u -> category.equals(u.getCategory())).toList();

        long[] gaps = gaps(spans, coders, study.getContinuumBegin(), continuum);
        Arrays.sort(gaps);
        long[] sumFrom = new long[gaps.length + 1];
        for (int i = gaps.length - 1; i >= 0; i--) {
            sumFrom[i] = sumFrom[i + 1] + gaps[i];
        }

        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal lengthTerms = BigDecimal.ZERO;
        long others = spans.size() - 1L;
        for (IUnitizingAnnotationUnit span : spans) {
            long l = span.getLength();
            lengthTerms = lengthTerms.add(BigDecimal.valueOf(l).multiply(BigDecimal.valueOf(l - 1)));
            BigDecimal within = BigDecimal.valueOf(others).multiply(BigDecimal.valueOf(2 * l * l * l - 3 * l * l + l))
                    .divide(BigDecimal.valueOf(3), MathContext.DECIMAL128);
            int first = firstNotShorter(gaps, l);
            BigDecimal placements = BigDecimal.valueOf(sumFrom[first]).subtract(BigDecimal.valueOf(gaps.length - first).multiply(BigDecimal.valueOf(l - 1)));
            sum = sum.add(within).add(placements.multiply(BigDecimal.valueOf(l * l)));
        }
        BigDecimal pairs = BigDecimal.valueOf(coders).multiply(BigDecimal.valueOf(continuum));
        BigDecimal denominator = pairs.multiply(pairs.subtract(BigDecimal.ONE)).subtract(lengthTerms);
        return sum.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(continuum), MathContext.DECIMAL128)
                .divide(denominator, MathContext.DECIMAL128).doubleValue();
    }

    /** Every coder's uncovered stretches of the continuum (spans of one coder do not overlap), none of length 0. */
    private static long[] gaps(List<IUnitizingAnnotationUnit> spans, int coders, long begin, long length) {
        List<Long> gaps = new ArrayList<>();
        for (int coder = 0; coder < coders; coder++) {
            int c = coder;
            List<IUnitizingAnnotationUnit> own = spans.stream().filter(u -> u.getRaterIdx() == c)
                    .sorted(Comparator.comparingLong(IUnitizingAnnotationUnit::getOffset)).toList();
            long covered = begin;
            for (IUnitizingAnnotationUnit span : own) {
                if (span.getOffset() > covered) {
                    gaps.add(span.getOffset() - covered);
                }
                covered = span.getOffset() + span.getLength();
            }
            if (covered < begin + length) {
                gaps.add(begin + length - covered);
            }
        }
        return gaps.stream().mapToLong(Long::longValue).toArray();
    }

    /** The index of the first of the ascending {@code gaps} at least {@code length} long, or {@code gaps.length}. */
    private static int firstNotShorter(long[] gaps, long length) {
        int low = 0;
        int high = gaps.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (gaps[middle] < length) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
