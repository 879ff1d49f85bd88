package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search of two keywords also finds the passages that hold one of them, and counts them: through the running
 * application, Sök says so beside the count, and says nothing of it for one word or a quoted phrase.
 */
@WithApplication
class TwoKeywordsPageIT {

    /** A word only this passage holds. */
    private static final String WORD = "tallskrikorna";
    private static final String SAID = "först de med båda orden, sedan de med ett av dem";

    private static RunningApplication app;
    @Token("pilot")
    private static String pilot;
    @Token("forskare")
    private static String researcher;

    @BeforeAll
    static void uploadANote() throws Exception {
        String note = "Mötet om %s handlade om hembesök på landsbygden.\n".formatted(WORD);
        HttpResponse<String> uploaded = app.postFile(researcher, "anteckning-tallskrikor.txt", note, Map.of("visibility", "public", "type", "rapport"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        app.awaitStatus(new JsonArray(uploaded.body()).getJsonObject(0).getString("id"), researcher, "indexed");
    }

    private static String page(String query) throws Exception {
        HttpResponse<String> response = app.get("/sok?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), pilot);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void sokSaysThatTwoKeywordsAlsoFindAndCountThePassagesWithOneOfThem() throws Exception {
        // No passage holds both words: the passage with one of them is found, and the count line says why.
        String twoWords = page(WORD + " fjällstugor");
        assertThat(twoWords).contains(WORD).contains(SAID);

        assertThat(page(WORD)).as("one word").contains(WORD).doesNotContain(SAID);
        assertThat(page("\"" + WORD + " handlade\"")).as("a quoted phrase").contains(WORD).doesNotContain(SAID);
    }
}
