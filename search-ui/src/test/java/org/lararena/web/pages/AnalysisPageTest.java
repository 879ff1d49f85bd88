package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.lararena.web.Messages;

/**
 * Analys' matrix as a plain table, as the page writes it for a search's analysis. The page itself, over HTTP with a
 * real search, is read in {@code SearchAnswersIT}.
 */
class AnalysisPageTest {

    /** One theme in two pilots: one passage in the first, two in the second. */
    private static final JsonObject MATRIX = new JsonObject()
            .put("themes", new JsonArray().add(new JsonObject().put("iri", "https://example.org/tema/samverkan").put("label", "Samverkan")))
            .put("pilots", new JsonArray().add("Norrtälje").add("Gotland"))
            .put("counts", new JsonArray().add(new JsonArray().add(1).add(2)));

    @Test
    void aCellsLinkSaysHowManyPassagesInTheSingularForOne() {
        String swedish = AnalysisPage.matrixTable(MATRIX, "/sok?q=hembes%C3%B6k", Messages.SWEDISH);
        String english = AnalysisPage.matrixTable(MATRIX, "/sok?q=hembes%C3%B6k", Messages.ENGLISH);

        assertThat(swedish).contains("aria-label=\"1 passage: Samverkan, Norrtälje\">1</a>", "aria-label=\"2 passager: Samverkan, Gotland\">2</a>");
        assertThat(english).contains("aria-label=\"1 passage: Samverkan, Norrtälje\">1</a>", "aria-label=\"2 passages: Samverkan, Gotland\">2</a>");
    }
}
