package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lararena.search.FreshPassageIndex.hitIds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.stream.Collectors;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/** Search behaviour against a real Elasticsearch index of a few passages written for the test. */
class PassageSearchIT {

    private static final String SAMVERKAN = "https://w3id.org/lararena/tema/samverkan";
    private static final String KONTINUITET = "https://w3id.org/lararena/tema/kontinuitet";
    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
    private static final Caller ATTENDEE = new Caller("deltagare", Set.of(Caller.ATTENDEE), Optional.empty());

    private static FreshPassageIndex fresh;
    private static ElasticsearchClient client;
    private static PassageSearch search;
    private static PassageSearch withThemes;
    private static PassageIndexer indexer;

    @BeforeAll
    static void indexPassages() {
        fresh = FreshPassageIndex.create("search-it");
        client = fresh.client();
        PassageIndex index = fresh.index();
        indexer = fresh.indexer();
        indexer.replaceDocument("rapport-v", List.of(
                passage("rapport-v", 0, "Samverkan mellan kommun och region kring utskrivningsklara patienter.", "public", "Värmland", "2021-03-01", SAMVERKAN),
                passage("rapport-v", 1, "Vårdcentralen ordnade fast läkarkontakt för de äldre.", "public", "Värmland", "2021-03-01", KONTINUITET),
                passage("rapport-v", 2, "Hyrläkare gav ingen kontinuitet och patienterna bollades runt.", "public", "Värmland", "2021-03-01", KONTINUITET),
                passage("rapport-v", 3, "Uppföljningen visade kortare väntetider.", "public", "Värmland", "2021-03-01")));
        indexer.replaceDocument("anteckning-o", List.of(
                passage("anteckning-o", 0, "Samverkan i samverkansforum med socialtjänsten fungerade bättre.", "pilot", "Örebro", "2022-09-12", SAMVERKAN),
                passage("anteckning-o", 1, "Beslut: fast läkarkontakt prövas på två vårdcentraler.", "pilot", "Örebro", "2022-09-12", KONTINUITET)));
        indexer.replaceDocument("intervju-x", List.of(
                passage("intervju-x", 0, "Jag minns kvistgrodan på väggen när samverkan började.", "restricted", "Västernorrland", "2023-01-20", SAMVERKAN)));
        indexer.replaceDocument("svenska", List.of(
                passage("svenska", 0, "Samsjuklighetsutredningen lämnade sitt betänkande i fjol.", "public", "Örebro", "2021-06-01"),
                passage("svenska", 1, "Köerna till vårdcentralerna växte under hösten.", "public", "Örebro", "2021-06-01"),
                passage("svenska", 2, "Tillganglighet och vardens kontinuitet ar svar att na i glesbygd.", "public", "Örebro", "2021-06-01")));
        search = new PassageSearch(client, index.alias(), iri -> iri.substring(iri.lastIndexOf('/') + 1));
        PassageAnnotator annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
        withThemes = new PassageSearch(client, index.alias(), iri -> iri, text -> annotator.annotate(text).stream()
                .map(Suggestion::conceptIri).collect(Collectors.toSet()), true);
    }

    @AfterAll
    static void close() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    private static JsonObject passage(String documentId, int ordinal, String text, String visibility, String pilot, String date, String... themes) {
        return new JsonObject().put("passageId", PassageIndexer.passageId(documentId, ordinal)).put("documentId", documentId)
                .put("title", documentId).put("ordinal", ordinal).put("text", text).put("visibility", visibility)
                .put("pilot", pilot).put("date", date).put("year", Integer.parseInt(date.substring(0, 4)))
                .put("type", documentId.startsWith("intervju") ? "intervju" : "rapport").put("themes", new JsonArray(List.of(themes)))
                .put("reviewedThemes", new JsonArray(List.of(themes)));
    }

    private static SearchRequest request(String text, List<String> themes, List<String> pilots) {
        return new SearchRequest(text, themes, pilots, List.of(), List.of(), List.of(), SearchRequest.Sort.RELEVANCE, 0, 10, Optional.empty(), Optional.empty(), false);
    }

    private static long facetCount(JsonObject result, String facet, String key) {
        for (Object bucket : result.getJsonObject("facets").getJsonArray(facet)) {
            JsonObject b = (JsonObject) bucket;
            if (key.equals(b.getString("value")) || key.equals(b.getString("iri"))) {
                return b.getLong("count");
            }
        }
        return 0;
    }

    @Test
    void aPassageInSeveralDocumentsIsOneHitThatNamesOnlyTheOtherDocumentsTheCallerMayRead() throws Exception {
        try (FreshPassageIndex copies = FreshPassageIndex.create("alike-it")) {
            String text = "Hemsjukvården och vårdcentralen delade journalen och planerade hembesöken tillsammans varje vecka under våren.";
            copies.indexer().replaceDocument("rapport-a", List.of(passage("rapport-a", 0, text, "public", "Värmland", "2024-01-10")));
            copies.indexer().replaceDocument("rapport-b", List.of(passage("rapport-b", 0, text, "public", "Örebro", "2024-02-10")));
            copies.indexer().replaceDocument("intervju-c", List.of(passage("intervju-c", 0, text, "restricted", "Västernorrland", "2024-03-10")));
            PassageSearch alike = new PassageSearch(copies.client(), copies.alias(), iri -> iri);
            String query = "journalen hembesöken";

            JsonObject forResearcher = alike.search(SearchRequest.of(query), RESEARCHER);
            assertThat(forResearcher.getLong("total")).as("passages counted, copies included").isEqualTo(3);
            assertThat(hitIds(forResearcher)).as("the three copies are one hit").hasSize(1);
            assertThat(documentsOfTheHitAndItsCopies(forResearcher)).containsExactlyInAnyOrder("rapport-a", "rapport-b", "intervju-c");
            assertThat(alike.searchAsync(SearchRequest.of(query), RESEARCHER).get().getJsonArray("hits"))
                    .as("the API's way, without holding a thread").isEqualTo(forResearcher.getJsonArray("hits"));

            JsonObject forPilot = alike.search(SearchRequest.of(query), PILOT);
            assertThat(hitIds(forPilot)).hasSize(1);
            assertThat(documentsOfTheHitAndItsCopies(forPilot)).as("never the interview").containsExactlyInAnyOrder("rapport-a", "rapport-b");

            JsonObject inVarmland = alike.search(request(query, List.of(), List.of("Värmland")), RESEARCHER);
            assertThat(hitIds(inVarmland)).containsExactly("rapport-a-0");
            assertThat(inVarmland.getJsonArray("hits").getJsonObject(0).getJsonArray("alsoIn")).as("copies outside the chosen pilot").isEmpty();
        }
    }

    @Test
    void onlyAPageWhoseHitsMayHaveCopiesAsksForThemAndTheFirstOfAGroupKnowsItsCopies() throws Exception {
        try (FreshPassageIndex copies = FreshPassageIndex.create("copies-it")) {
            String report = "Distriktssköterskorna följde upp de multisjuka patienterna med videobesök varannan vecka under hela hösten.";
            // One word more: the copy ranks just below the first passage of the group, so the hit shown is that passage.
            String copy = report + " Slut.";
            String lone = "Ambulanssjukvården prövade att ringa upp patienterna dagen efter hemgången från akutmottagningen.";
            PassageSearch alike = new PassageSearch(copies.client(), copies.alias(), iri -> iri);
            copies.indexer().replaceDocument("rapport-a", List.of(passage("rapport-a", 0, report, "public", "Värmland", "2024-01-10")));
            copies.indexer().replaceDocument("rapport-ensam", List.of(passage("rapport-ensam", 0, lone, "public", "Örebro", "2024-01-12")));
            SearchRequest aboutTheLone = SearchRequest.of("ambulanssjukvården hemgången");
            SearchRequest aboutTheReport = SearchRequest.of("distriktssköterskorna videobesök");

            assertThat(askForCopies(copies, alike, aboutTheLone)).as("a page without copies is one search").isFalse();
            assertThat(askForCopies(copies, alike, aboutTheReport)).as("the report has no copy yet").isFalse();

            copies.indexer().replaceDocument("rapport-b", List.of(passage("rapport-b", 0, copy, "public", "Örebro", "2024-02-10")));
            assertThat(askForCopies(copies, alike, aboutTheReport)).isTrue();
            assertThat(documentsOfTheHitAndItsCopies(alike.search(aboutTheReport, RESEARCHER)))
                    .as("the first passage shown, its copy named").containsExactly("rapport-a", "rapport-b");
            assertThat(askForCopies(copies, alike, aboutTheLone)).isFalse();

            copies.indexer().replaceDocument("rapport-a", List.of(passage("rapport-a", 0, report, "public", "Värmland", "2024-01-10")));
            assertThat(documentsOfTheHitAndItsCopies(alike.search(aboutTheReport, RESEARCHER)))
                    .as("the first passage's document sent again keeps knowing its copy").containsExactly("rapport-a", "rapport-b");

            copies.indexer().eraseDocument("rapport-a");
            copies.indexer().replaceDocument("rapport-c", List.of(passage("rapport-c", 0, copy + " Igen.", "public", "Värmland", "2024-02-20")));
            assertThat(documentsOfTheHitAndItsCopies(alike.search(aboutTheReport, RESEARCHER)))
                    .as("a copy indexed after the group's first passage was erased").containsExactly("rapport-b", "rapport-c");

            String minutes = "Arbetsgruppen bestämde att hemtjänsten och vårdcentralen skulle ha gemensamma planeringsmöten varje tisdag.";
            Map<String, List<JsonObject>> batch = new LinkedHashMap<>();
            batch.put("protokoll-e", List.of(passage("protokoll-e", 0, minutes, "public", "Värmland", "2024-03-01")));
            batch.put("protokoll-f", List.of(passage("protokoll-f", 0, minutes + " Slut.", "public", "Värmland", "2024-03-02")));
            copies.indexer().replaceDocuments(batch);
            assertThat(documentsOfTheHitAndItsCopies(alike.search(SearchRequest.of("planeringsmöten tisdag"), RESEARCHER)))
                    .as("a passage and its copy in one batch").containsExactly("protokoll-e", "protokoll-f");
        }
    }

    /** Whether a search in relevance order sends a second search for the copies of its hits (the researcher's). */
    private static boolean askForCopies(FreshPassageIndex index, PassageSearch search, SearchRequest request) throws Exception {
        var response = index.client().search(search.elasticsearchRequest(request, RESEARCHER), Map.class);
        return search.alikeRequest(response, request, RESEARCHER).isPresent();
    }

    /** The document of a search's only hit, and those its copies are in ({@code alsoIn}). */
    private static List<String> documentsOfTheHitAndItsCopies(JsonObject result) {
        JsonObject hit = result.getJsonArray("hits").getJsonObject(0);
        List<String> documents = new ArrayList<>(List.of(hit.getString("documentId")));
        hit.getJsonArray("alsoIn").forEach(other -> documents.add(((JsonObject) other).getString("documentId")));
        return documents;
    }

    @Test
    void aFacetChoiceFiltersHitsButNotItsOwnCounts() {
        JsonObject result = search.search(request("samverkan", List.of(), List.of("Örebro")), RESEARCHER);

        assertThat(hitIds(result)).containsExactly("anteckning-o-0");
        assertThat(facetCount(result, "pilot", "Värmland")).isEqualTo(1);
        assertThat(facetCount(result, "pilot", "Örebro")).isEqualTo(1);
        assertThat(facetCount(result, "year", "2022")).isEqualTo(1);
        assertThat(facetCount(result, "year", "2021")).isZero();
    }

    @Test
    void filtersCombineWithAndAcrossFacetsAndOrWithinOne() {
        JsonObject both = search.search(request("", List.of(KONTINUITET), List.of("Värmland", "Örebro")), RESEARCHER);
        JsonObject narrowed = search.search(request("", List.of(KONTINUITET), List.of("Örebro")), RESEARCHER);

        assertThat(hitIds(both)).containsExactlyInAnyOrder("rapport-v-1", "rapport-v-2", "anteckning-o-1");
        assertThat(hitIds(narrowed)).containsExactly("anteckning-o-1");
    }

    @Test
    void restrictedInterviewsNeverReachPilotsOrAttendeesInHitsOrCounts() {
        for (Caller caller : List.of(PILOT, ATTENDEE, Caller.ANONYMOUS)) {
            JsonObject canary = search.search(request("kvistgrodan", List.of(), List.of()), caller);
            assertThat(canary.getLong("total")).as(caller.username()).isZero();
            JsonObject all = search.search(request("samverkan", List.of(), List.of()), caller);
            assertThat(all.encode()).as(caller.username()).doesNotContain("kvistgrodan").doesNotContain("Västernorrland");
            assertThat(facetCount(all, "theme", SAMVERKAN)).as(caller.username()).isEqualTo(caller == PILOT ? 2 : 1);
            // A chosen facet counts its own values without its choice, still only over what the caller may read.
            JsonObject chosen = search.search(request("samverkan", List.of(), List.of("Värmland")), caller);
            assertThat(facetCount(chosen, "pilot", "Västernorrland")).as(caller.username()).isZero();
            assertThat(facetCount(chosen, "pilot", "Värmland")).as(caller.username()).isEqualTo(1);
        }
        assertThat(search.search(request("kvistgrodan", List.of(), List.of()), RESEARCHER).getLong("total")).isEqualTo(1);
    }

    @Test
    void phrasesExclusionAndOrWork() {
        assertThat(hitIds(search.search(request("\"fast läkarkontakt\"", List.of(), List.of()), RESEARCHER)))
                .containsExactlyInAnyOrder("rapport-v-1", "anteckning-o-1");
        assertThat(hitIds(search.search(request("\"fast läkarkontakt\" -beslut", List.of(), List.of()), RESEARCHER)))
                .containsExactly("rapport-v-1");
        assertThat(hitIds(search.search(request("hyrläkare OR väntetider", List.of(), List.of()), RESEARCHER)))
                .containsExactlyInAnyOrder("rapport-v-2", "rapport-v-3");
    }

    @Test
    void aQueryOfTwoKeywordsAlsoFindsAPassageWithOneOfThemBelowThoseWithBoth() {
        // No passage has both words: each that has one is found.
        assertThat(hitIds(search.search(request("hyrläkare glesbygd", List.of(), List.of()), RESEARCHER))).contains("rapport-v-2", "svenska-2");

        JsonObject answer = search.search(request("läkarkontakt vårdcentraler", List.of(), List.of()), RESEARCHER);
        assertThat(hitIds(answer)).as("both words first, then one of them").hasSize(3).endsWith("svenska-1")
                .contains("rapport-v-1", "anteckning-o-1");
        assertThat(answer.getBoolean("alsoOneOfTwoKeywords")).as("the answer says its hits and counts include one of the words").isTrue();
        assertThat(answer.getLong("withBothKeywords")).as("and how many of them hold both").isEqualTo(2);
        JsonObject inOrebro = search.search(request("läkarkontakt vårdcentraler", List.of(), List.of("Örebro")), RESEARCHER);
        assertThat(inOrebro.getLong("total")).isEqualTo(2);
        assertThat(inOrebro.getLong("withBothKeywords")).as("counted under the facet choices, as the total is").isEqualTo(1);
        assertThat(search.search(request("vårdcentraler", List.of(), List.of()), RESEARCHER).getBoolean("alsoOneOfTwoKeywords"))
                .as("one word").isFalse();
        assertThat(search.search(request("\"fast läkarkontakt\"", List.of(), List.of()), RESEARCHER).getBoolean("alsoOneOfTwoKeywords"))
                .as("a quoted phrase").isFalse();
        assertThat(search.search(request("Vilka vårdcentraler har läkarkontakt?", List.of(), List.of()), RESEARCHER).getBoolean("alsoOneOfTwoKeywords"))
                .as("a question").isFalse();
        PassageSearch withoutTheReading = new PassageSearch(client, fresh.index().alias(), iri -> iri, text -> Set.of(), false,
                Set.of(RankingPart.ONE_OF_TWO_KEYWORDS));
        JsonObject without = withoutTheReading.search(request("läkarkontakt vårdcentraler", List.of(), List.of()), RESEARCHER);
        assertThat(hitIds(without)).as("without the reading only both words").doesNotContain("svenska-1");
        assertThat(without.getBoolean("alsoOneOfTwoKeywords")).as("a search without the reading does not say it").isFalse();
        assertThat(without.containsKey("withBothKeywords")).as("nor counts both words apart").isFalse();
    }

    @Test
    void askedForBothOfTwoKeywordsASearchKeepsOnlyThePassagesThatHoldBoth() {
        JsonObject both = search.search(onlyBoth(request("läkarkontakt vårdcentraler", List.of(), List.of())), RESEARCHER);
        assertThat(hitIds(both)).containsExactlyInAnyOrder("rapport-v-1", "anteckning-o-1");
        assertThat(both.getLong("total")).as("the count of both the search without it gave").isEqualTo(2);
        assertThat(facetCount(both, "pilot", "Örebro")).as("the facets count those alone").isEqualTo(1);
        assertThat(both.getBoolean("onlyBothKeywords")).isTrue();
        assertThat(both.getBoolean("alsoOneOfTwoKeywords")).isFalse();
        JsonObject analysis = search.analysis(onlyBoth(request("läkarkontakt vårdcentraler", List.of(), List.of())), RESEARCHER, List.of(KONTINUITET));
        assertThat(analysis.getLong("total")).as("Analys, opened on that search, counts the same passages").isEqualTo(2);
        assertThat(analysis.getBoolean("onlyBothKeywords")).as("and says so").isTrue();
        JsonObject analysisOfAll = search.analysis(request("läkarkontakt vårdcentraler", List.of(), List.of()), RESEARCHER, List.of(KONTINUITET));
        assertThat(analysisOfAll.getLong("total")).isEqualTo(3);
        assertThat(analysisOfAll.getBoolean("onlyBothKeywords")).isFalse();

        JsonObject oneWord = search.search(onlyBoth(request("vårdcentraler", List.of(), List.of())), RESEARCHER);
        assertThat(hitIds(oneWord)).as("one word is found as without it").isEqualTo(hitIds(search.search(request("vårdcentraler", List.of(), List.of()), RESEARCHER)));
        assertThat(oneWord.getBoolean("onlyBothKeywords")).isFalse();
    }

    private static SearchRequest onlyBoth(SearchRequest request) {
        return new SearchRequest(request.text(), request.themes(), request.pilots(), request.types(), request.years(), request.speakerRoles(),
                request.sort(), request.page(), request.size(), request.after(), request.suggestions(), true);
    }

    @Test
    void swedishWordsMeetTheirCompoundsInflectionsAndOcrFormsWithoutDiacritics() {
        assertThat(hitIds(search.search(request("samsjuklighet", List.of(), List.of()), RESEARCHER))).contains("svenska-0");
        assertThat(hitIds(search.search(request("utredning", List.of(), List.of()), RESEARCHER))).contains("svenska-0");
        assertThat(hitIds(search.search(request("vårdcentral", List.of(), List.of()), RESEARCHER))).contains("svenska-1");
        assertThat(hitIds(search.search(request("tillgänglighet", List.of(), List.of()), RESEARCHER))).contains("svenska-2");
        assertThat(hitIds(search.search(request("vard", List.of(), List.of()), RESEARCHER))).contains("svenska-2");
    }

    @Test
    void aSearchAskedAgainSeesWhatChangedInTheIndexMeanwhile() {
        // The request cache keeps answers, and must never keep one past a change of the index.
        SearchRequest request = request("kvällsmottagning", List.of(), List.of());
        assertThat(search.search(request, RESEARCHER).getLong("total")).isZero();

        indexer.replaceDocument("tillagd", List.of(passage("tillagd", 0, "Kvällsmottagningen öppnade i mars.", "public", "Örebro", "2024-03-01")));
        assertThat(hitIds(search.search(request, RESEARCHER))).containsExactly("tillagd-0");

        indexer.replaceDocument("tillagd", List.of(passage("tillagd", 0, "Mottagningen stängde i maj.", "public", "Örebro", "2024-05-01")));
        assertThat(search.search(request, RESEARCHER).getLong("total")).isZero();
        indexer.replaceDocument("tillagd", List.of());
    }

    @Test
    void highlightsMarkInflectedFormsCompoundPartsAndPhrases() {
        assertThat(highlightOf(search.search(request("vårdcentral", List.of(), List.of()), RESEARCHER), "svenska-1"))
                .contains("<mark>vårdcentralerna</mark>");
        assertThat(highlightOf(search.search(request("utredning", List.of(), List.of()), RESEARCHER), "svenska-0"))
                .contains("<mark>Samsjuklighetsutredningen</mark>");
        assertThat(highlightOf(search.search(request("\"fast läkarkontakt\"", List.of(), List.of()), RESEARCHER), "rapport-v-1"))
                .contains("<mark>fast läkarkontakt</mark>");
    }

    private static String highlightOf(JsonObject result, String passageId) {
        return result.getJsonArray("hits").stream().map(JsonObject.class::cast).filter(h -> h.getString("passageId").equals(passageId))
                .findFirst().orElseThrow().getString("highlight");
    }

    @Test
    void aWholeQuestionFindsItsAnswerAndTheExactPhraseRanksFirst() {
        List<String> found = hitIds(search.search(request("hur ordnade vårdcentralen fast läkarkontakt för äldre", List.of(), List.of()), RESEARCHER));

        assertThat(found).first().isEqualTo("rapport-v-1");
    }

    @Test
    void aQueryNamingAThemeAlsoFindsItsAnnotatedPassagesWithOtherWordsBelowTheLiteralOnes() {
        List<String> found = hitIds(withThemes.search(request("kontinuitet", List.of(), List.of()), RESEARCHER));

        assertThat(found.subList(0, 2)).containsExactlyInAnyOrder("rapport-v-2", "svenska-2");
        assertThat(found.subList(2, found.size())).containsExactlyInAnyOrder("rapport-v-1", "anteckning-o-1");
        assertThat(hitIds(withThemes.search(request("kontinuitet", List.of(), List.of()), PILOT))).doesNotContain("intervju-x-0");
        assertThat(hitIds(withThemes.search(request("kontinuitet -läkarkontakt", List.of(), List.of()), RESEARCHER)))
                .as("an exclusion holds for theme matches too").doesNotContain("rapport-v-1", "anteckning-o-1");
    }

    @Test
    void malformedQueriesDegradeToPlainSearchesWithoutErrors() {
        for (String query : List.of("title:x^5", "*", "~", "\"samverkan mellan", "((", "samverkan AND", "-", "\\", "a".repeat(1000))) {
            JsonObject result = search.search(request(query, List.of(), List.of()), RESEARCHER);
            assertThat(result.getLong("total")).as(query).isNotNull();
        }
        assertThat(hitIds(search.search(request("\"samverkan mellan", List.of(), List.of()), RESEARCHER))).containsExactly("rapport-v-0");
    }

    @Test
    void theCursorPagesThroughEveryHitOnce() {
        Set<String> seen = new HashSet<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            JsonObject result = search.search(new SearchRequest("", List.of(), List.of(), List.of(), List.of(), List.of(),
                    SearchRequest.Sort.NEWEST, 0, 2, after, Optional.empty(), false), RESEARCHER);
            List<String> ids = hitIds(result);
            ids.forEach(id -> assertThat(seen.add(id)).as("seen once: " + id).isTrue());
            if (!result.containsKey("after")) {
                break;
            }
            after = Optional.of(result.getString("after"));
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void contextGivesTheNeighboursInReadingOrderAndHidesWhatTheCallerMayNotRead() {
        JsonObject context = search.context("rapport-v-2", 1, 1, PILOT);

        assertThat(context.getJsonArray("passages").stream().map(p -> ((JsonObject) p).getInteger("ordinal")).toList())
                .containsExactly(1, 2, 3);
        assertThatThrownBy(() -> search.context("intervju-x-0", 1, 1, PILOT))
                .isInstanceOf(LararenaException.class).satisfies(e -> assertThat(((LararenaException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> search.context("no-such-passage", 1, 1, RESEARCHER)).hasMessageContaining("no passage");
    }
}
