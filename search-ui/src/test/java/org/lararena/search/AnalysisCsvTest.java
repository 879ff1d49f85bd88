package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV downloads of Analys: one row per theme, fields quoted where needed, formulas defused. */
class AnalysisCsvTest {

    private static final JsonArray THEMES = new JsonArray(List.of(
            new JsonObject().put("iri", "t:samverkan").put("label", "Samverkan"),
            new JsonObject().put("iri", "t:ekonomi").put("label", "Ekonomi, och resurser")));
    private static final JsonObject ANALYSIS = new JsonObject()
            .put("matrix", new JsonObject().put("themes", THEMES).put("pilots", new JsonArray(List.of("Värmland", "=HYPERLINK(\"x\")")))
                    .put("counts", new JsonArray(List.of(new JsonArray(List.of(3, 0)), new JsonArray(List.of(1, 2))))))
            .put("cooccurrence", new JsonObject().put("themes", THEMES).put("counts", new JsonArray(List.of(new JsonArray(List.of(3, 1)), new JsonArray(List.of(1, 3))))))
            .put("overTime", new JsonObject().put("themes", THEMES).put("years", new JsonArray(List.of(2023, 2024)))
                    .put("counts", new JsonArray(List.of(new JsonArray(List.of(2, 1)), new JsonArray(List.of(0, 3))))));

    @Test
    void theMatrixHasAHeaderOfPilotsAndARowPerTheme() {
        assertThat(AnalysisEndpoint.csv(ANALYSIS, "matrix", "sv").split("\r\n")).containsExactly(
                "Tema,Värmland,\"'=HYPERLINK(\"\"x\"\")\"",
                "Samverkan,3,0",
                "\"Ekonomi, och resurser\",1,2");
    }

    @Test
    void coOccurrenceAndTimeHaveThemesAndYearsAsColumns() {
        assertThat(AnalysisEndpoint.csv(ANALYSIS, "cooccurrence", "sv")).startsWith("Tema,Samverkan,\"Ekonomi, och resurser\"\r\nSamverkan,3,1\r\n");
        assertThat(AnalysisEndpoint.csv(ANALYSIS, "overtime", "sv")).startsWith("Tema,2023,2024\r\nSamverkan,2,1\r\n");
    }

    @Test
    void inEnglishTheFirstColumnIsNamedSo() {
        assertThat(AnalysisEndpoint.csv(ANALYSIS, "overtime", "en")).startsWith("Theme,2023,2024\r\n");
    }
}
