package org.lararena.ontology.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;

class LabelledPassagesTest {

    private static final Ontology ONTOLOGY = OntologyLoader.fromClasspath();

    @Test
    void theSeedHoldsEveryShippedPassageWithItsThemesAsTopThemeIris() {
        int shipped = LabelledPassages.SHIPPED.stream().mapToInt(file -> LabelledPassages.shipped(file).size()).sum();
        Set<String> topThemes = Set.copyOf(ONTOLOGY.topThemes().stream().map(t -> t.iri()).toList());

        List<SuggesterTraining.SeedPassage> seed = LabelledPassages.seed(ONTOLOGY, List.of());

        assertThat(seed).hasSize(shipped).hasSizeGreaterThan(400);
        assertThat(seed).allSatisfy(p -> assertThat(topThemes).containsAll(p.themeIris()));
        assertThat(seed).filteredOn(p -> p.themeIris().isEmpty()).as("passages about nothing in the codebook").isNotEmpty();
    }

    @Test
    void aSetLeftOutOfTheSeedLeavesNoneOfItsPassagesThere() {
        List<String> leftOutTexts = LabelledPassages.shipped("suggester-heldout-5.txt").stream().map(LabelledPassages.Passage::text).toList();

        List<SuggesterTraining.SeedPassage> seed = LabelledPassages.seed(ONTOLOGY, Set.of("suggester-heldout-5.txt"));

        assertThat(seed).extracting(SuggesterTraining.SeedPassage::text).doesNotContainAnyElementsOf(leftOutTexts);
        assertThat(seed).hasSize(LabelledPassages.seed(ONTOLOGY, List.of()).size() - leftOutTexts.size());
    }

    @Test
    void labelsAndTheWordsThatCarryThemAreRead() {
        List<LabelledPassages.Passage> passages = LabelledPassages.parse("""
                # a comment
                ---
                themes: Samverkan [mobila teamet]; Kontinuitet
                Det mobila teamet kommer hem till oss.
                ---
                themes:
                Vi ses i lunchrummet.
                """, "test");

        assertThat(passages).hasSize(2);
        assertThat(passages.get(0).labels()).containsExactlyInAnyOrder("Samverkan", "Kontinuitet");
        assertThat(passages.get(0).evidence()).containsEntry("Samverkan", "mobila teamet").doesNotContainKey("Kontinuitet");
        assertThat(passages.get(0).text()).isEqualTo("Det mobila teamet kommer hem till oss.");
        assertThat(passages.get(1).labels()).isEmpty();
    }

    @Test
    void aPassageWithoutItsThemesLineIsNamed() {
        assertThatThrownBy(() -> LabelledPassages.parse("---\nthemes: Samverkan\nText.\n---\nText utan teman.\n", "trasig.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Passage 2 of trasig.txt");
        assertThatThrownBy(() -> LabelledPassages.shipped("saknas.txt")).hasMessageContaining("saknas.txt");
    }
}
