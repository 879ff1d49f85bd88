package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.suggest.StartingConfidence;
import org.lararena.ontology.suggest.SuggesterModel;

/**
 * The confidence the dictionary's suggestions are shown with before a model is in service ({@link StartingConfidence}):
 * its shipped counts are the labelled sets counted again. After a change of the codebook, the annotator or the sets,
 * write them anew with {@code -Dlararena.writeStartingConfidence=true} (this test then writes the file and is skipped).
 */
class StartingConfidenceTest {

    private static final String WRITE = "lararena.writeStartingConfidence";
    private static final Path SHIPPED = Path.of("src/main/resources/org/lararena/ontology/suggest/starting-confidence.tsv");

    private static Ontology ontology;
    private static PassageAnnotator annotator;

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
    }

    @Test
    void theShippedCountsAreTheLabelledSetsCountedAgain() throws IOException {
        StartingConfidence counted = StartingConfidence.of(count(annotator, ontology, EverydayWordsTest.LABELLED_SETS));
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(SHIPPED, counted.toTable(), StandardCharsets.UTF_8);
        }
        assumeFalse(Boolean.getBoolean(WRITE), "wrote " + SHIPPED + " anew; build the module again and run this test without -D" + WRITE);

        assertThat(StartingConfidence.shipped().counts())
                .as("%s against the labelled sets counted again: write it anew with -D%s=true", SHIPPED, WRITE)
                .isEqualTo(counted.counts());
    }

    @Test
    void theDictionaryAloneKeepsItsSuggestionsAndShowsTheShareOfItsKindThatWasRight() throws IOException {
        int passages = 0;
        for (LabelledPassage passage : LabelledPassage.read("suggester-heldout-10.txt")) {
            List<Suggestion> raw = annotator.termSuggestions(passage.text(), SuggesterModel.DICTIONARY_ONLY);
            List<Suggestion> shown = annotator.annotate(passage.text());
            assertThat(shown).extracting(Suggestion::conceptIri, Suggestion::start, Suggestion::end)
                    .as("the dictionary's own suggestions, none dropped")
                    .containsExactlyElementsOf(raw.stream().map(s -> tuple(s.conceptIri(), s.start(), s.end())).toList());
            passages += raw.isEmpty() ? 0 : 1;
        }
        assertThat(passages).isPositive();

        // A theme's one word in a passage about another theme is right less often than a theme with several words.
        String text = "Vi pratade mest om samverkan med kommunen och om att samverkan med regionen kräver tid; ledarskap kom upp en gång.";
        List<Suggestion> shown = annotator.annotate(text);
        double passing = shown.stream().filter(s -> s.matchedText().equalsIgnoreCase("ledarskap")).findFirst().orElseThrow().confidence();
        double several = shown.stream().filter(s -> s.matchedText().equalsIgnoreCase("samverkan")).findFirst().orElseThrow().confidence();
        assertThat(passing).as("a passing mention, in %s", shown).isLessThan(several);
    }

    @Test
    void aResetToTheDictionaryAloneShowsTheSameConfidenceAlsoWhenReadBackFromItsFile() {
        String text = "Vi pratade mest om samverkan med kommunen och om att samverkan med regionen kräver tid; ledarskap kom upp en gång.";
        SuggesterModel reset = SuggesterModel.fromJson(SuggesterModel.DICTIONARY_ONLY.withVersion(4).toJson());

        assertThat(reset.version()).isEqualTo(4);
        assertThat(annotator.annotate(text, reset)).isEqualTo(annotator.annotate(text, SuggesterModel.DICTIONARY_ONLY))
                .isNotEqualTo(annotator.termSuggestions(text, SuggesterModel.DICTIONARY_ONLY));
    }

    /** The dictionary's suggestions on {@code sets}, right or wrong by each passage's labels, by their class. */
    static Map<String, StartingConfidence.Counts> count(PassageAnnotator annotator, Ontology ontology, List<String> sets) throws IOException {
        Map<String, StartingConfidence.Counts> counts = new TreeMap<>();
        for (String set : sets) {
            for (LabelledPassage passage : LabelledPassage.read(set)) {
                Set<String> gold = passage.themeIris(ontology);
                List<Suggestion> raw = annotator.termSuggestions(passage.text(), SuggesterModel.DICTIONARY_ONLY);
                for (Suggestion s : raw) {
                    counts.merge(StartingConfidence.contextOf(passage.text(), s, raw), StartingConfidence.Counts.one(gold.contains(s.topThemeIri())),
                            StartingConfidence.Counts::plus);
                }
            }
        }
        return counts;
    }
}
