package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.MultiMap;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.lararena.platform.web.Caller;

/** Which themes a search filters and counts on: only reviewed ones for pilots and attendees unless they ask for suggestions. */
class ThemeFieldTest {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
    private static final Caller ATTENDEE = new Caller("deltagare", Set.of(Caller.ATTENDEE), Optional.empty());
    private static final String THEME = "https://lararena.se/ontologi/samverkan";

    @AutoClose
    private static final ElasticsearchClient client = RequestsOnly.client();

    private static String sent(Caller caller, String... pairs) {
        MultiMap params = MultiMap.caseInsensitiveMultiMap().add("q", "samverkan").add("theme", THEME);
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return new PassageSearch(client, "lararena-passages", iri -> iri).elasticsearchRequest(SearchRequest.fromParams(params), caller).toString();
    }

    @Test
    void pilotsAndAttendeesFilterAndCountOnReviewedThemesByDefault() {
        for (Caller caller : new Caller[] {PILOT, ATTENDEE, Caller.ANONYMOUS}) {
            String request = sent(caller);
            assertThat(request).as(caller.username()).contains("\"reviewedThemes\":[\"" + THEME + "\"]")
                    .contains("\"field\":\"reviewedThemes\"").doesNotContain("\"field\":\"themes\"").doesNotContain("\"themes\":[");
        }
    }

    @Test
    void researchersFilterOnAllThemesByDefaultAndEveryoneAsTheyAsk() {
        assertThat(sent(RESEARCHER)).contains("\"themes\":[\"" + THEME + "\"]").contains("\"field\":\"themes\"")
                .doesNotContain("\"reviewedThemes\":[").doesNotContain("\"field\":\"reviewedThemes\"");
        assertThat(sent(PILOT, "suggestions", "true")).contains("\"themes\":[\"" + THEME + "\"]")
                .doesNotContain("\"reviewedThemes\":[").doesNotContain("\"field\":\"reviewedThemes\"");
        assertThat(sent(RESEARCHER, "suggestions", "false")).contains("\"reviewedThemes\":[\"" + THEME + "\"]").doesNotContain("\"field\":\"themes\"");
    }

    @Test
    void theAnswerCacheKeysOnWhetherSuggestionsCount() {
        SearchRequest asked = SearchRequest.fromParams(MultiMap.caseInsensitiveMultiMap().add("q", "samverkan"));
        assertThat(SearchAnswerCache.Key.of(asked, PILOT)).isNotEqualTo(SearchAnswerCache.Key.of(asked.withSuggestions(true), PILOT))
                .isEqualTo(SearchAnswerCache.Key.of(asked.withSuggestions(false), PILOT));
        assertThat(SearchAnswerCache.Key.of(asked, RESEARCHER)).isEqualTo(SearchAnswerCache.Key.of(asked.withSuggestions(true), RESEARCHER));
    }
}
