package org.lararena.ontology.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading MyThes's format: the encoding line, headwords with their count of meanings, what is kept. */
class SwedishThesaurusTest {

    @TempDir
    Path dir;

    @Test
    void eachHeadwordGivesOneRuleOfSingleWordsWithoutNamesOrPhrases() throws Exception {
        Path dat = dir.resolve("th_sv_SE_v2.dat");
        Files.writeString(dat, """
                ISO8859-1
                TV|1
                |dumburk|television
                hinder|2
                |svårighet|hake|barriär
                (subst)|spärr|svårighet
                öva|1
                |öva på|träna|övning
                ok|1
                |javisst
                """, Charset.forName("ISO-8859-1"));

        assertThat(SwedishThesaurus.rules(dat)).containsExactly(
                "hinder => barriär, hake, spärr, svårighet",
                "öva => träna, övning");
    }

    @Test
    void aThesaurusThatIsNotInstalledGivesNoRules() {
        assertThat(SwedishThesaurus.rules(dir.resolve("none.dat"))).isEmpty();
    }

    @Test
    void theGeneratedFileIsThereEvenWithoutTheThesaurus() {
        String thesaurus = new OntologyAnalysisFiles().files().get(OntologyAnalysisFiles.THESAURUS);
        assertThat(thesaurus).startsWith("# ");
        if (Files.isReadable(SwedishThesaurus.MYTHES_SV)) {
            assertThat(thesaurus.lines().filter(line -> line.contains(" => ")).count()).isGreaterThan(5_000);
        }
    }
}
