package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search of two keywords also finds the passages that hold one of them, and counts them: through the running
 * application, Sök says beside the count how many hold both, and says nothing of it when all do, for one word or for
 * a quoted phrase.
 */
@WithApplication
class TwoKeywordsPageIT {

    /** A word only these two notes hold. */
    private static final String WORD = "tallskrikorna";

    private static RunningApplication app;
    @Token("pilot")
    private static String pilot;
    @Token("forskare")
    private static String researcher;

    @BeforeAll
    static void uploadTwoNotes() throws Exception {
        upload("anteckning-hembesok.txt", "Mötet om %s handlade om hembesök på landsbygden.\n".formatted(WORD));
        upload("anteckning-fjallstugor.txt", "Sedan flyttade %s till fjällstugorna vid sjön.\n".formatted(WORD));
    }

    private static void upload(String name, String note) throws Exception {
        HttpResponse<String> uploaded = app.postFile(researcher, name, note, Map.of("visibility", "public", "type", "rapport"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        app.awaitStatus(new JsonArray(uploaded.body()).getJsonObject(0).getString("id"), researcher, "indexed");
    }

    /** The count line of Sök for {@code query}. */
    private static String countLine(String query) throws Exception {
        HttpResponse<String> response = app.get("/sok?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), pilot);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher total = Pattern.compile("<p class=\"total\"[^>]*>([^<]*)</p>").matcher(response.body());
        assertThat(total.find()).as("Sök shows a count").isTrue();
        return total.group(1);
    }

    @Test
    void sokSaysHowManyHoldBothOfTwoKeywordsWhenTheCountAlsoHoldsThePassagesWithOneOfThem() throws Exception {
        assertThat(countLine(WORD + " fjällstugorna")).isEqualTo("2 träffar · 1 med båda orden först, sedan de med ett av dem");
        assertThat(countLine(WORD + " snöskotrarna")).isEqualTo("2 träffar · ingen har båda orden");

        assertThat(countLine("hembesök landsbygden")).as("every hit holds both").isEqualTo("1 träff");
        assertThat(countLine(WORD)).as("one word").isEqualTo("2 träffar");
        assertThat(countLine("\"" + WORD + " handlade\"")).as("a quoted phrase").isEqualTo("1 träff");
    }
}
