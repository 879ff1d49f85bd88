package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown is read as a reader sees it: markup out, headings and list items on their own lines. */
class MarkdownTextTest {

    @Test
    void headingsEmphasisLinksAndQuotesLoseTheirMarkup() {
        ExtractedDocument document = MarkdownText.read("""
                # Minnesanteckningar

                Vi talade om **fast vårdkontakt** och *kontinuitet*, se [rapporten](https://example.org/r.pdf).

                > Ett citat från brukarrådet.

                Setext-rubrik
                =============
                """, "text/markdown");

        assertThat(document.text())
                .contains("Minnesanteckningar\n")
                .contains("Vi talade om fast vårdkontakt och kontinuitet, se rapporten.")
                .contains("Ett citat från brukarrådet.")
                .contains("Setext-rubrik")
                .doesNotContain("#").doesNotContain("**").doesNotContain("](").doesNotContain("> ").doesNotContain("===");
        assertThat(document.hasPages()).isFalse();
        assertThat(document.isSlideDeck()).isFalse();
    }

    @Test
    void listItemsKeepTheirLinesAndUnderscoresInsideWordsStay() {
        ExtractedDocument document = MarkdownText.read("""
                ## Beslut

                - Nästa workshop hålls i april.
                - Filen heter plan_2024_v2.docx
                1. Erik sammanställer synpunkterna.
                """, "text/markdown");

        assertThat(document.text()).contains("Beslut\n\n- Nästa workshop hålls i april.\n- Filen heter plan_2024_v2.docx\n1. Erik");
    }

    @Test
    void sectionsSeparatedByThematicBreaksAreSlidesAndFrontMatterIsDropped() {
        ExtractedDocument document = MarkdownText.read("""
                ---
                title: Lärdagar
                ---
                # Lärdagar om nära vård

                ---

                ## Dagens upplägg

                - Fem lärdomar

                ---

                ## Lärdom 1

                Personcentrering börjar med en fråga.
                """, "text/markdown");

        assertThat(document.pages()).containsExactly("Lärdagar om nära vård", "Dagens upplägg\n\n- Fem lärdomar",
                "Lärdom 1\n\nPersoncentrering börjar med en fråga.");
        assertThat(document.text()).doesNotContain("---").doesNotContain("title:");
        assertThat(document.isSlideDeck()).isTrue();
    }

    @Test
    void codeFencesKeepTheirContentVerbatim() {
        ExtractedDocument document = MarkdownText.read("Text före.\n\n```\n**inte fet**\n```\n", "text/markdown");

        assertThat(document.text()).contains("**inte fet**").doesNotContain("```");
    }
}
