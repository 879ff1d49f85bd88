package org.lararena.ontology.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.agreement.AgreementReport.CategoryAgreement;

/**
 * Checks each measure against published worked examples, with the reliability data written out here from the
 * publications' tables:
 * <ul>
 *   <li>Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Section A (binary data, two observers,
 *       ten units: alpha = 0.095) and section C (nominal data, four observers, twelve units with missing values:
 *       alpha = 0.743).</li>
 *   <li>Cohen's kappa, the textbook two-by-two example (20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no of 50: p_o = 0.7,
 *       p_e = 0.5, kappa = 0.4), as in the Wikipedia article on Cohen's kappa.</li>
 *   <li>Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology 25,
 *       p. 57, pair A (Bertha and Bill on a continuum of 24): unitizing alpha = 0.553 for a continuous continuum.</li>
 * </ul>
 */
class AgreementStudyTest {

    private static final String CONCEPT = "urn:test:concept";
    private static final String DOC = "doc";
    private static final Category CATEGORY = new Category(CONCEPT, "Begrepp");

    @Test
    void binaryDataOfTwoObserversGivesKrippendorffsAlpha() {
        // Krippendorff 2011, section A: observer A says 1 for units 2 and 9, observer B for units 1, 2, 3 and 6.
        CategoryAgreement result = singleCategory(10, Map.of("a", List.of(2, 9), "b", List.of(1, 2, 3, 6)));

        assertThat(result.alpha().value()).isCloseTo(0.095, within(0.0005));
        assertThat(result.percent().value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void twoByTwoTableGivesCohensKappa() {
        // 50 passages: both applied it to 1..20, only a to 21..25, only b to 26..35, neither to 36..50.
        CategoryAgreement result = singleCategory(50, Map.of("a", range(1, 25), "b", concat(range(1, 20), range(26, 35))));

        assertThat(result.kappa()).singleElement().satisfies(k -> {
            assertThat(k.coder()).isEqualTo("a");
            assertThat(k.otherCoder()).isEqualTo("b");
            assertThat(k.value().value()).isCloseTo(0.4, within(1e-9));
        });
        assertThat(result.percent().value()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void nominalDataWithMissingValuesGivesKrippendorffsAlpha() {
        // Krippendorff 2011, section C: four observers, twelve units, "." missing.
        Object[][] data = {
                {1, 1, null, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
                {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {null, 5, 5, 5}, {null, null, 1, 1}, {null, 3, null, null}};

        assertThat(AgreementStudy.alpha(List.of(data), 4).value()).isCloseTo(0.743, within(0.0005));
    }

    @Test
    void spansOfTwoCodersGiveUnitizingAlpha() {
        // Krippendorff 1995, pair A: Bertha 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0,
        //                            Bill   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0.
        // Stretched a thousandfold, so that code points come close to the paper's continuous continuum.
        int k = 1000;
        List<Unit> units = List.of(new Unit(DOC, "p1", 24 * k));
        List<Coding> codings = List.of(
                new Coding("bertha", "p1", 2 * k, 10 * k, CONCEPT), new Coding("bertha", "p1", 14 * k, 20 * k, CONCEPT),
                new Coding("bill", "p1", 4 * k, 8 * k, CONCEPT), new Coding("bill", "p1", 15 * k, 17 * k, CONCEPT));

        CategoryAgreement result = study(List.of("bertha", "bill"), units, codings).report(List.of(CATEGORY)).categories().get(0);

        assertThat(result.alphaU().value()).isCloseTo(0.553, within(0.001));
    }

    @Test
    void unitizingAlphaJoinsPassagesIntoOneContinuumAndOverlappingSpansOfOneCoder() {
        // The same data cut into two passages of 12 (stretched), Bertha's first span tagged twice, overlapping.
        int k = 1000;
        List<Unit> units = List.of(new Unit(DOC, "p1", 12 * k), new Unit(DOC, "p2", 12 * k));
        List<Coding> codings = List.of(
                new Coding("bertha", "p1", 2 * k, 7 * k, CONCEPT), new Coding("bertha", "p1", 5 * k, 10 * k, CONCEPT),
                new Coding("bertha", "p2", 2 * k, 8 * k, CONCEPT),
                new Coding("bill", "p1", 4 * k, 8 * k, CONCEPT), new Coding("bill", "p2", 3 * k, 5 * k, CONCEPT));

        CategoryAgreement result = study(List.of("bertha", "bill"), units, codings).report(List.of(CATEGORY)).categories().get(0);

        assertThat(result.alphaU().value()).isCloseTo(0.553, within(0.001));
    }

    @Test
    void aCoderWhoHasNotFinishedADocumentCountsAsMissingThere() {
        // Section A again, with a third coder who has tagged but not marked the document done: alpha stays 0.095.
        List<Unit> units = units(10);
        List<Coding> codings = new ArrayList<>(codings("a", List.of(2, 9)));
        codings.addAll(codings("b", List.of(1, 2, 3, 6)));
        codings.addAll(codings("c", List.of(4, 5, 7, 8, 10)));
        AgreementStudy study = new AgreementStudy(List.of("a", "b", "c"), units,
                Map.of("a", Set.of(DOC), "b", Set.of(DOC)), codings, Set::of);

        CategoryAgreement result = study.report(List.of(CATEGORY)).categories().get(0);

        assertThat(result.alpha().value()).isCloseTo(0.095, within(0.0005));
        assertThat(result.kappa()).hasSize(3);
        assertThat(result.kappa().get(1).otherCoder()).isEqualTo("c");
        assertThat(result.kappa().get(1).value().value()).isNull();
        assertThat(result.kappa().get(1).value().reason()).contains("marked done");
        assertThat(result.kappa().get(1).value().cause()).isEqualTo(Figure.Reason.NO_PASSAGE_BOTH_DONE);
        assertThat(result.alphaU().value()).isNull();
        assertThat(result.alphaU().reason()).contains("every coder has marked done");
        assertThat(result.alphaU().cause().code()).isEqualTo("no_document_all_done");
    }

    @Test
    void aSingleCoderWithDataGivesNoFigures() {
        AgreementStudy study = new AgreementStudy(List.of("a", "b"), units(4), Map.of("a", Set.of(DOC)),
                codings("a", List.of(1, 2)), Set::of);

        AgreementReport report = study.report(List.of(CATEGORY));

        assertThat(report.categories().get(0).alpha().reason()).contains("two coders");
        assertThat(report.categories().get(0).alpha().cause()).isEqualTo(Figure.Reason.NO_PAIRABLE_VALUES);
        assertThat(report.overallAlpha().value()).isNull();
        assertThat(report.overallPercent().value()).isNull();
    }

    @Test
    void noVariationGivesNoAlphaButFullPercentage() {
        CategoryAgreement result = singleCategory(5, Map.of("a", List.of(), "b", List.of()));

        assertThat(result.alpha().value()).isNull();
        assertThat(result.alpha().reason()).contains("no variation");
        assertThat(result.percent().value()).isEqualTo(1.0);
        assertThat(result.alphaU().reason()).contains("no coder applied it");
    }

    @Test
    void unitizingAlphaOverTooManySpansIsLeftOutWithTheReason() {
        AgreementStudy study = new AgreementStudy(List.of("a", "b"), units(3), Map.of("a", Set.of(DOC), "b", Set.of(DOC)),
                List.of(new Coding("a", "p1", 0, 5, CONCEPT), new Coding("b", "p1", 1, 5, CONCEPT), new Coding("b", "p2", 0, 5, CONCEPT)),
                Set::of, 2);

        CategoryAgreement result = study.report(List.of(CATEGORY)).categories().get(0);

        assertThat(result.alphaU().value()).isNull();
        assertThat(result.alphaU().reason()).isEqualTo("3 spans: unitizing alpha is computed for at most 2; choose fewer documents or coders");
        assertThat(result.alphaU().cause()).isEqualTo(Figure.Reason.TOO_MANY_SPANS);
        assertThat(result.alphaU().numbers()).containsExactly(3L, 2L);
        assertThat(result.alpha().value()).as("the other figures stay").isNotNull();
    }

    @Test
    void aThemeCountsTheConceptsNarrowerThanIt() {
        // a tags the narrower concept, b the theme itself: at theme level they agree on passage 1.
        String narrower = "urn:test:narrower";
        List<Coding> codings = List.of(new Coding("a", "p1", 0, 5, narrower), new Coding("b", "p1", 2, 6, CONCEPT),
                new Coding("b", "p2", 0, 5, CONCEPT));
        AgreementStudy study = new AgreementStudy(List.of("a", "b"), units(3), Map.of("a", Set.of(DOC), "b", Set.of(DOC)),
                codings, concept -> concept.equals(narrower) ? Set.of(narrower, CONCEPT) : Set.of(concept));

        AgreementReport report = study.report(List.of(CATEGORY));

        assertThat(report.units()).isEqualTo(3);
        assertThat(report.categories().get(0).percent().value()).isCloseTo(2.0 / 3, within(1e-9));
    }

    // --- helpers

    private static CategoryAgreement singleCategory(int passages, Map<String, List<Integer>> applied) {
        List<Coding> codings = new ArrayList<>();
        applied.forEach((coder, ordinals) -> codings.addAll(codings(coder, ordinals)));
        return study(List.of("a", "b"), units(passages), codings).report(List.of(CATEGORY)).categories().get(0);
    }

    private static AgreementStudy study(List<String> coders, List<Unit> units, List<Coding> codings) {
        Map<String, Set<String>> finished = new HashMap<>();
        coders.forEach(c -> finished.put(c, Set.of(DOC)));
        return new AgreementStudy(coders, units, finished, codings, Set::of);
    }

    private static List<Unit> units(int count) {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            units.add(new Unit(DOC, "p" + i, 10));
        }
        return units;
    }

    private static List<Coding> codings(String coder, List<Integer> ordinals) {
        return ordinals.stream().map(i -> new Coding(coder, "p" + i, 0, 5, CONCEPT)).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
