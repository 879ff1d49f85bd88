package org.lararena.ontology.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the general word lists: hunspell's flags and count line, wswedish's ISO-8859-1, the filters. */
class GeneralSwedishWordsTest {

    @TempDir
    Path dir;

    @Test
    void bothListsAreMergedWithoutNamesShortWordsEndingsOrFlags() throws Exception {
        Path dic = dir.resolve("sv_SE.dic");
        Files.writeString(dic, "6\nföräldra/XZ\nledighet/ADfY\nUppsala/N\nhus/bD\nande/AB\nac-/XZ\n", StandardCharsets.UTF_8);
        Path plain = dir.resolve("swedish");
        Files.writeString(plain, "läkemedel\nföräldrar\nÖrebro\n", Charset.forName("ISO-8859-1"));

        assertThat(GeneralSwedishWords.read(dic, plain)).containsExactly("föräldra", "föräldrar", "ledighet", "läkemedel");
    }

    @Test
    void listsThatAreNotInstalledGiveNothing() {
        assertThat(GeneralSwedishWords.read(dir.resolve("none.dic"), dir.resolve("none"))).isEmpty();
    }

    @Test
    void theGeneratedFileIsThereEvenWithoutAList() {
        String general = new OntologyAnalysisFiles().files().get(OntologyAnalysisFiles.DECOMPOUND_GENERAL);
        assertThat(general).startsWith("# ");
        if (Files.isReadable(GeneralSwedishWords.HUNSPELL) || Files.isReadable(GeneralSwedishWords.WSWEDISH)) {
            assertThat(general.lines().count()).isGreaterThan(10_000);
        }
    }
}
