package org.lararena.ontology.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How long agreement takes over 10,000 passages (100 documents) and 5 coders, 30 concepts grouped into 6 themes,
 * each coder tagging about one passage in four with a concept that mostly matches the others'. A benchmark, not a
 * test: {@code ./mvnw -Pbench -pl ontology -am verify -DskipITs -Dtest=AgreementBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AgreementBenchmark {

    private static final int DOCUMENTS = 100;
    private static final int PASSAGES_PER_DOCUMENT = 100;
    private static final int CONCEPTS = 30;
    private static final List<String> CODERS = List.of("a", "b", "c", "d", "annotator");

    @Test
    void agreementOverTenThousandPassagesAndFiveCoders() {
        Random random = new Random(42);
        List<Unit> units = new ArrayList<>();
        List<Coding> codings = new ArrayList<>();
        Map<String, Set<String>> finished = new HashMap<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            for (int p = 0; p < PASSAGES_PER_DOCUMENT; p++) {
                String passage = "doc" + d + "-" + p;
                units.add(new Unit("doc" + d, passage, 400));
                if (random.nextInt(4) == 0) {
                    int concept = random.nextInt(CONCEPTS);
                    for (String coder : CODERS) {
                        int chosen = random.nextInt(5) == 0 ? random.nextInt(CONCEPTS) : concept;
                        int start = random.nextInt(100);
                        codings.add(new Coding(coder, passage, start, start + 20 + random.nextInt(200), "c" + chosen));
                    }
                }
            }
        }
        Set<String> all = new java.util.HashSet<>();
        units.forEach(u -> all.add(u.documentId()));
        CODERS.forEach(c -> finished.put(c, all));
        List<Category> concepts = new ArrayList<>();
        for (int c = 0; c < CONCEPTS; c++) {
            concepts.add(new Category("c" + c, "Begrepp " + c));
        }
        List<Category> themes = new ArrayList<>();
        for (int t = 0; t < CONCEPTS / 5; t++) {
            themes.add(new Category("t" + t, "Tema " + t));
        }

        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            AgreementReport byConcept = new AgreementStudy(CODERS, units, finished, codings, Set::of).report(concepts);
            long t1 = System.nanoTime();
            AgreementReport byTheme = new AgreementStudy(CODERS, units, finished, codings,
                    concept -> Set.of("t" + Integer.parseInt(concept.substring(1)) / 5)).report(themes);
            long t2 = System.nanoTime();
            assertThat(byConcept.units()).isEqualTo(DOCUMENTS * PASSAGES_PER_DOCUMENT);
            assertThat(byTheme.categories()).hasSize(themes.size());
            System.out.printf("round %d: %d concepts %.2f s, %d themes %.2f s (10,000 passages, 5 coders)%n", round, CONCEPTS,
                    (t1 - t0) / 1e9, themes.size(), (t2 - t1) / 1e9);
        }
    }
}
