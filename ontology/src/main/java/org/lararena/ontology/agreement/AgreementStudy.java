package org.lararena.ontology.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.lararena.ontology.agreement.AgreementReport.CategoryAgreement;
import org.lararena.ontology.agreement.Figure.Reason;

/**
 * Agreement of coders over passages, computed by DKPro Agreement (Meyer et al., COLING 2014) rather than by hand.
 *
 * <p>The reliability data: units are the passages; for each category (a concept, or a theme with its narrower
 * concepts) a coder's value for a passage is 1 if they applied a concept of that category to it, 0 if not, and
 * missing when the coder has not finished the passage's document. From that data:
 * <ul>
 *   <li>alpha: Krippendorff's alpha with the nominal difference function (missing values allowed);</li>
 *   <li>percent: the share of agreeing pairable values (Krippendorff's observed agreement; with two coders and no
 *       missing values simply the share of passages they coded alike);</li>
 *   <li>kappa: Cohen's kappa for each pair of coders, over the passages both have values for;</li>
 *   <li>alphaU: Krippendorff's unitizing alpha over the spans (code points), on a continuum made of the passages of
 *       the documents every coder has finished, a coder's overlapping spans of one category joined into one.</li>
 * </ul>
 * The overall figures pool every (passage, category) pair into one binary variable.
 */
public final class AgreementStudy {

    private static final Integer APPLIED = 1;
    private static final Integer NOT_APPLIED = 0;

    /**
     * Above this many spans in one category unitizing alpha is left out, a bound on time and memory for one request
     * ({@link UnitizingAlpha} grows with n log n; 10,000 passages of 5 coders have some thousand spans per theme).
     */
    public static final int DEFAULT_MAX_UNITIZING_SPANS = 100_000;

    private final int maxUnitizingSpans;
    private final List<String> coders;
    private final List<Unit> units;
    private final Map<String, Set<String>> finishedDocuments;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    /** category iri → coder index → unit index → spans (start, end) in that passage. */
    private final Map<String, List<Map<Integer, List<int[]>>>> spans = new HashMap<>();

    /**
     * @param coders the coders, at least two
     * @param units the passages, in document and text order
     * @param finishedDocuments the documents each coder has finished, by coder; other documents are missing data
     * @param codings what the coders applied; codings of other coders or passages are ignored
     * @param categoriesOfConcept the categories an applied concept counts for (itself, or its top themes)
     */
    public AgreementStudy(List<String> coders, List<Unit> units, Map<String, Set<String>> finishedDocuments, List<Coding> codings,
                          Function<String, Set<String>> categoriesOfConcept) {
        this(coders, units, finishedDocuments, codings, categoriesOfConcept, DEFAULT_MAX_UNITIZING_SPANS);
    }

    /** @param maxUnitizingSpans above this many spans in a category, alphaU is null with the reason */
    public AgreementStudy(List<String> coders, List<Unit> units, Map<String, Set<String>> finishedDocuments, List<Coding> codings,
                          Function<String, Set<String>> categoriesOfConcept, int maxUnitizingSpans) {
        this.maxUnitizingSpans = maxUnitizingSpans;
        this.coders = List.copyOf(coders);
        this.units = List.copyOf(units);
        this.finishedDocuments = Map.copyOf(finishedDocuments);
        if (this.coders.size() < 2) {
            throw new IllegalArgumentException("agreement needs at least two coders");
        }
        for (int i = 0; i < this.units.size(); i++) {
            unitIndex.put(this.units.get(i).passageId(), i);
        }
        Map<String, Integer> coderIndex = new HashMap<>();
        for (int i = 0; i < this.coders.size(); i++) {
            coderIndex.put(this.coders.get(i), i);
        }
        for (Coding coding : codings) {
            Integer coder = coderIndex.get(coding.coder());
            Integer unit = unitIndex.get(coding.passageId());
            if (coder == null || unit == null) {
                continue;
            }
            for (String category : categoriesOfConcept.apply(coding.conceptIri())) {
                spans.computeIfAbsent(category, k -> newPerCoder())
                        .get(coder).computeIfAbsent(unit, k -> new ArrayList<>()).add(new int[] {coding.start(), coding.end()});
            }
        }
    }

    /** The figures for each category, in the order given, and overall. */
    public AgreementReport report(List<Category> categories) {
        List<CategoryAgreement> results = new ArrayList<>();
        CodingAnnotationStudy pooled = new CodingAnnotationStudy(coders.size());
        for (Category category : categories) {
            List<Object[]> rows = reliabilityData(category.iri());
            CodingAnnotationStudy study = new CodingAnnotationStudy(coders.size());
            rows.forEach(row -> {
                study.addItemAsArray(row);
                pooled.addItemAsArray(row);
            });
            results.add(new CategoryAgreement(category, alpha(study), percent(study), kappas(rows), alphaU(category.iri())));
        }
        return new AgreementReport(coders, units.size(), results, alpha(pooled), percent(pooled));
    }

    /** One row per passage: each coder's value (1 applied, 0 not, null when the coder has not finished the document). */
    private List<Object[]> reliabilityData(String category) {
        List<Map<Integer, List<int[]>>> applied = spans.getOrDefault(category, newPerCoder());
        List<Object[]> rows = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            Object[] row = new Object[coders.size()];
            for (int c = 0; c < coders.size(); c++) {
                if (finished(c, units.get(u))) {
                    row[c] = applied.get(c).containsKey(u) ? APPLIED : NOT_APPLIED;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private boolean finished(int coder, Unit unit) {
        return finishedDocuments.getOrDefault(coders.get(coder), Set.of()).contains(unit.documentId());
    }

    /** Krippendorff's alpha (nominal) of reliability data given as rows of values per coder, null for missing. */
    static Figure alpha(List<Object[]> rows, int coders) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(coders);
        rows.forEach(study::addItemAsArray);
        return alpha(study);
    }

    private static Figure alpha(CodingAnnotationStudy study) {
        if (pairableUnits(study) == 0) {
            return Figure.none(Reason.NO_PAIRABLE_VALUES);
        }
        try {
            return Figure.of(new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement());
        } catch (InsufficientDataException e) {
            return Figure.none(Reason.NO_VARIATION);
        }
    }

    private static Figure percent(CodingAnnotationStudy study) {
        if (pairableUnits(study) == 0) {
            return Figure.none(Reason.NO_PAIRABLE_VALUES);
        }
        try {
            return Figure.of(new PercentageAgreement(study).calculateAgreement());
        } catch (InsufficientDataException e) {
            // Every value the same: DKPro declines, but the coders agree on every passage.
            return Figure.of(1.0);
        }
    }

    private List<AgreementReport.PairKappa> kappas(List<Object[]> rows) {
        List<AgreementReport.PairKappa> kappas = new ArrayList<>();
        for (int a = 0; a < coders.size(); a++) {
            for (int b = a + 1; b < coders.size(); b++) {
                CodingAnnotationStudy pair = new CodingAnnotationStudy(2);
                for (Object[] row : rows) {
                    if (row[a] != null && row[b] != null) {
                        pair.addItem(row[a], row[b]);
                    }
                }
                Figure kappa;
                if (pair.getItemCount() == 0) {
                    kappa = Figure.none(Reason.NO_PASSAGE_BOTH_DONE);
                } else {
                    try {
                        kappa = Figure.of(new CohenKappaAgreement(pair).calculateAgreement());
                    } catch (InsufficientDataException e) {
                        kappa = Figure.none(Reason.NO_VARIATION);
                    }
                    if (kappa.value() != null && kappa.value().isNaN()) {
                        kappa = Figure.none(Reason.NO_VARIATION_IN_PAIR);
                    }
                }
                kappas.add(new AgreementReport.PairKappa(coders.get(a), coders.get(b), kappa));
            }
        }
        return kappas;
    }

    /** Unitizing alpha on the continuum of the documents every coder has finished. */
    private Figure alphaU(String category) {
        Map<Integer, Long> offsets = new TreeMap<>();
        long length = 0;
        for (int u = 0; u < units.size(); u++) {
            int unit = u;
            boolean everyone = IntStream.range(0, coders.size()).allMatch(c -> finished(c, units.get(unit)));
            if (everyone) {
                offsets.put(u, length);
                length += units.get(u).codePoints();
            }
        }
        if (length == 0) {
            return Figure.none(Reason.NO_DOCUMENT_ALL_DONE);
        }
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(coders.size(), 0, length);
        List<Map<Integer, List<int[]>>> perCoder = spans.getOrDefault(category, newPerCoder());
        int count = 0;
        for (int c = 0; c < coders.size(); c++) {
            for (Map.Entry<Integer, List<int[]>> entry : new TreeMap<>(perCoder.get(c)).entrySet()) {
                Long offset = offsets.get(entry.getKey());
                if (offset == null) {
                    continue;
                }
                for (int[] span : joined(entry.getValue())) {
                    study.addUnit(offset + span[0], span[1] - span[0], c, category);
                    count++;
                }
            }
        }
        if (count == 0) {
            return Figure.none(Reason.NOT_APPLIED);
        }
        if (count > maxUnitizingSpans) {
            return Figure.none(Reason.TOO_MANY_SPANS, count, maxUnitizingSpans);
        }
        return Figure.of(new UnitizingAlpha(study).calculateCategoryAgreement(category));
    }

    /** Overlapping or touching spans of one coder joined: unitizing alpha wants a coder's units not to overlap. */
    public static List<int[]> joined(List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans.stream().filter(s -> s[1] > s[0]).toList());
        sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> joined = new ArrayList<>();
        for (int[] span : sorted) {
            int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                joined.add(new int[] {span[0], span[1]});
            }
        }
        return joined;
    }

    private static int pairableUnits(CodingAnnotationStudy study) {
        int pairable = 0;
        for (var item : study.getItems()) {
            if (item.getRaterCount() >= 2) {
                pairable++;
            }
        }
        return pairable;
    }

    private List<Map<Integer, List<int[]>>> newPerCoder() {
        List<Map<Integer, List<int[]>>> perCoder = new ArrayList<>();
        coders.forEach(c -> perCoder.add(new LinkedHashMap<>()));
        return perCoder;
    }
}
