package org.lararena.ingest.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.pipeline.SpeakerPseudonyms;

/**
 * Precision and recall of {@link SpokenNames} on the project's own evaluation set ({@code spoken-names-sv.tsv}, see
 * its README), counted per name word: a word of a marked name that was replaced is a hit, a replaced word outside
 * every mark a false alarm. The figures are in {@code docs/names.md}; the floors sit a little below them.
 */
class SpokenNamesEvaluationTest {

    private static final Pattern MARKED = Pattern.compile("\\[\\[(.+?)]]");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");

    record Sentence(List<String> speakers, String text, Set<Integer> nameWordStarts) {
    }

    record Score(int truePositives, int falsePositives, int falseNegatives, int sentences, int withNames) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }
    }

    @Test
    void findsMostNamesSpokenInTurnsAndReplacesFewOrdinaryWords() throws IOException {
        Score score = score(sentences());
        System.out.printf("spoken names: %d sentences (%d with names), name words: %d found right, %d wrongly, %d missed;"
                        + " precision %.3f, recall %.3f%n", score.sentences(), score.withNames(), score.truePositives(),
                score.falsePositives(), score.falseNegatives(), score.precision(), score.recall());
        assertThat(score.sentences()).as("the evaluation set holds at least 150 sentences").isGreaterThanOrEqualTo(150);
        assertThat(score.precision()).as("precision of name words replaced").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(score.recall()).as("recall of name words replaced").isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    static final double PRECISION_FLOOR = 0.95;
    static final double RECALL_FLOOR = 0.85;

    static Score score(List<Sentence> sentences) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int withNames = 0;
        for (Sentence sentence : sentences) {
            SpokenNames finder = SpokenNames.forDocument(SpeakerPseudonyms.assign(sentence.speakers()), List.of(sentence.text()));
            Set<Integer> replaced = new HashSet<>();
            for (SpokenNames.Found found : finder.find(sentence.text())) {
                Matcher word = WORD.matcher(sentence.text()).region(found.start(), found.end());
                while (word.find()) {
                    replaced.add(word.start());
                }
            }
            withNames += sentence.nameWordStarts().isEmpty() ? 0 : 1;
            for (int start : replaced) {
                if (sentence.nameWordStarts().contains(start)) {
                    tp++;
                } else {
                    fp++;
                    System.out.println("  wrongly replaced in: " + sentence.text());
                }
            }
            for (int start : sentence.nameWordStarts()) {
                if (!replaced.contains(start)) {
                    fn++;
                    System.out.println("  missed in: " + sentence.text());
                }
            }
        }
        return new Score(tp, fp, fn, sentences.size(), withNames);
    }

    static List<Sentence> sentences() throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        try (InputStream in = SpokenNamesEvaluationTest.class.getResourceAsStream("spoken-names-sv.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 2);
                List<String> speakers = columns[0].equals("-") ? List.of() : List.of(columns[0].split(";"));
                StringBuilder text = new StringBuilder();
                Set<Integer> nameWords = new HashSet<>();
                Matcher mark = MARKED.matcher(columns[1]);
                int at = 0;
                while (mark.find()) {
                    text.append(columns[1], at, mark.start());
                    Matcher word = WORD.matcher(mark.group(1));
                    while (word.find()) {
                        nameWords.add(text.length() + word.start());
                    }
                    text.append(mark.group(1));
                    at = mark.end();
                }
                text.append(columns[1].substring(at));
                sentences.add(new Sentence(speakers, text.toString(), nameWords));
            }
        }
        return sentences;
    }
}
