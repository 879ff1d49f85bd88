package org.lararena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a source's text falls into passages, and positions counted in code points. */
class SourceTextTest {

    @Test
    void anotherToolsTextIsCutAtBlankLinesWithoutTheWhiteSpaceAround() {
        SourceText text = SourceText.split("  Första stycket\r\nsom fortsätter.\r\n \r\n\r\n😀 Andra stycket.\n");

        assertThat(text.passages()).extracting(SourceText.Span::text).containsExactly("Första stycket\r\nsom fortsätter.", "😀 Andra stycket.");
        SourceText.Span second = text.passages().get(1);
        assertThat(text.slice(second.startCodePoint(), second.endCodePoint())).isEqualTo("😀 Andra stycket.");
    }

    @Test
    void aTextWithoutBlankLinesIsCutAtEveryLineBreak() {
        assertThat(SourceText.split("A: Hej.\nB: Hej själv.\n").passages()).extracting(SourceText.Span::text)
                .containsExactly("A: Hej.", "B: Hej själv.");
    }

    @Test
    void passagesLararenaWroteComeBackExactlyEvenWithABlankLineInside() {
        List<String> passages = List.of("Ett kort stycke.\n\nEtt till i samma passage.", "𝄞 Nästa passage.");
        SourceText written = SourceText.joined(passages);

        SourceText read = SourceText.splitAtPassageBreaks(written.text());

        assertThat(read.passages()).isEqualTo(written.passages());
        assertThat(read.passages()).extracting(SourceText.Span::text).isEqualTo(passages);
    }

    @Test
    void positionsCountingCrlfAsOneCharacterAreTurnedIntoCodePoints() {
        SourceText text = SourceText.split("ab\r\n😀c");
        // "c" is at 4 when CRLF counts one (a b CRLF 😀), at 5 in code points
        assertThat(text.fromCrlfAsOne(4)).isEqualTo(5);
        assertThat(text.slice(text.fromCrlfAsOne(4), text.fromCrlfAsOne(5))).isEqualTo("c");
    }
}
