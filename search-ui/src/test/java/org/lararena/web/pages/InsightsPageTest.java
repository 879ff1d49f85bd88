package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsightsPageTest {

    @Test
    void pastedPassagesMayBeIdsOrLinksOnLinesOrSeparatedByCommas() {
        assertThat(InsightsPage.passageIds("abc-1\n  http://127.0.0.1:8080/dokument/abc#abc-2 , abc-3;abc-1\n\n/dokument/x#"))
                .containsExactly("abc-1", "abc-2", "abc-3");
        assertThat(InsightsPage.passageIds(DocumentPage.passageHref("abc", "abc-612"))).as("a link to a passage in a later part")
                .containsExactly("abc-612");
        assertThat(InsightsPage.passageIds(null)).isEmpty();
    }
}
