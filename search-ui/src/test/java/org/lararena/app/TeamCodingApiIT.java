package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Two researchers code one interview blind on the real servers: each keeps their own decisions, neither sees the
 * other's until they mark the document done, and {@code /api/agreement} matches a reference computation made here
 * from the two layers the API shows.
 */
@WithApplication
class TeamCodingApiIT {

    private static final String TEMA = LAR.BASE + "tema/";
    /** Our own writing: an interview with speaker labels, so that it is described as an interview. */
    private static final String INTERVIEW = """
            I: Hur fungerar samverkan mellan kommunen och regionen hos er?

            IP: Samverkan har blivit bättre sedan vi fick gemensamma möten varje vecka.

            I: Och väntetiderna på vårdcentralen?

            IP: Väntetiderna är fortfarande långa, telefonkön är full varje morgon.

            I: Vad betyder kontinuitet för patienterna?

            IP: Kontinuitet betyder att man träffar samma distriktssköterska varje gång, det skapar trygghet.
            """;

    private static RunningApplication app;
    @Token("forskare")
    private static String forskare;
    @Token("forskare2")
    private static String forskare2;
    @Token("pilot")
    private static String pilot;
    private static String documentId;

    @BeforeAll
    static void upload() throws Exception {
        documentId = app.uploadIndexed(forskare, "intervju-samverkan-teamkodning.txt", INTERVIEW, "restricted");
    }

    @Test
    void twoResearchersCodeBlindThenCompareAndTheAgreementMatchesAReferenceComputation() throws Exception {
        JsonObject status = json(app.get("/api/documents/" + documentId + "/coding-status", forskare));
        assertThat(status.getBoolean("blind")).as("interviews are coded blind by default").isTrue();
        assertThat(status.getJsonArray("coders")).isEmpty();

        JsonArray suggestions = layer(forskare, null);
        String samverkan = firstWithTheme(suggestions, "samverkan");
        String kontinuitet = firstWithTheme(suggestions, "kontinuitet");
        review(forskare, samverkan, "accepted");
        review(forskare, kontinuitet, "rejected");
        review(forskare2, samverkan, "rejected");
        review(forskare2, kontinuitet, "accepted");

        // Blind: forskare2 sees their own decisions and the annotator's, nobody else's.
        JsonArray own = layer(forskare2, null);
        assertThat(stateOf(own, samverkan)).isEqualTo("rejected");
        assertThat(stateOf(own, kontinuitet)).isEqualTo("accepted");
        assertThat(codersOf(own, samverkan)).containsExactlyInAnyOrder("annotator", "forskare2");
        assertThat(app.get("/api/documents/" + documentId + "/annotations?coder=forskare", forskare2).statusCode()).isEqualTo(403);
        assertThat(app.get("/api/documents/" + documentId + "/annotations?coder=consensus", forskare2).statusCode())
                .as("the consensus is drawn from colleagues' coding: hidden while coding blind").isEqualTo(403);
        assertThat(objects(new JsonArray(app.get("/api/documents/" + documentId + "/review-log", forskare2).body())))
                .extracting(e -> e.getString("coder")).isNotEmpty().containsOnly("annotator", "forskare2");
        // Nor through the W3C export: its review states are forskare2's own, not the team's (accepted by forskare).
        Map<String, String> exported = new HashMap<>();
        objects(json(app.get("/api/documents/" + documentId + "/annotations.jsonld", forskare2)).getJsonArray("@graph"))
                .forEach(node -> exported.put(node.getString("id"), node.getString("reviewState")));
        assertThat(exported.get(AnnotationIris.annotationIri(samverkan))).isEqualTo(LAR.Rejected.getURI());
        assertThat(exported.get(AnnotationIris.annotationIri(kontinuitet))).isEqualTo(LAR.Accepted.getURI());
        assertThat(app.get("/api/documents/" + documentId + "/annotations?coder=forskare", pilot).statusCode())
                .as("an interview is the researchers' alone").isEqualTo(404);

        // Nobody has marked the document done: no figure can be computed yet.
        JsonObject early = json(app.get("/api/agreement?documents=" + documentId + "&coders=forskare,forskare2", forskare));
        assertThat(early.getJsonObject("overall").getValue("alpha")).isNull();
        assertThat(early.getJsonObject("overall").getJsonObject("reasons").getString("alpha")).contains("two coders");
        assertThat(early.getJsonObject("overall").getJsonObject("reasonCodes").getString("alpha")).isEqualTo("no_pairable_values");
        assertThat(early.getJsonArray("concepts").getJsonObject(0).getJsonArray("kappa").getJsonObject(0).getString("reasonCode"))
                .isEqualTo("no_passage_both_done");

        assertThat(send("PUT", "/api/documents/" + documentId + "/coding-status", "{\"state\":\"done\"}", forskare).statusCode()).isEqualTo(200);
        HttpResponse<String> done = send("PUT", "/api/documents/" + documentId + "/coding-status", "{\"state\":\"done\"}", forskare2);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(objects(json(done).getJsonArray("coders"))).extracting(c -> c.getString("coder") + ":" + c.getString("state"))
                .containsExactlyInAnyOrder("forskare:done", "forskare2:done");
        // The Dokument list shows each coder's status to researchers.
        assertThat(app.get("/dokument", forskare).body()).contains("forskare: klar, forskare2: klar");

        // Done: each sees the other's layer and decisions.
        JsonArray colleague = layer(forskare2, "forskare");
        assertThat(stateOf(colleague, samverkan)).isEqualTo("accepted");
        assertThat(stateOf(colleague, kontinuitet)).isEqualTo("rejected");
        assertThat(codersOf(layer(forskare2, null), samverkan)).containsExactlyInAnyOrder("annotator", "forskare", "forskare2");

        JsonObject agreement = json(app.get("/api/agreement?documents=" + documentId + "&coders=forskare,forskare2&level=concept", forskare));
        int units = new JsonArray(app.get("/api/documents/" + documentId + "/passages", forskare).body()).size();
        assertThat(agreement.getInteger("units")).isEqualTo(units);
        assertThat(agreement.getJsonArray("coders")).containsExactly("forskare", "forskare2");
        List<JsonObject> concepts = objects(agreement.getJsonArray("concepts"));
        assertThat(concepts).isNotEmpty();
        for (JsonObject concept : concepts) {
            Set<String> first = appliedPassages(layer(forskare, "forskare"), concept.getString("iri"));
            Set<String> second = appliedPassages(layer(forskare, "forskare2"), concept.getString("iri"));
            Reference reference = Reference.of(units, first, second);
            assertThat(concept.getDouble("percent")).as(concept.encode()).isCloseTo(reference.percent(), within(1e-9));
            assertThat(concept.getDouble("alpha")).as(concept.encode()).isCloseTo(reference.alpha(), within(1e-9));
            assertThat(concept.getJsonArray("kappa").getJsonObject(0).getDouble("value")).isCloseTo(reference.kappa(), within(1e-9));
        }

        JsonObject themes = json(app.get("/api/agreement?documents=" + documentId + "&coders=forskare,forskare2,annotator&level=theme", forskare));
        assertThat(objects(themes.getJsonArray("concepts"))).extracting(c -> c.getString("iri")).contains(TEMA + "samverkan");
        assertThat(themes.getJsonArray("concepts").getJsonObject(0).getJsonArray("kappa")).hasSize(3);

        // One click adopts forskare2's coding as the consensus.
        assertThat(app.get("/api/documents/" + documentId + "/consensus", forskare).statusCode()).isEqualTo(404);
        HttpResponse<String> noConsensus = app.get("/api/documents/" + documentId + "/annotations?coder=consensus", forskare);
        assertThat(noConsensus.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(noConsensus.body()).getString("detail")).contains("no consensus yet");
        JsonObject consensus = json(send("PUT", "/api/documents/" + documentId + "/consensus", "{\"adopt\":\"forskare2\"}", forskare));
        assertThat(consensus.getString("adjudicator")).isEqualTo("forskare");
        assertThat(consensus.getString("adoptedFrom")).isEqualTo("forskare2");
        assertThat(consensus.getJsonArray("annotations")).contains(kontinuitet).doesNotContain(samverkan);
        assertThat(json(app.get("/api/documents/" + documentId + "/consensus", forskare2)).getJsonArray("annotations"))
                .isEqualTo(consensus.getJsonArray("annotations"));
        JsonObject consensusNode = objects(json(app.get("/api/documents/" + documentId + "/annotations.jsonld", forskare2)).getJsonArray("@graph"))
                .stream().filter(n -> n.getValue("type") instanceof JsonArray types && types.contains("lar:Consensus")).findFirst().orElseThrow();
        assertThat(consensusNode.getJsonObject("creator").getString("nickname")).isEqualTo("forskare");
        assertThat(consensusNode.getJsonArray("wasDerivedFrom")).hasSameSizeAs(consensus.getJsonArray("annotations"));
        JsonArray consensusLayer = layer(forskare2, "consensus");
        assertThat(stateOf(consensusLayer, kontinuitet)).isEqualTo("accepted");
        assertThat(stateOf(consensusLayer, samverkan)).as("accepted by forskare, not in the consensus").isEqualTo("rejected");
        assertThat(objects(consensusLayer)).extracting(a -> a.getString("state")).containsOnly("accepted", "rejected");
        assertThat(objects(consensusLayer).stream().filter(a -> a.getString("state").equals("accepted")).map(a -> a.getString("id")).toList())
                .containsExactlyInAnyOrderElementsOf(consensus.getJsonArray("annotations").stream().map(String.class::cast).toList());

        // Analys → Samstämmighet shows the same figures, the passages where the two differ, and the adopt buttons.
        HttpResponse<String> page = app.get("/analys/samstammighet?documents=" + documentId + "&coders=forskare,forskare2&level=theme", forskare);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Samstämmighet", "Per tema", "Anta forskare2s kodning som konsensus", "Samverkan", "Kontinuitet")
                .doesNotContain("Kodarna är eniga om alla passager");
        assertThat(app.get("/analys/samstammighet", pilot).statusCode()).isEqualTo(403);

        HttpResponse<String> csv = app.get("/api/agreement?documents=" + documentId + "&coders=forskare,forskare2&level=theme&format=csv", forskare);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst()).hasValue("theme,iri,alpha,percent,alphaU,kappa forskare/forskare2,notes");
        assertThat(csv.body().lines().reduce((a, b) -> b)).hasValueSatisfying(last -> assertThat(last).startsWith("overall,"));
    }

    @Test
    void badAgreementRequestsAreRefusedWithTheProblemNamed() throws Exception {
        String base = "/api/agreement?documents=" + documentId;
        assertBadRequest(app.get(base + "&coders=forskare", forskare), "two");
        assertBadRequest(app.get(base + "&coders=forskare,ingen-sadan", forskare), "unknown coder ingen-sadan");
        assertBadRequest(app.get(base + "&coders=forskare,annotator&level=mening", forskare), "level");
        assertBadRequest(app.get("/api/agreement?coders=forskare,annotator", forskare), "documents");
        assertThat(app.get("/api/agreement?documents=finns-inte&coders=forskare,annotator", forskare).statusCode()).isEqualTo(404);
        assertThat(app.get(base + "&coders=forskare,annotator", pilot).statusCode()).isEqualTo(403);
        assertBadRequest(send("PUT", "/api/documents/" + documentId + "/coding-status", "{\"state\":\"klar\"}", forskare), "in_progress");
    }

    /** Percentage agreement, Cohen's kappa and Krippendorff's alpha of two coders' binary values, written out by hand. */
    private record Reference(double percent, double kappa, double alpha) {

        static Reference of(int units, Set<String> first, Set<String> second) {
            Set<String> both = new HashSet<>(first);
            both.retainAll(second);
            int disagreements = first.size() + second.size() - 2 * both.size();
            double percent = (units - disagreements) / (double) units;
            double p1 = first.size() / (double) units;
            double p2 = second.size() / (double) units;
            double expected = p1 * p2 + (1 - p1) * (1 - p2);
            double kappa = (percent - expected) / (1 - expected);
            int values = 2 * units;
            int ones = first.size() + second.size();
            double alpha = 1 - disagreements * (values - 1) / ((double) ones * (values - ones));
            return new Reference(percent, kappa, alpha);
        }
    }

    private static Set<String> appliedPassages(JsonArray layer, String conceptIri) {
        return objects(layer).stream().filter(a -> a.getJsonObject("concept").getString("iri").equals(conceptIri))
                .filter(a -> a.getString("state").equals("accepted")).map(a -> a.getString("passageId")).collect(Collectors.toSet());
    }

    private static JsonArray layer(String token, String coder) throws Exception {
        HttpResponse<String> response = app.get("/api/documents/" + documentId + "/annotations" + (coder == null ? "" : "?coder=" + coder), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body());
    }

    private static void review(String token, String annotationId, String state) throws Exception {
        HttpResponse<String> response = send("PATCH", "/api/annotations/" + annotationId, "{\"state\":\"" + state + "\"}", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).getString("state")).isEqualTo(state);
    }

    private static String firstWithTheme(JsonArray annotations, String theme) {
        return objects(annotations).stream().filter(a -> a.getJsonObject("theme").getString("iri").equals(TEMA + theme))
                .findFirst().orElseThrow(() -> new AssertionError("no suggestion of " + theme + " in " + annotations.encode())).getString("id");
    }

    private static String stateOf(JsonArray annotations, String id) {
        return objects(annotations).stream().filter(a -> a.getString("id").equals(id)).findFirst().orElseThrow().getString("state");
    }

    private static List<String> codersOf(JsonArray annotations, String id) {
        return objects(objects(annotations).stream().filter(a -> a.getString("id").equals(id)).findFirst().orElseThrow()
                .getJsonArray("decisions")).stream().map(d -> d.getString("coder")).toList();
    }

    private static void assertBadRequest(HttpResponse<String> response, String detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("detail")).containsIgnoringCase(detailMentions);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return app.send(method, path, body, token);
    }
}
