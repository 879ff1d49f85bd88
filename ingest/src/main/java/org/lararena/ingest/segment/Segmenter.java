package org.lararena.ingest.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.segment.TextSpans.Span;

/**
 * Splits repaired text into passages of about {@link #DEFAULT_MIN_WORDS}–{@link #DEFAULT_MAX_WORDS} words;
 * see the package documentation. Stateless and thread-safe.
 */
public final class Segmenter {

    /** Paragraphs shorter than this are merged with the next one on the same page. */
    public static final int DEFAULT_MIN_WORDS = 40;
    /** Longer paragraphs and turns are split at sentence boundaries. */
    public static final int DEFAULT_MAX_WORDS = 250;
    /** A block of at most this many words on one line, without a full stop, is a heading. */
    private static final int HEADING_MAX_WORDS = 12;

    private final int minWords;
    private final int maxWords;

    public Segmenter() {
        this(DEFAULT_MIN_WORDS, DEFAULT_MAX_WORDS);
    }

    public Segmenter(int minWords, int maxWords) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords, got " + minWords + " and " + maxWords);
        }
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    public List<Passage> segment(RepairedText document, Layout layout) {
        return segment(document, layout, Set.of());
    }

    /**
     * @param knownSpeakers speakers the caller already knows (WebVTT voices), recognised even when they speak once
     * @param layout        {@link Layout#TRANSCRIPT} when the text is known to be an interview or transcript: then a label
     *                      at the start of a line names a speaker even when it is the only one, and never stays in a passage
     */
    public List<Passage> segment(RepairedText document, Layout layout, Set<String> knownSpeakers) {
        Objects.requireNonNull(document);
        Objects.requireNonNull(layout);
        String text = document.text();
        List<Span> blocks = TextSpans.blocks(text, 0, text.length());
        List<Integer> lineStarts = lineStarts(text);
        SpeakerLabels speakers = SpeakerLabels.find(text, lineStarts, knownSpeakers, layout == Layout.TRANSCRIPT);
        Layout chosen = switch (layout) {
            case AUTO -> speakers.isTranscript(text, blocks.stream().map(Span::start).toList()) ? Layout.TRANSCRIPT : Layout.PROSE;
            case SLIDES -> document.paged() ? Layout.SLIDES : Layout.PROSE;
            // An interview without a single label (a summary of one) is read as paragraphs.
            case TRANSCRIPT -> speakers.none() ? Layout.PROSE : Layout.TRANSCRIPT;
            default -> layout;
        };
        List<Piece> pieces = switch (chosen) {
            case TRANSCRIPT -> turns(text, blocks, speakers);
            case SLIDES -> slides(document);
            case ROWS -> rows(document);
            default -> paragraphs(document, blocks);
        };
        List<Passage> passages = new ArrayList<>();
        for (Piece piece : pieces) {
            passages.add(new Passage(passages.size(), document.pageAt(piece.span().start()), piece.speaker(),
                    text.substring(piece.span().start(), piece.span().end()), piece.span().start(), piece.span().end()));
        }
        return passages;
    }

    /** A passage before numbering: its span and speaker. */
    private record Piece(Span span, String speaker) {
    }

    private List<Piece> turns(String text, List<Span> blocks, SpeakerLabels speakers) {
        List<Piece> pieces = new ArrayList<>();
        String speaker = null;
        int turnStart = -1;
        int turnEnd = -1;
        for (Span block : splitAtLabelledLines(text, blocks, speakers)) {
            SpeakerLabels.Label label = speakers.at(text, block.start());
            if (label == null && turnStart >= 0 && !speakers.fieldAt(text, block.start())) {
                // A turn goes on over blank lines until the next label, or a field of the notes ("Beslut: ...").
                turnEnd = block.end();
                continue;
            }
            if (turnStart >= 0) {
                addSplit(text, new Span(turnStart, turnEnd), speaker, pieces);
            }
            speaker = label == null ? null : label.speaker();
            turnStart = label == null ? block.start() : label.contentStart();
            turnEnd = block.end();
            if (label == null) {
                // Text before the first label (a title) or a field of the notes stands alone.
                addSplit(text, block, null, pieces);
                turnStart = -1;
            }
        }
        if (turnStart >= 0) {
            addSplit(text, new Span(turnStart, turnEnd), speaker, pieces);
        }
        return pieces;
    }

    /** Blocks, cut again where a line inside one starts with a speaker label (unrepaired text). */
    private static List<Span> splitAtLabelledLines(String text, List<Span> blocks, SpeakerLabels speakers) {
        List<Span> split = new ArrayList<>();
        for (Span block : blocks) {
            int start = block.start();
            for (int i = text.indexOf('\n', block.start()); i >= 0 && i < block.end(); i = text.indexOf('\n', i + 1)) {
                if (speakers.at(text, i + 1) != null) {
                    split.add(new Span(start, trimEnd(text, start, i)));
                    start = i + 1;
                }
            }
            split.add(new Span(start, block.end()));
        }
        return split;
    }

    private List<Piece> slides(RepairedText document) {
        String text = document.text();
        List<Piece> pieces = new ArrayList<>();
        List<Integer> starts = document.pageStarts();
        for (int p = 0; p < starts.size(); p++) {
            int end = p + 1 < starts.size() ? starts.get(p + 1) : text.length();
            List<Span> blocks = TextSpans.blocks(text, starts.get(p), end);
            if (blocks.isEmpty()) {
                continue;
            }
            Span slide = new Span(blocks.get(0).start(), blocks.get(blocks.size() - 1).end());
            if (TextSpans.words(text, slide) <= maxWords) {
                pieces.add(new Piece(slide, null));
            } else {
                pieces.addAll(paragraphs(document, blocks));
            }
        }
        return pieces;
    }

    private List<Piece> rows(RepairedText document) {
        String text = document.text();
        List<Piece> pieces = new ArrayList<>();
        List<Integer> starts = document.paged() ? document.pageStarts() : List.of(0);
        for (int p = 0; p < starts.size(); p++) {
            int end = p + 1 < starts.size() ? starts.get(p + 1) : text.length();
            List<Span> blocks = TextSpans.blocks(text, starts.get(p), end);
            for (int b = 1; b < blocks.size(); b++) {
                // The sheet's name (its first block) goes with its first row.
                Span row = b == 1 ? new Span(blocks.get(0).start(), blocks.get(1).end()) : blocks.get(b);
                addSplit(text, row, null, pieces);
            }
        }
        return pieces;
    }

    private List<Piece> paragraphs(RepairedText document, List<Span> blocks) {
        String text = document.text();
        List<Piece> pieces = new ArrayList<>();
        Span current = null;
        boolean currentEndsInHeading = false;
        for (Span block : blocks) {
            boolean heading = isHeading(text, block);
            if (current != null) {
                boolean samePage = Objects.equals(document.pageAt(current.start()), document.pageAt(block.start()));
                boolean small = currentEndsInHeading || TextSpans.words(text, current) < minWords;
                boolean fits = TextSpans.words(text, current) + TextSpans.words(text, block) <= maxWords;
                if (samePage && small && fits && (!heading || currentEndsInHeading)) {
                    current = new Span(current.start(), block.end());
                    currentEndsInHeading = heading;
                    continue;
                }
                addSplit(text, current, null, pieces);
            }
            current = block;
            currentEndsInHeading = heading;
        }
        if (current != null) {
            addSplit(text, current, null, pieces);
        }
        return pieces;
    }

    /** Adds a span as one piece, or as several cut at sentence boundaries when it has too many words. */
    private void addSplit(String text, Span span, String speaker, List<Piece> pieces) {
        int total = TextSpans.words(text, span);
        if (total <= maxWords) {
            pieces.add(new Piece(span, speaker));
            return;
        }
        List<Span> units = new ArrayList<>();
        for (Span sentence : TextSpans.sentences(text, span)) {
            units.addAll(TextSpans.words(text, sentence) > maxWords ? TextSpans.byWords(text, sentence, maxWords) : List.of(sentence));
        }
        // Even parts: a 300-word turn becomes two of about 150, not 250 and 50.
        int parts = (total + maxWords - 1) / maxWords;
        int target = (total + parts - 1) / parts;
        Span chunk = null;
        int chunkWords = 0;
        for (Span unit : units) {
            int unitWords = TextSpans.words(text, unit);
            if (chunk != null && (chunkWords >= target || chunkWords + unitWords > maxWords)) {
                pieces.add(new Piece(chunk, speaker));
                chunk = null;
                chunkWords = 0;
            }
            chunk = chunk == null ? unit : new Span(chunk.start(), unit.end());
            chunkWords += unitWords;
        }
        if (chunk != null) {
            pieces.add(new Piece(chunk, speaker));
        }
    }

    private static boolean isHeading(String text, Span block) {
        String content = text.substring(block.start(), block.end());
        return content.indexOf('\n') < 0 && TextSpans.words(text, block) <= HEADING_MAX_WORDS
                && !content.matches("(?s).*[.!?…:;,]['\")\\]]*$");
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
