package org.lararena.ontology.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lararena.analysis.SwedishFolding;

/** Folding, tokenizing and light suffix stripping for Swedish text. */
public final class SwedishText {

    /** A stripped stem must keep at least this many chars, so "möten" never becomes "mot". */
    public static final int MIN_STEM = 4;

    /**
     * A dictionary word is filed under a stripped form only if that keeps at least this many chars: "droger" must
     * not be filed under "drog" (pulled), "kostar" not under "kost" (diet). Short words list their forms as labels.
     */
    public static final int MIN_DICTIONARY_STEM = 5;

    /**
     * Inflectional endings stripped to find candidate stems, longest first: definite and plural forms of nouns
     * (-en, -et, -na, -erna, -arna, -orna, -ens ...), verb forms (-ar, -ade, -at) and adjective forms (-a, -t).
     */
    private static final String[] ENDINGS = {
        "arnas", "ernas", "ornas", "andes", "arna", "erna", "orna", "ande", "ades", "aren", "erns", "ens", "ets",
        "nas", "ars", "ers", "ors", "ade", "are", "ast", "ats", "an", "en", "et", "na", "ar", "er", "or", "as",
        "es", "at", "ad", "a", "e", "s", "t"
    };

    /** An opening label is short: "Intervju, verksamhetschef" is 25 characters. */
    public static final int OPENING_LABEL_MAX = 40;

    private SwedishText() {}

    /**
     * Where the label that opens a passage ends ("Intervju, enhetschef:", "Patient:", "Bild 4:"): the first colon
     * within the first {@value #OPENING_LABEL_MAX} characters of the first line with no sentence ending before it; 0
     * without one.
     */
    public static int openingLabelEnd(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon > OPENING_LABEL_MAX) {
            return 0;
        }
        String label = text.substring(0, colon);
        return label.chars().anyMatch(c -> c == '.' || c == '!' || c == '?' || c == '\n') ? 0 : colon;
    }

    /**
     * Where the opening label ends when it names the passage's form and then who speaks, after a comma ("Intervju,
     * enhetschef:", "Fokusgrupp, undersköterskor:"); 0 for any other opening, such as a heading ("Samverkan:") or a
     * form alone ("Rapport:").
     */
    public static int speakerLabelEnd(String text) {
        int end = openingLabelEnd(text);
        return end > 0 && text.substring(0, end).indexOf(',') > 0 ? end : 0;
    }

    /**
     * Lower case without diacritics; one char out per char in, so offsets survive. Letters fold as the search
     * analysis folds them ({@link SwedishFolding}, shared with the Elasticsearch plugin), so a word the annotator,
     * the type-ahead or the suggestions fold is the word the index holds. Besides, OCR's {@code |} reads as
     * {@code l} and every dash as {@code -}, for the tokenizer's hyphen joins.
     */
    public static char fold(char c) {
        return switch (c) {
            case '|' -> 'l';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u00AD' -> '-';
            default -> Character.toLowerCase(SwedishFolding.fold(c));
        };
    }

    /** {@link #fold(char)} over a string, dropping combining marks (decomposed å, ä, ö). */
    public static String fold(String text) {
        StringBuilder builder = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                builder.append(fold(c));
            }
        }
        return builder.toString();
    }

    private static boolean isWordChar(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            return true;
        }
        // OCR's | for l or i counts when it touches a letter: "ti||gänglighet", "|ärande".
        return c == '|' && ((i > 0 && Character.isLetter(text.charAt(i - 1)))
                || (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))));
    }

    /** Splits a text into words with their offsets, marking hyphen joins and sentence boundaries. */
    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int previousEnd = -1;
        while (i < text.length()) {
            if (!isWordChar(text, i)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder folded = new StringBuilder();
            boolean pipe = false;
            while (i < text.length() && isWordChar(text, i)) {
                char c = text.charAt(i);
                pipe |= c == '|';
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    folded.append(fold(c));
                }
                i++;
            }
            String gap = previousEnd < 0 ? "" : text.substring(previousEnd, start);
            tokens.add(new Token(folded.toString(), start, i, previousEnd >= 0 && isHyphenJoin(gap),
                    previousEnd >= 0 && isBreak(gap), pipe));
            previousEnd = i;
        }
        return tokens;
    }

    private static boolean isHyphenJoin(String gap) {
        String trimmed = gap.replace("\r", "");
        if (trimmed.length() == 1) {
            return fold(trimmed.charAt(0)) == '-';
        }
        // A word hyphenated at a line end: "-\n" possibly followed by indentation.
        return trimmed.length() >= 2 && fold(trimmed.charAt(0)) == '-' && trimmed.charAt(1) == '\n'
                && trimmed.substring(2).isBlank();
    }

    private static boolean isBreak(String gap) {
        for (int i = 0; i < gap.length(); i++) {
            char c = gap.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '•' || c == '(' || c == ')') {
                return true;
            }
        }
        return gap.contains("\n\n") || gap.contains("\n-") || gap.contains("\n*");
    }

    /**
     * Candidate stems of a folded text word: the word itself and the word with one or two inflectional endings
     * removed, never shorter than {@link #MIN_STEM}. "vardcentralerna" gives vardcentral (−erna); "kontinuiteten"
     * gives kontinuitet and kontinuit (−en −et).
     */
    public static Set<String> candidateStems(String word) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(word);
        for (String first : strip(word)) {
            candidates.add(first);
            candidates.addAll(strip(first));
        }
        return candidates;
    }

    /**
     * The forms a dictionary word is filed under: the word itself and the word with one ending removed, at least
     * {@link #MIN_DICTIONARY_STEM} chars long ("samordna" gives samordn and samord). A text word matches a dictionary word when one of its {@linkplain
     * #candidateStems candidate stems} is one of these forms ("samordnar" − ar = samordn).
     */
    public static Set<String> dictionaryForms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        for (String form : strip(word)) {
            if (form.length() >= MIN_DICTIONARY_STEM) {
                forms.add(form);
            }
        }
        return forms;
    }

    private static List<String> strip(String word) {
        List<String> stripped = new ArrayList<>(2);
        for (String ending : ENDINGS) {
            if (word.length() - ending.length() >= MIN_STEM && word.endsWith(ending)) {
                stripped.add(word.substring(0, word.length() - ending.length()));
            }
        }
        return stripped;
    }

    /** Converts a Java char offset in {@code text} to a Unicode code point offset (for clients counting those). */
    public static int codePointOffset(String text, int charOffset) {
        if (charOffset < 0 || charOffset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + charOffset + " outside 0.." + text.length());
        }
        return text.codePointCount(0, charOffset);
    }
}
