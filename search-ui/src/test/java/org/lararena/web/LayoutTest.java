package org.lararena.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void sokAndAnalysHandEachOtherTheSearchWithoutItsPageOrLanguage() {
        assertThat(Layout.currentSearch("/sok?q=samverkan&theme=x%3Ay&page=2&lang=en")).isEqualTo("?q=samverkan&theme=x%3Ay");
        assertThat(Layout.currentSearch("/analys?q=kontinuitet&pilot=V%C3%A4rmland")).isEqualTo("?q=kontinuitet&pilot=V%C3%A4rmland");
        assertThat(Layout.currentSearch("/sok?page=3")).as("only paging: no search to hand on").isEmpty();
    }

    @Test
    void otherPagesHandOnNoSearch() {
        assertThat(Layout.currentSearch("/dokument?q=workshop")).isEmpty();
        assertThat(Layout.currentSearch("/sok")).isEmpty();
        assertThat(Layout.currentSearch(null)).isEmpty();
    }
}
