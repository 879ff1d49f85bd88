package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void exclusionsAreSeparatedFromWhatToFind() {
        QueryText text = QueryText.of(SearchRequest.of("\"fast läkarkontakt\" -beslut -\"hyrläkare i norr\" vårdcentral"));

        assertThat(text.positive()).containsExactly("\"fast läkarkontakt\"", "vårdcentral");
        assertThat(text.negative()).containsExactly("beslut", "\"hyrläkare i norr\"");
        assertThat(text.explicitOr()).isFalse();
        assertThat(text.wanted()).isEqualTo("fast läkarkontakt vårdcentral");
    }

    @Test
    void anExplicitOrIsNoticed() {
        assertThat(QueryText.of(SearchRequest.of("hyrläkare OR väntetider")).explicitOr()).isTrue();
        assertThat(QueryText.of(SearchRequest.of("hyrläkare | väntetider")).explicitOr()).isFalse();
    }

    @Test
    void aLoneDashOrEmptyPhraseIsNothing() {
        QueryText text = QueryText.of(SearchRequest.of("- \"\" samverkan"));

        assertThat(text.positive()).containsExactly("samverkan");
        assertThat(text.negative()).isEmpty();
        assertThat(QueryText.of(SearchRequest.of("- \"\"")).hasText()).isFalse();
    }

    @Test
    void aQuestionIsReadAsOneAndTheRequestSaysWhetherOnlyBothKeywordsAreKept() {
        assertThat(QueryText.of(SearchRequest.of("Hur har andra piloter löst fast vårdkontakt")).question()).isTrue();
        assertThat(QueryText.of(SearchRequest.of("fast vårdkontakt")).question()).isFalse();
        assertThat(QueryText.of(SearchRequest.of("samverkan kommunen")).bothKeywords()).isFalse();
        assertThat(QueryText.of(SearchRequest.fromParams(MultiMap.caseInsensitiveMultiMap()
                .add("q", "samverkan kommunen").add("bothKeywords", "true"))).bothKeywords()).isTrue();
    }
}
