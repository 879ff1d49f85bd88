package org.lararena.ingest.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.extract.TestCorpus;
import org.lararena.ingest.repair.RepairEdit.Kind;
import org.lararena.ontology.OntologyLoader;

/**
 * Letter-spacing repair measured on the shared corpus: the irregularly spaced slide text against its facit (the
 * share of the facit's words that come out whole, line by line), and every other corpus file left as it was.
 */
class LetterSpacingCorpusTest {

    private static final String IRREGULAR = "artefakter/bokstavsspatierad-oregelbunden.txt";
    private static final String IRREGULAR_FACIT = "artefakter/bokstavsspatierad-oregelbunden.facit.txt";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");

    @Test
    void recoversAtLeast97PercentOfTheIrregularSlideTextsWordsWithTheSystemWordLists() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of(Vocabulary.SYSTEM_WORD_LIST)) && Files.isReadable(Path.of(Vocabulary.SYSTEM_DICTIONARY)),
                "Skipped: the Swedish word lists wswedish (" + Vocabulary.SYSTEM_WORD_LIST + ") and hunspell-sv-se ("
                        + Vocabulary.SYSTEM_DICTIONARY + ") are not both installed");
        double recovered = recoveredShare(Vocabulary.standard());

        assertThat(recovered).as("share of the facit's words recovered").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void recoversMostOfTheIrregularSlideTextWithoutTheSystemWordLists() throws IOException {
        Vocabulary withoutSystemLists = Vocabulary.read(Path.of("absent-word-list"), Path.of("absent.dic"), OntologyLoader.fromClasspath());

        assertThat(recoveredShare(withoutSystemLists)).as("share of the facit's words recovered").isGreaterThanOrEqualTo(0.5);
    }

    /** The share of the facit's words that the repaired text has, in their order. */
    private static double recoveredShare(Vocabulary vocabulary) throws IOException {
        String spaced = Files.readString(TestCorpus.file(IRREGULAR));
        List<String> facit = words(Files.readString(TestCorpus.file(IRREGULAR_FACIT)));

        String repaired = new TextRepairer(vocabulary).repair(spaced).text();

        double share = (double) commonSubsequence(facit, words(repaired)) / facit.size();
        System.out.printf("letter-spacing repair: %.1f %% of %d facit words recovered%n%s%n", 100 * share, facit.size(), repaired);
        return share;
    }

    @Test
    void changesNoLineOfTheCorpusThatIsNotLetterSpaced() throws IOException {
        TextRepairer repairer = new TextRepairer(Vocabulary.standard());
        List<Path> files;
        try (var listing = Files.walk(TestCorpus.file("README.md").getParent())) {
            files = listing.filter(file -> file.toString().endsWith(".txt")).filter(file -> !file.getFileName().toString().startsWith("bokstavsspatierad"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text.lines()).as(file.getFileName().toString()).noneMatch(LetterSpacing::isLetterSpaced);
            assertThat(repairer.repair(text).edits()).as(file.getFileName().toString())
                    .noneMatch(edit -> edit.kind() == Kind.LETTER_SPACING_REJOINED);
        }
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(line.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** The length of the longest common subsequence: words recovered in their order. */
    private static int commonSubsequence(List<String> a, List<String> b) {
        int[][] lengths = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lengths[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lengths[i - 1][j - 1] + 1 : Math.max(lengths[i - 1][j], lengths[i][j - 1]);
            }
        }
        return lengths[a.size()][b.size()];
    }
}
