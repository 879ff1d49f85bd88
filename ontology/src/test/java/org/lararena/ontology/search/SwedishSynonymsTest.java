package org.lararena.ontology.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Reading a MyThes thesaurus, and looking a word up in any of its forms. */
class SwedishSynonymsTest {

    /** A thesaurus in MyThes's form, written for this test: two meanings of one word, a pair listed one way only. */
    private static final List<String> THESAURUS = List.of(
            "ISO-8859-1",
            "svårighet|2",
            "(subst)|problem|hinder|möda",
            "|knipa|bök",
            "hinder|1",
            "|svårighet|spärr",
            "problem|1",
            "|svårighet|bekymmer|jox-",
            "spärr|1",
            "|hinder",
            "bekymmer|1",
            "|oro",
            "chef|1",
            "|bas|ledare",
            "ledare|1",
            "|chef");

    @TempDir
    Path dir;

    /**
     * Only pairs listed both ways, of whole words of four letters or more ({@code bekymmer} lists {@code oro} one way,
     * {@code bas} is short, {@code jox-} no whole word); a word is found in its inflected and scanned forms.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "svårighet; problem hinder", "hinder; svårighet spärr", "problem; svårighet", "chef; ledare", "oro; ''",
            "svårigheterna; problem hinder", "Svarigheter; problem hinder", "problemen; svårighet", "chefer; ledare", "samverkan; ''"})
    void aWordsSynonymsAreThePairsListedBothWays(String word, String synonyms) {
        List<String> expected = synonyms.isBlank() ? List.of() : List.of(synonyms.split(" "));

        assertThat(SwedishSynonyms.parse(THESAURUS).of(word)).containsExactlyElementsOf(expected);
    }

    @Test
    void theFileIsReadInTheCharsetItsFirstLineNames() throws Exception {
        Path data = dir.resolve("th_sv_SE_v2.dat");
        Files.write(data, THESAURUS, Charset.forName("ISO-8859-1"));

        assertThat(SwedishSynonyms.read(data).of("hinder")).containsExactly("svårighet", "spärr");
        assertThat(SwedishSynonyms.none().of("hinder")).isEmpty();
    }

    @Test
    void theInstalledThesaurusKnowsTheWordsOfTheField() {
        assumeTrue(Files.isReadable(SwedishSynonyms.MYTHES),
                "Folkets synonymlexikon is not installed at " + SwedishSynonyms.MYTHES + " (Debian package mythes-sv)");
        SwedishSynonyms installed = SwedishSynonyms.installed();

        assertThat(installed.size()).isGreaterThan(10_000);
        assertThat(installed.of("hinder")).contains("svårighet");
        assertThat(installed.of("svårigheter")).contains("hinder", "problem");
        assertThat(installed.of("samverkan")).contains("samarbete");
    }
}
