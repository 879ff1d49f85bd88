package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/**
 * Confidential interviews stay with the research group through every path: canary words planted only in a
 * restricted interview never reach a pilot, an attendee or an anonymous visitor from any endpoint or page, the
 * real names of a shared interview's speakers reach no one but researchers (also when an interview has a single
 * labelled line, or a subtitle voice that does not look like a label), and what the others see counts
 * exactly what the same queries count over the material they may read alone (a second and third application
 * that hold only that material).
 */
class ConfidentialityIT {

    /** Words that stand only in the restricted interview (and its title), in their written and folded forms. */
    private static final List<String> CANARIES = List.of("pärlugglan", "parluggla", "tranbärsvalvet", "tranbarsvalv",
            "gulsparvsmodellen", "gulsparvsmodell", "strandhäll", "strandhall");
    /** The real speaker names of the interview that pilots may read: pilots see pseudonyms only. */
    private static final List<String> SPEAKER_NAMES = List.of("ekvall", "lindvik", "hjortmark", "hjälmarö", "hjalmaro", "vivianne");
    /**
     * Names spoken inside that interview's turns (one a speaker's, "som Ekvall sa", is in {@link #SPEAKER_NAMES}): a
     * given name of the list after a title, and a surname no list has after "doktor". Only researchers read them.
     */
    private static final List<String> SPOKEN_NAMES = List.of("ingegärd", "ingegard", "tuvesson");
    private static final List<String> ORDINARY_QUERIES = List.of("samverkan", "kontinuitet", "vårdcentralen",
            "fast läkarkontakt", "\"samverkan mellan\"", "samverkan -kommunen", "");

    private static final String RESTRICTED_INTERVIEW = """
            INTERVJUARE: Hur fungerar samverkan mellan vårdcentralen och kommunen hos er?
            STRANDHÄLL: Vi kallar det gulsparvsmodellen. Pärlugglan, som vi säger, är vår fasta läkarkontakt som \
            följer patienten över tid, och i tranbärsvalvet samlar vi alla samordnade individuella planer.
            INTERVJUARE: Vad betyder kontinuiteten för patienterna?
            STRANDHÄLL: Kontinuitet är allt. Samverkan med kommunen blir lättare när samma sjuksköterska ringer varje vecka.
            """;
    private static final String PILOT_INTERVIEW = """
            INTERVJUARE: Hur ser samverkan ut mellan region och kommun i er pilot?
            EKVALL: Vi har ett samverkansforum varje månad och en fast läkarkontakt för de mest sjuka äldre. \
            Enligt sjuksköterskan Ingegärd är samverkan med doktor Tuvesson nyckeln.
            INTERVJUARE: Och vårdcentralen?
            LINDVIK: Vårdcentralen har kortat kön genom en väg in, men som Ekvall sa brister kontinuiteten när läkarna byts ut.
            """;
    /** The upload's fields for a text declared an interview ({@code type=intervju}) that pilots may read. */
    private static final Map<String, String> PILOT_INTERVIEW_FIELDS = Map.of("visibility", "pilot", "type", "intervju");
    /** Declared an interview at upload, with only one labelled line: too few for the text alone to show turns. */
    private static final String LONE_LABEL_INTERVIEW = """
            Samtal om hemtjänstens planering

            Samtalet hölls på vårdcentralen och handlade om hur hemtjänsten och distriktssköterskorna planerar veckan tillsammans.

            HJORTMARK: Vi ses varje måndag och går igenom vilka som behöver besök, då blir samverkan enklare.
            """;
    /** Subtitles whose voices are in lower case or have a lower-case particle: no label pattern matches them. */
    private static final String VOICED_SUBTITLES = """
            WEBVTT

            00:00:00.000 --> 00:00:04.000
            <v intervjuare>Hur planerar ni veckan i hemtjänsten?

            00:00:04.000 --> 00:00:09.000
            <v Vivianne von Hjälmarö>Vi går igenom listan över hembesök varje morgon.
            """;
    private static final String PUBLIC_REPORT = """
            Lägesrapport om nära vård

            Samverkan mellan kommun och region har utvecklats under året. Vårdcentralen och hemsjukvården har \
            gemensamma möten varje vecka, och fler patienter har fått en fast läkarkontakt. Kontinuiteten mäts \
            med nyckeltal som följs upp varje kvartal.

            Samverkan kring utskrivningsklara patienter fungerar bättre när ansvarsfördelningen är tydlig.
            """;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path publicOnlyDir;
    @TempDir
    static Path pilotMaterialDir;

    private static RunningApplication app;
    private static RunningApplication publicOnly;
    private static RunningApplication pilotMaterial;
    private static String researcher;
    private static String pilot;
    private static String attendee;
    private static String restrictedId;
    private static String pilotInterviewId;
    private static String publicId;
    private static String loneLabelId;
    private static String subtitlesId;

    @BeforeAll
    static void start() throws Exception {
        TestServices services = TestServices.get();
        researcher = services.accessToken("forskare", "forskare");
        pilot = services.accessToken("pilot", "pilot");
        attendee = services.accessToken("deltagare", "deltagare");
        app = RunningApplication.start(dataDir, Map.of());
        restrictedId = app.upload(researcher, "intervju-tranbarsvalvet.txt", RESTRICTED_INTERVIEW, "restricted");
        pilotInterviewId = app.upload(researcher, "intervju-samverkansforum.txt", PILOT_INTERVIEW, "pilot");
        publicId = app.upload(researcher, "lagesrapport-nara-vard.txt", PUBLIC_REPORT, "public");
        loneLabelId = app.upload(researcher, "samtal-hemtjanst.txt", LONE_LABEL_INTERVIEW, PILOT_INTERVIEW_FIELDS);
        subtitlesId = app.upload(researcher, "samtal-hemtjanst.vtt", VOICED_SUBTITLES, "pilot");
        for (String id : List.of(restrictedId, pilotInterviewId, publicId, loneLabelId, subtitlesId)) {
            app.awaitStatus(id, researcher, "indexed");
        }
        publicOnly = RunningApplication.start(publicOnlyDir, Map.of());
        publicOnly.awaitStatus(publicOnly.upload(researcher, "lagesrapport-nara-vard.txt", PUBLIC_REPORT, "public"), researcher, "indexed");
        pilotMaterial = RunningApplication.start(pilotMaterialDir, Map.of());
        pilotMaterial.awaitStatus(pilotMaterial.upload(researcher, "intervju-samverkansforum.txt", PILOT_INTERVIEW, "pilot"), researcher, "indexed");
        pilotMaterial.awaitStatus(pilotMaterial.upload(researcher, "lagesrapport-nara-vard.txt", PUBLIC_REPORT, "public"), researcher, "indexed");
        pilotMaterial.awaitStatus(pilotMaterial.upload(researcher, "samtal-hemtjanst.txt", LONE_LABEL_INTERVIEW, PILOT_INTERVIEW_FIELDS),
                researcher, "indexed");
        pilotMaterial.awaitStatus(pilotMaterial.upload(researcher, "samtal-hemtjanst.vtt", VOICED_SUBTITLES, "pilot"), researcher, "indexed");
    }

    @AfterAll
    static void stop() throws Exception {
        for (RunningApplication running : new RunningApplication[] {app, publicOnly, pilotMaterial}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void theResearcherFindsTheCanariesSoTheirAbsenceElsewhereMeansSomething() throws Exception {
        assertThat(total(app, "pärlugglan", researcher)).isEqualTo(1);
        assertThat(total(app, "tranbarsvalvet", researcher)).isEqualTo(1);
        assertThat(app.get("/api/documents/" + restrictedId + "/passages", researcher).body()).contains("Pärlugglan");
        assertThat(app.get("/api/documents/" + pilotInterviewId + "/passages", researcher).body()).containsIgnoringCase("ekvall");
    }

    @Test
    void aLoneSpeakerLabelAndAnUnusualVoiceAreSpeakersWithPseudonymsNotWordsOfThePassage() throws Exception {
        JsonArray forResearcher = new JsonArray(app.get("/api/documents/" + loneLabelId + "/passages", researcher).body());
        JsonArray forPilot = new JsonArray(app.get("/api/documents/" + loneLabelId + "/passages", pilot).body());
        JsonObject turn = forPilot.getJsonObject(forPilot.size() - 1);

        assertThat(forResearcher.getJsonObject(forResearcher.size() - 1).getString("speaker")).isEqualTo("HJORTMARK");
        assertThat(turn.getString("speaker")).isEqualTo("Respondent 1");
        assertThat(turn.getString("text")).startsWith("Vi ses varje måndag");
        JsonArray voiced = new JsonArray(app.get("/api/documents/" + subtitlesId + "/passages", pilot).body());
        assertThat(voiced.stream().map(passage -> ((JsonObject) passage).getString("speaker")).toList())
                .containsExactly("Intervjuare", "Respondent 1");
        assertThat(voiced.getJsonObject(1).getString("text")).isEqualTo("Vi går igenom listan över hembesök varje morgon.");
        assertThat(app.get("/api/documents/" + subtitlesId + "/passages", researcher).body()).contains("Vivianne von Hjälmarö");
    }

    @Test
    void namesSpokenInsideATurnAreReplacedForAPilotAndReadAsSpokenByResearchers() throws Exception {
        JsonArray forPilot = new JsonArray(app.get("/api/documents/" + pilotInterviewId + "/passages", pilot).body());
        String pilotTexts = forPilot.stream().map(passage -> ((JsonObject) passage).getString("text")).toList().toString();

        assertThat(pilotTexts).contains("Enligt sjuksköterskan [namn] är samverkan med doktor [namn] nyckeln.")
                .contains("som Respondent 1 sa brister kontinuiteten");
        assertThat(app.get("/api/search?q=" + encode("nyckeln"), pilot).body()).contains("[namn]").doesNotContain("Tuvesson");
        for (String path : List.of("/api/documents/" + pilotInterviewId + "/passages", "/api/search?q=" + encode("nyckeln"),
                "/api/documents/" + pilotInterviewId + "/annotations.jsonld",
                "/sparql?query=" + encode("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10000"))) {
            assertThat(app.get(path, researcher).body()).as("a researcher's GET %s", path).contains("Ingegärd", "Tuvesson");
        }
        for (String query : List.of("ingegärd", "Ingegard", "ingegerd", "tuvesson", "ingegerd~", "Ekvall")) {
            assertThat(total(app, query, pilot)).as("a pilot's search for the hidden name '%s' finds no passage through it", query).isZero();
        }
        assertThat(total(app, "ingegärd", researcher)).isEqualTo(1);
    }

    @Test
    void noResponseToAPilotAnAttendeeOrAnAnonymousVisitorContainsACanary() throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("pilot", pilot);
        callers.put("attendee", attendee);
        callers.put("anonymous", null);
        List<String> paths = everyPath();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (String path : paths) {
                HttpResponse<String> response = app.get(path, caller.getValue());
                String body = response.body().toLowerCase(Locale.ROOT);
                // A page shows the caller's own query back: that echo is theirs, every other canary must be absent.
                String asked = URLDecoder.decode(path, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                for (String canary : CANARIES.stream().filter(canary -> !asked.contains(canary)).toList()) {
                    assertThat(body).as("%s GET %s (%d) must not contain '%s'", caller.getKey(), path, response.statusCode(), canary)
                            .doesNotContain(canary);
                }
                for (String name : SPEAKER_NAMES.stream().filter(name -> !asked.contains(name)).toList()) {
                    assertThat(body).as("%s GET %s (%d) must not name the speaker '%s'", caller.getKey(), path, response.statusCode(), name)
                            .doesNotContain(name);
                }
                for (String name : SPOKEN_NAMES.stream().filter(name -> !asked.contains(name)).toList()) {
                    assertThat(body).as("%s GET %s (%d) must not contain the name '%s' spoken in a turn", caller.getKey(), path,
                            response.statusCode(), name).doesNotContain(name);
                }
                assertThat(response.statusCode()).as("%s GET %s", caller.getKey(), path).isLessThan(500);
            }
        }
    }

    @Test
    void whatARestrictedDocumentIsCannotBeLearnedFromItsAddresses() throws Exception {
        for (String token : new String[] {pilot, attendee}) {
            for (String suffix : List.of("", "/passages", "/original", "/annotations", "/annotations.jsonld")) {
                HttpResponse<String> response = app.get("/api/documents/" + restrictedId + suffix, token);
                assertThat(response.statusCode()).as("GET /api/documents/{restricted}%s", suffix).isEqualTo(404);
                assertThat(response.body()).as("the same answer as for an id that does not exist")
                        .isEqualTo(app.get("/api/documents/" + "0".repeat(restrictedId.length()) + suffix, token).body()
                                .replace("0".repeat(restrictedId.length()), restrictedId));
            }
        }
        for (String passageId : passageIds(restrictedId)) {
            assertThat(app.get("/api/passages/" + passageId + "/context", pilot).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theOriginalOfAnInterviewPilotsMayReadIsForResearchersOnlyAsItNamesTheSpeakers() throws Exception {
        HttpResponse<String> refused = app.get("/api/documents/" + pilotInterviewId + "/original", pilot);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(refused.body()).getString("detail")).contains("only researchers");
        assertThat(app.get("/api/documents/" + pilotInterviewId + "/passages", pilot).statusCode()).isEqualTo(200);
        assertThat(app.get("/api/documents/" + pilotInterviewId + "/original", researcher).body()).contains("EKVALL");
        assertThat(app.get("/api/documents/" + publicId + "/original", attendee).statusCode()).isEqualTo(200);
    }

    @Test
    void countsAndFacetsEqualThoseOverTheReadableMaterialAlone() throws Exception {
        // Both sides count themes alike: with the annotator's suggestions, and with reviewed codes only.
        for (String query : ORDINARY_QUERIES) {
            for (String suggestions : List.of("true", "false")) {
                String path = "/api/search?size=100&suggestions=" + suggestions + "&q=" + encode(query);
                assertThat(countsOf(app.get(path, attendee)))
                        .as("attendee, q=%s, suggestions=%s: as over public material only", query, suggestions)
                        .isEqualTo(countsOf(publicOnly.get(path, researcher)));
                assertThat(countsOf(app.get(path, pilot)))
                        .as("pilot, q=%s, suggestions=%s: as over pilot and public material only", query, suggestions)
                        .isEqualTo(countsOf(pilotMaterial.get(path, researcher)));
                String analysis = "/api/analysis?suggestions=" + suggestions + "&q=" + encode(query);
                assertThat(new JsonObject(app.get(analysis, pilot).body()))
                        .as("pilot's Analys, q=%s, suggestions=%s: as over pilot and public material only", query, suggestions)
                        .isEqualTo(new JsonObject(pilotMaterial.get(analysis, researcher).body()));
            }
        }
    }

    /** Every GET a non-researcher could send, with the ids and words that could lead to the interview. */
    private static List<String> everyPath() throws Exception {
        List<String> paths = new ArrayList<>();
        List<String> words = new ArrayList<>(List.of("pärlugglan", "parluggla", "tranbärsvalvet", "gulsparv", "strandhäll",
                "ekvall", "lindvik", "hjortmark", "hjälmarö", "vivianne", "ingegärd", "tuvesson", "nyckeln", "samverkan", "kontinuitet", "vårdcentralen", "*", "\"", "pärl*", "tranb~"));
        for (String word : words) {
            paths.add("/api/search?size=100&q=" + encode(word));
            paths.add("/sok?q=" + encode(word));
            paths.add("/api/suggest?q=" + encode(word.substring(0, Math.min(4, word.length()))));
            paths.add("/api/analysis?q=" + encode(word));
        }
        paths.add("/api/search?size=100&q=&speaker=respondent");
        paths.add("/api/search?size=100&q=&type=intervju");
        paths.add("/api/documents?size=100");
        paths.add("/api/themes");
        paths.add("/api/insights");
        // A published insight that quotes every passage of both interviews: non-researchers see only what they may read.
        String insightId = publishedInsightQuoting(List.of(restrictedId, pilotInterviewId, loneLabelId, subtitlesId));
        paths.add("/api/insights/" + insightId);
        paths.add("/insikter/" + insightId);
        paths.add("/api/insights?theme=" + encode("https://w3id.org/lararena/tema/samverkan"));
        paths.add("/api/ingest/events");
        paths.add("/dokument");
        paths.add("/moduler");
        paths.add("/insikter");
        paths.add("/analys");
        for (String id : List.of(restrictedId, pilotInterviewId, publicId, loneLabelId, subtitlesId)) {
            for (String suffix : List.of("", "/passages", "/original", "/annotations", "/annotations.jsonld")) {
                paths.add("/api/documents/" + id + suffix);
            }
            paths.add("/dokument/" + id);
            paths.add("/kodning/" + id);
            for (String passageId : passageIds(id)) {
                paths.add("/api/passages/" + passageId + "/context?before=20&after=20");
                paths.add("/api/passages/" + passageId + "/memos");
            }
        }
        for (String sparql : List.of("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10000",
                "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10000",
                "SELECT ?s ?p ?o FROM <urn:x-arq:UnionGraph> WHERE { ?s ?p ?o } LIMIT 10000",
                "SELECT ?s ?p ?o FROM <https://w3id.org/lararena/graph/document/" + restrictedId + "> WHERE { ?s ?p ?o }",
                "SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/lararena/graph/document/" + restrictedId + "> { ?s ?p ?o } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")) {
            paths.add("/sparql?query=" + encode(sparql));
        }
        return paths;
    }

    private static String publishedInsightQuoting(List<String> documentIds) throws Exception {
        JsonArray passages = new JsonArray();
        for (String documentId : documentIds) {
            passageIds(documentId).forEach(passages::add);
        }
        JsonObject insight = new JsonObject().put("title", "Samverkan i vardagen").put("passages", passages).put("status", "published");
        HttpResponse<String> created = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/insights"))
                .header("Authorization", "Bearer " + researcher).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(insight.encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new JsonObject(created.body()).getString("id");
    }

    /** The passage ids of a document, as a researcher sees them. */
    private static List<String> passageIds(String documentId) throws Exception {
        JsonArray passages = new JsonArray(app.get("/api/documents/" + documentId + "/passages", researcher).body());
        return passages.stream().map(passage -> ((JsonObject) passage).getString("id")).toList();
    }

    /** The total and the theme, pilot, type and year facet counts of a search response. */
    private static Map<String, Object> countsOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = new JsonObject(response.body());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", body.getLong("total"));
        JsonObject facets = body.getJsonObject("facets");
        for (String facet : List.of("theme", "pilot", "type", "year")) {
            Map<String, Integer> values = new LinkedHashMap<>();
            for (Object value : facets.getJsonArray(facet, new JsonArray())) {
                JsonObject entry = (JsonObject) value;
                values.put(entry.getString("iri", entry.getString("value")), entry.getInteger("count"));
            }
            counts.put(facet, values);
        }
        return counts;
    }

    private static long total(RunningApplication on, String query, String token) throws Exception {
        return new JsonObject(on.get("/api/search?q=" + encode(query), token).body()).getLong("total");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
