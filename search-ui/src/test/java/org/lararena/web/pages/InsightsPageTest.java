package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.insights.Insight;
import org.lararena.insights.InsightStore;
import org.lararena.insights.Insights;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.ChangeNotices;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/** Insikter over real HTTP, in Swedish by default and in English on request, with the shipped ontology's themes. */
class InsightsPageTest {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());

    @TempDir
    static Path folder;

    @AutoClose
    private static PageServer server;
    private static Concept theme;
    private static Insight published;
    private static Insight draft;

    @BeforeAll
    static void start() {
        Ontology ontology = OntologyLoader.shipped();
        theme = ontology.topThemes().get(0);
        Insights.PassageLookup lookup = (ids, caller) -> {
            Map<String, JsonObject> found = new LinkedHashMap<>();
            ids.stream().filter("rapport-1"::equals).forEach(id -> found.put(id, new JsonObject().put("passageId", id).put("documentId", "rapport")
                    .put("title", "Rapport om mötena").put("text", "Vi ses varje tisdag.").put("page", 4).put("visibility", "public")));
            return found;
        };
        Insights insights = new Insights(new InsightStore(new CachedCollection<>(InsightStore.KIND.name(),
                new FileCollection(folder, "the insight", false), InsightStore.CODEC, ChangeNotices.NONE)), List.of(),
                iri -> ontology.concept(iri).isPresent(), iri -> ontology.concept(iri).map(Concept::labelSv).orElse(iri), lookup,
                Clock.systemUTC(), Insights.DEFAULT_MAX_TEXT_CHARS);
        published = insights.create(new JsonObject().put("title", "Täta möten bygger tillit").put("text", "Varje vecka.")
                .put("themes", List.of(theme.iri())).put("passages", List.of("rapport-1")).put("status", "published"), RESEARCHER);
        draft = insights.create(new JsonObject().put("title", "Ett utkast").put("text", "").put("themes", List.of()).put("passages", List.of()), RESEARCHER);
        server = PageServer.start((vertx, router) -> new InsightsPage(new RequestWork(vertx, 2, Duration.ofSeconds(10)), insights, ontology)
                .addRoutes(router), RESEARCHER);
    }

    @Test
    void theListAndAnInsightAreInSwedishByDefaultAndInEnglishOnRequestThemesIncluded() throws Exception {
        assertThat(theme.labelEn()).as("the shipped ontology's first top theme has its own English label").isNotEqualTo(theme.labelSv());
        String swedishList = page("/insikter").body();
        String englishList = page("/insikter?lang=en").body();
        String swedishInsight = page("/insikter/" + published.id()).body();
        String englishInsight = page("/insikter/" + published.id() + "?lang=en").body();

        assertThat(swedishList).contains("<h1>Insikter</h1>", "Alla teman", ">" + theme.labelSv() + "<", "Täta möten bygger tillit")
                .doesNotContain(">" + theme.labelEn() + "<");
        assertThat(englishList).contains("<h1>Insights</h1>", "All themes", ">Filter<", ">" + theme.labelEn() + "<")
                .doesNotContain("Alla teman", ">" + theme.labelSv() + "<");
        assertThat(swedishInsight).contains("Publicerad", "Stöd i materialet", "s. 4", "Alla insikter");
        // The insight itself stays as its researcher wrote it; what frames it is in the reader's language.
        assertThat(englishInsight).contains("Published", "Support in the material", "p. 4", "All insights", "Täta möten bygger tillit",
                "Vi ses varje tisdag.", ">" + theme.labelEn() + "<").doesNotContain("Publicerad", "Stöd i materialet", "s. 4");
    }

    @Test
    void aResearchersDraftAndFormsAreInEnglishOnRequest() throws Exception {
        String draftPage = page("/as/forskare/insikter/" + draft.id() + "?lang=en").body();
        String form = page("/as/forskare/insikter/ny?passage=rapport-1&lang=en").body();

        assertThat(draftPage).contains("Draft", "(visible to researchers only)", ">Edit<", ">Publish<", "Delete the insight for good?")
                .doesNotContain("Utkast", "Redigera", "Publicera");
        assertThat(form).contains("<h1>New insight</h1>", "Statement (heading)", "Include the quote", "More supporting passages",
                "Save as draft", "Save and publish", "Or add the passage to an existing insight", "> " + theme.labelEn() + "</label>")
                .doesNotContain("Påstående", "Spara");
    }

    @Test
    void pastedPassagesMayBeIdsOrLinksOnLinesOrSeparatedByCommas() {
        assertThat(InsightsPage.passageIds("abc-1\n  http://127.0.0.1:8080/dokument/abc#abc-2 , abc-3;abc-1\n\n/dokument/x#"))
                .containsExactly("abc-1", "abc-2", "abc-3");
        assertThat(InsightsPage.passageIds(DocumentPage.passageHref("abc", "abc-612"))).as("a link to a passage in a later part")
                .containsExactly("abc-612");
        assertThat(InsightsPage.passageIds(null)).isEmpty();
    }

    private static HttpResponse<String> page(String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
