package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.testing.TestServices;

/**
 * The suggester on the real servers: a researcher reviews a set of passages through the API as their gold labels
 * say (accepts what is right, rejects what is wrong, tags what was missed), an admin trains, the model's version moves,
 * and a word rejected everywhere ("Avdelningschefen", the false positive) is no longer suggested on a new
 * upload; after a reset it is suggested again. Researchers read the model, nobody else.
 */
// Only the explicit training of this test: the background one waits an hour after the last decision. Its review is
// small (24 passages, each testing a model learned from the others, under the configured 30), so any tested passage and
// a model not worse than the dictionary will do: the check's minimum and margin are SuggesterTrainingTest's.
@WithApplication(settings = {"LARARENA_SUGGESTER_RETRAIN_AFTER_SECONDS=3600", "LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES=1",
        "LARARENA_SUGGESTER_MARGIN_F1_POINTS=0"})
class SuggesterIT {

    /** The part of "Avdelningschefen" the dictionary matches (Ledarskap), the false positive. */
    private static final String REJECTED = "chefen";

    /** Our own writing: each paragraph starts with the word researchers reject, then says what it is about. */
    private static final Map<String, Set<String>> GOLD = new LinkedHashMap<>();

    static {
        gold("Avdelningschefen berättade att väntetiderna på vårdcentralen har blivit kortare sedan telefonkön byggdes om.", "Tillgänglighet");
        gold("Avdelningschefen menade att samverkan mellan kommunen och regionen kring hemsjukvården fungerar bättre nu.", "Samverkan");
        gold("Avdelningschefen sa att det är svårt att rekrytera sjuksköterskor till nattpassen i inlandet.", "Kompetensförsörjning");
        gold("Avdelningschefen visade hur de digitala vårdmötena i appen används av allt fler patienter.", "Digitalisering");
        gold("Avdelningschefen beskrev hur budgeten för primärvården räcker allt sämre för hyrläkarna.", "Ekonomi och resurser");
        gold("Avdelningschefen tog upp att personalen är sliten och att sjukskrivningarna ökar på enheten.", "Arbetsmiljö");
        gold("Avdelningschefen berättade om uppföljningen av indikatorerna för omställningen till nära vård.", "Uppföljning");
        gold("Avdelningschefen pratade om förebyggande arbete med levnadsvanor tillsammans med skolan.", "Förebyggande arbete");
        gold("Avdelningschefen konstaterade att patienterna får vänta flera veckor på en tid hos distriktsläkaren.", "Tillgänglighet");
        gold("Avdelningschefen tyckte att samarbetet med socialtjänsten kring de äldre har blivit tätare.", "Samverkan");
        gold("Avdelningschefen oroade sig för att specialistsjuksköterskorna går i pension de närmaste åren.", "Kompetensförsörjning");
        gold("Avdelningschefen visade den nya journalfunktionen och hur egenmonitorering hemma ska gå till.", "Digitalisering");
        gold("Avdelningschefen sa att kostnaderna för bemanningen har ökat mer än anslagen.", "Ekonomi och resurser");
        gold("Avdelningschefen berättade att stressen på mottagningen gör att flera har slutat.", "Arbetsmiljö");
        gold("Avdelningschefen gick igenom mätningarna av hur nöjda patienterna är och hur det följs upp.", "Uppföljning");
        gold("Avdelningschefen beskrev hälsosamtalen som ska förebygga diabetes hos riskgrupper.", "Förebyggande arbete");
        gold("Avdelningschefen sa att telefontiderna har utökats så att fler kommer fram på morgonen.", "Tillgänglighet");
        gold("Avdelningschefen menade att kommunen och regionen nu har en gemensam plan för utskrivningarna.", "Samverkan");
        gold("Avdelningschefen berättade att de har svårt att behålla undersköterskor efter sommaren.", "Kompetensförsörjning");
        gold("Avdelningschefen visade hur videobesöken och chattfunktionen har tagits emot.", "Digitalisering");
        gold("Avdelningschefen sa att resurserna inte räcker till alla satsningar som planeras.", "Ekonomi och resurser");
        gold("Avdelningschefen tog upp arbetsbelastningen och att personalen saknar återhämtning.", "Arbetsmiljö");
        gold("Avdelningschefen redovisade uppföljningen av vårdplanerna och vad mätningarna visar.", "Uppföljning");
        gold("Avdelningschefen pratade om det förebyggande arbetet mot fallolyckor bland äldre.", "Förebyggande arbete");
    }

    private static void gold(String text, String... themes) {
        GOLD.put(text, Set.of(themes));
    }

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("admin")
    private static String admin;
    private static Map<String, String> themeIris;

    @BeforeAll
    static void themes() {
        Ontology ontology = OntologyLoader.fromClasspath();
        themeIris = ontology.topThemes().stream().collect(Collectors.toMap(Concept::labelSv, Concept::iri));
    }

    @Test
    void aTermRejectedEverywhereIsNoLongerSuggestedOnANewUploadOnceTheModelIsTrainedAndAgainAfterAReset() throws Exception {
        JsonObject before = status(researcher);
        assertThat(before.getInteger("version")).as("the dictionary alone").isZero();

        // One document per paragraph: each is one passage with its own gold labels.
        List<RunningApplication.Upload> files = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>(GOLD.keySet());
        for (int i = 0; i < paragraphs.size(); i++) {
            files.add(new RunningApplication.Upload("anteckning-" + i + ".txt", "text/plain", paragraphs.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        int decisions = 0;
        List<String> reviewed = app.uploadIndexed(researcher, files);
        for (String documentId : reviewed) {
            decisions += reviewAsGoldSays(documentId);
        }
        assertThat(decisions).isGreaterThan(GOLD.size());

        // The request waits for the training, which learns eleven models (ten to test it by cross-validation, one for
        // service): seconds on an idle machine, more on a busy one.
        HttpResponse<String> trained = app.send("POST", "/api/admin/suggester/train", null, admin, Duration.ofMinutes(3));
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
        JsonObject model = new JsonObject(trained.body());
        System.out.println("SuggesterIT trained: " + model.encode());
        assertThat(model.getJsonObject("lastTraining").getBoolean("inService")).as(model.encode()).isTrue();
        assertThat(model.getJsonObject("lastTraining").getString("reason")).as("why, in words").startsWith("In service: on the");
        assertThat(model.getInteger("version")).isEqualTo(1);
        assertThat(model.getInteger("decisions")).isEqualTo(decisions);
        assertThat(model.getString("trainedAt")).isNotBlank();
        JsonObject evaluation = model.getJsonObject("evaluation");
        assertThat(evaluation.getInteger("passages")).isPositive();
        assertThat(evaluation.getDouble("f1")).isGreaterThanOrEqualTo(evaluation.getJsonObject("dictionaryOnly").getDouble("f1"));
        assertThat(evaluation.getDouble("precision")).isBetween(0.0, 1.0);
        assertThat(status(researcher).getInteger("version")).isEqualTo(1);

        String after = indexed("ny-rapport.txt", "Avdelningschefen berättade om väntetiderna på vårdcentralen i sommar.");
        assertThat(exacts(after)).as("suggestions on a new upload").isNotEmpty().doesNotContain(REJECTED);
        JsonObject madeByModel = new JsonObject(app.get("/api/documents/" + after + "/annotations.jsonld", researcher).body())
                .getJsonArray("@graph").getJsonObject(0);
        assertThat(madeByModel.getJsonObject("creator").getString("name")).as("the annotator carries the model's version")
                .endsWith("3+modell.1");
        // The reviewed documents' suggestions were made by the dictionary alone: the model's decisions did not set their confidence.
        assertThat(app.annotations(reviewed.get(0), researcher)).filteredOn(a -> a.getString("origin").equals("auto")).isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.getInteger("learnedFrom")).as(a.encode()).isZero();
                    assertThat(a.getString("explanation")).doesNotContain("lärt av").doesNotContain("learned from");
                });

        HttpResponse<String> reset = app.send("POST", "/api/admin/suggester/reset", null, admin);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(new JsonObject(reset.body()).getInteger("version")).isEqualTo(2);
        assertThat(new JsonObject(reset.body()).getInteger("decisions")).isZero();
        String again = indexed("ny-rapport-2.txt", "Avdelningschefen berättade om höstens planering.");
        assertThat(exacts(again)).as("the dictionary alone suggests it again").contains(REJECTED);
    }

    @Test
    void onlyResearchersReadTheModelAndOnlyAdminsTrainOrResetIt() throws Exception {
        String pilot = TestServices.get().accessToken("pilot", "pilot");
        assertThat(app.get("/api/suggester", pilot).statusCode()).isEqualTo(403);
        assertThat(app.send("POST", "/api/admin/suggester/train", null, researcher).statusCode()).isEqualTo(403);
        assertThat(app.send("POST", "/api/admin/suggester/reset", null, researcher).statusCode()).isEqualTo(403);
        assertThat(app.get("/api/suggester", null).statusCode()).isEqualTo(401);
    }

    /** Reviews the document (one passage) as its gold labels say, once its suggestions include the rejected word; returns the decisions. */
    private static int reviewAsGoldSays(String documentId) throws Exception {
        List<JsonObject> passages = app.passages(documentId, researcher);
        assertThat(passages).hasSize(1);
        Set<String> gold = goldOf(passages.get(0).getString("text"));
        assertThat(app.annotations(documentId, researcher)).filteredOn(a -> !gold.contains(a.getJsonObject("theme").getString("iri")))
                .extracting(a -> a.getString("exact")).as("the word researchers reject is suggested in every passage").contains(REJECTED);
        return app.reviewAsGoldSays(documentId, gold, researcher);
    }

    private static Set<String> goldOf(String passageText) {
        Set<String> labels = GOLD.get(passageText.strip());
        assertThat(labels).as("gold labels of: " + passageText).isNotNull();
        return labels.stream().map(themeIris::get).collect(Collectors.toSet());
    }

    private static JsonObject status(String token) throws Exception {
        HttpResponse<String> response = app.get("/api/suggester", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static List<String> exacts(String documentId) throws Exception {
        return app.annotations(documentId, researcher).stream().map(a -> a.getString("exact")).toList();
    }

    private static String indexed(String filename, String text) throws Exception {
        return app.uploadIndexed(researcher, filename, text, "public");
    }
}
