package org.lararena.ingest.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.ingest.repair.RepairEdit.Kind;

/**
 * Repairs extracted text; see the package documentation for what is repaired. Thread-safe and stateless:
 * one instance serves the whole application.
 */
public final class TextRepairer {

    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private final Vocabulary vocabulary;

    /** A repairer with the {@link Vocabulary#standard() standard vocabulary}. */
    public TextRepairer() {
        this(Vocabulary.standard());
    }

    public TextRepairer(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary);
    }

    /**
     * Repairs text as extracted, rejoining lines that extraction wrapped.
     *
     * @param extractedText the text, with pages separated by form feeds ({@code \f}) when it has pages
     */
    public RepairedText repair(String extractedText) {
        return repair(extractedText, LineHandling.REJOIN_WRAPPED);
    }

    /**
     * Repairs text as extracted.
     *
     * @param extractedText the text, with pages separated by form feeds ({@code \f}) when it has pages
     * @param lines         whether wrapped lines are rejoined, or every line is kept (slides)
     */
    public RepairedText repair(String extractedText, LineHandling lines) {
        Objects.requireNonNull(extractedText);
        Objects.requireNonNull(lines);
        List<RepairEdit> edits = new ArrayList<>();
        CharacterNormaliser characters = new CharacterNormaliser();
        String normalised = characters.normalise(extractedText);
        edits.addAll(characters.edits());

        // Like pdftotext, some extractors end every page with a form feed: the last one starts no page.
        String[] pageTexts = normalised.replaceFirst("\f[ \n]*$", "").split("\f", -1);
        boolean paged = pageTexts.length > 1;
        List<List<String>> pages = new ArrayList<>();
        for (String pageText : pageTexts) {
            pages.add(pageText.lines().map(String::strip).toList());
        }
        RunningHeaders.Result headers = new RunningHeaders().remove(pages);
        edits.addAll(headers.edits());

        List<Reflow.Line> pageLines = new ArrayList<>();
        // The word list with the document's own words, made once and only for a document that needs it.
        Supplier<Vocabulary> documentWords = new Supplier<>() {
            private Vocabulary words;

            @Override
            public Vocabulary get() {
                if (words == null) {
                    words = vocabulary.withWords(wordsOutsideLetterSpacing(headers.pages()));
                }
                return words;
            }
        };
        LetterSpacing letterSpacing = null;
        OcrPipes ocrPipes = null;
        for (int p = 0; p < headers.pages().size(); p++) {
            int blanks = 0;
            List<String> page = headers.pages().get(p);
            boolean[] letterSpaced = LetterSpacing.letterSpacedLines(page);
            for (int l = 0; l < page.size(); l++) {
                String line = page.get(l);
                if (line.isEmpty()) {
                    blanks++;
                    continue;
                }
                String text = line;
                if (letterSpaced[l]) {
                    if (letterSpacing == null) {
                        letterSpacing = new LetterSpacing(documentWords.get());
                    }
                    text = letterSpacing.rejoin(line, true);
                    edits.add(new RepairEdit(Kind.LETTER_SPACING_REJOINED, p + 1, line, text, 1));
                }
                if (OcrPipes.mayContainBars(text)) {
                    if (ocrPipes == null) {
                        ocrPipes = new OcrPipes(documentWords.get());
                    }
                    String repaired = ocrPipes.repair(text);
                    if (!repaired.equals(text)) {
                        edits.add(new RepairEdit(Kind.OCR_BARS_REPAIRED, p + 1, text, repaired, 1));
                        text = repaired;
                    }
                }
                pageLines.add(new Reflow.Line(text.indexOf("  ") < 0 ? text : SPACES.matcher(text).replaceAll(" "), p, blanks));
                blanks = 0;
            }
        }
        Reflow.Result reflowed = new Reflow(lines).reflow(pageLines, headers.pages().size());
        edits.addAll(reflowed.edits());
        return new RepairedText(reflowed.text(), extractedText,
                paged ? reflowed.pageStarts() : List.of(),
                paged ? RunningHeaders.pageNumbers(headers.printedNumbers()) : List.of(),
                edits);
    }

    /** The document's own words, counted, from the lines that are not letter-spaced. */
    private static Map<String, Integer> wordsOutsideLetterSpacing(List<List<String>> pages) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> page : pages) {
            boolean[] letterSpaced = LetterSpacing.letterSpacedLines(page);
            for (int l = 0; l < page.size(); l++) {
                if (letterSpaced[l]) {
                    continue;
                }
                Matcher word = WORD.matcher(page.get(l));
                while (word.find()) {
                    counts.merge(word.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
