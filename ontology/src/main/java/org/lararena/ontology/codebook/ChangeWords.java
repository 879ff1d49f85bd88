package org.lararena.ontology.codebook;

import java.util.List;
import java.util.Objects;

/**
 * What the change log says of a change, in Swedish and in English: stored as its {@code dcterms:description} in both
 * languages ({@code @sv}, {@code @en}), so each reader reads the log in theirs without the words being parsed back.
 * Concepts are named by their labels in that language, quoted as the language quotes.
 */
public record ChangeWords(String swedish, String english) {

    public ChangeWords {
        Objects.requireNonNull(swedish);
        Objects.requireNonNull(english);
    }

    /** {@code text} in Swedish quotation marks: ”…”. */
    public static String quotedSv(String text) {
        return "\u201d" + text + "\u201d";
    }

    /** {@code words} as a Swedish list: "färg", "synonymer och färg", "definition, synonymer och färg". */
    public static String listedSv(List<String> words) {
        return words.size() < 2 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " och " + words.getLast();
    }

    /** {@code text} in English quotation marks: “…”. */
    public static String quotedEn(String text) {
        return "\u201c" + text + "\u201d";
    }
}
