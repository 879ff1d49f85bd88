package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

class SearchRequestTest {

    private static SearchRequest parse(String... pairs) {
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return SearchRequest.fromParams(params);
    }

    @Test
    void wordsPhrasesExclusionAndOrBecomeTheSimpleQuerySyntax() {
        assertThat(parse("q", "\"fast läkarkontakt\" -hyrläkare vårdcentral OR hälsocentral").simpleQueryString())
                .isEqualTo("\"fast läkarkontakt\" -hyrläkare vårdcentral | hälsocentral");
    }

    @Test
    void luceneSyntaxIsTakenAsPlainWords() {
        assertThat(parse("q", "title:samverkan^5 vård* kontinuitet~2 (a OR b)").simpleQueryString())
                .isEqualTo("title samverkan 5 vård  kontinuitet 2  a | b");
    }

    @Test
    void anUnbalancedQuoteClosesAtTheEnd() {
        assertThat(parse("q", "\"samverkan mellan").simpleQueryString()).isEqualTo("\"samverkan mellan\"");
    }

    @Test
    void aQueryOfOnlyOperatorsHasNoText() {
        assertThat(parse("q", " * ~ \" ").hasText()).isFalse();
        assertThat(parse().hasText()).isFalse();
    }

    @Test
    void aVeryLongQueryIsCutNotRefused() {
        assertThat(parse("q", "vård ".repeat(2000)).text()).hasSizeLessThanOrEqualTo(SearchRequest.MAX_QUERY_CHARS);
    }

    @Test
    void facetValuesCombineFromRepeatedAndCommaSeparatedParameters() {
        SearchRequest request = parse("pilot", "Värmland,Örebro", "pilot", "Västernorrland", "year", "2021", "theme", "https://w3id.org/lararena/tema/samverkan");

        assertThat(request.pilots()).containsExactly("Värmland", "Örebro", "Västernorrland");
        assertThat(request.years()).containsExactly(2021);
        assertThat(request.themes()).hasSize(1);
    }

    @Test
    void invalidParametersAreA400NamingTheParameter() {
        assertThatThrownBy(() -> parse("page", "-1")).isInstanceOf(LararenaException.class).hasMessageContaining("page")
                .satisfies(e -> assertThat(((LararenaException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> parse("size", "100000")).hasMessageContaining("size").hasMessageContaining("100");
        assertThatThrownBy(() -> parse("size", "tio")).hasMessageContaining("size");
        assertThatThrownBy(() -> parse("year", "tjugo")).hasMessageContaining("year");
        assertThatThrownBy(() -> parse("sort", "random")).hasMessageContaining("sort");
        assertThatThrownBy(() -> parse("page", "200", "size", "100")).hasMessageContaining("after");
        assertThatThrownBy(() -> parse("after", "not-a-cursor!")).hasMessageContaining("after");
        assertThatThrownBy(() -> parse("bothKeywords", "ja")).hasMessageContaining("bothKeywords must be true or false");
    }

    @Test
    void aCursorRoundTrips() {
        String cursor = SearchRequest.encodeCursor(List.of(1662940800000L, "doc-7"));

        assertThat(SearchRequest.decodeCursor(cursor)).containsExactly(1662940800000L, "doc-7");
    }

    @Test
    void suggestionsCountForResearchersUnlessTheySayNoAndForOthersOnlyWhenTheyAsk() {
        Caller researcher = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
        Caller pilot = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
        assertThat(parse("q", "x").includesSuggestions(researcher)).isTrue();
        assertThat(parse("q", "x").includesSuggestions(pilot)).isFalse();
        assertThat(parse("q", "x").includesSuggestions(Caller.ANONYMOUS)).isFalse();
        assertThat(parse("suggestions", "true").includesSuggestions(pilot)).isTrue();
        assertThat(parse("suggestions", "false").includesSuggestions(researcher)).isFalse();
        // The Sök page's switch: a hidden false, and true after it when ticked.
        assertThat(parse("suggestions", "false", "suggestions", "true").includesSuggestions(pilot)).isTrue();
        assertThatThrownBy(() -> parse("suggestions", "kanske")).isInstanceOf(LararenaException.class)
                .hasMessageContaining("suggestions must be true or false");
    }
}
