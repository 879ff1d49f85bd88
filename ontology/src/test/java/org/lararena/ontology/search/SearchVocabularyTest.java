package org.lararena.ontology.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.OntologyLoader;

/** The analysis files made from the real ontology. */
class SearchVocabularyTest {

    private final SearchVocabulary vocabulary = new SearchVocabulary(OntologyLoader.fromClasspath());

    @Test
    void theDictionaryHoldsTheLabelWordsButNotCompoundsItCanSplitItself() {
        List<String> words = vocabulary.decompoundWords();

        assertThat(words).contains("kontinuitet", "sekretess", "samverkan").doesNotContain("vårdkontinuitet");
        assertThat(words).allMatch(w -> w.length() >= 3 && w.equals(w.toLowerCase()));
    }

    @Test
    void synonymsJoinTheInflectionsOfOneConceptAndNothingBroader() {
        List<String> rules = vocabulary.conceptSynonymRules();

        assertThat(rules).anyMatch(r -> r.contains("utskrivningsklar,") && r.contains("utskrivningsklara"));
        assertThat(rules).noneMatch(r -> r.contains("välfärdsteknik") && r.contains("digitalisering"));
        assertThat(rules).allMatch(r -> r.split(", ").length >= 2);
    }

    @Test
    void theEverydayWordsJoinAnotherNameForTheSameThingButNotWordsOfRelatedMeaning() {
        List<String> rules = vocabulary.synonymRules();

        assertThat(rules).anyMatch(r -> r.contains("doktorn") && r.contains("läkaren"))
                .anyMatch(r -> r.contains("hälsocentral,") && r.contains("vårdcentralen"))
                .noneMatch(r -> List.of(r.split(", ")).contains("gamla") || List.of(r.split(", ")).contains("kön"));
        assertThat(SearchVocabulary.everydayWordRules()).isNotEmpty()
                .allMatch(r -> r.split(", ").length >= 2 && r.equals(r.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void theFilesAreOfferedToTheManagedElasticsearch() {
        var files = new OntologyAnalysisFiles().files();

        assertThat(files).containsKeys("lararena/decompound.txt", "lararena/synonyms.txt");
        assertThat(files.get("lararena/synonyms.txt")).startsWith("#").contains("utskrivningsklar");
    }
}
