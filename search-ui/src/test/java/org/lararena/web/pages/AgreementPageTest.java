package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.agreement.Figure;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.teamcoding.AgreementEndpoint;
import org.lararena.web.Messages;

/**
 * Samstämmighet over real HTTP, in Swedish by default and in English on request: two researchers' coding of small
 * documents in an in-memory annotation store, with the shipped ontology's themes and concepts.
 */
class AgreementPageTest {

    private static final Caller FORSKARE = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final String PAGE = "/as/forskare/analys/samstammighet?coders=forskare,forskare2";

    @TempDir
    static Path folder;

    @AutoClose
    private static PageServer server;
    @AutoClose
    private static Dataset dataset;
    /** A concept (not a top theme) whose label and whose top theme's label differ in English. */
    private static Concept concept;
    private static Concept theme;

    @BeforeAll
    static void start() {
        Ontology ontology = OntologyLoader.shipped().snapshot();
        concept = ontology.concepts().stream().filter(c -> !c.isTop() && !c.labelEn().equals(c.labelSv()))
                .filter(c -> ontology.topTheme(c.iri()).filter(t -> !t.labelEn().equals(t.labelSv())).isPresent()).findFirst().orElseThrow();
        theme = ontology.topTheme(concept.iri()).orElseThrow();
        DocumentStore documents = new DocumentStore(folder.resolve("documents"));
        dataset = TDB2Factory.createDataset();
        AnnotationStore annotations = new RdfAnnotationStore(dataset);
        // forskare tags the first passage, forskare2 the second: they differ in both, and both are done.
        for (String id : List.of("rapport", "protokoll")) {
            List<PassageText> passages = document(documents, id, "rapport");
            annotations.addManual(id, passages.get(0), 0, 6, concept.iri(), ontology.version(), "forskare");
            StoredAnnotation second = annotations.addManual(id, passages.get(1), 0, 6, concept.iri(), ontology.version(), "forskare2");
            annotations.setCodingStatus(id, "forskare", CodingStatus.State.DONE);
            annotations.setCodingStatus(id, "forskare2", CodingStatus.State.DONE);
            if (id.equals("protokoll")) {
                annotations.settleConsensus(id, Set.of(second.id()), "forskare", "forskare2");
            }
        }
        // An interview forskare2 is done with and forskare still codes: blind to forskare.
        List<PassageText> interview = document(documents, "intervju", "intervju");
        annotations.addManual("intervju", interview.get(0), 0, 6, concept.iri(), ontology.version(), "forskare2");
        annotations.setCodingStatus("intervju", "forskare2", CodingStatus.State.DONE);
        annotations.setCodingStatus("intervju", "forskare", CodingStatus.State.IN_PROGRESS);
        // A note of one passage, coded with two concepts the team added, named so that Swedish and English order them apart.
        Codebook codebook = new Codebook(StoreTransactions.local(dataset), ontology, annotations, Clock.systemUTC());
        PassageText note = document(documents, "anteckning", "rapport", "Vi skrev en plan.").get(0);
        for (String[] coding : new String[][] {{"Ärendegång", "forskare"}, {"Åtgärdsplan", "forskare2"}}) {
            Concept added = codebook.add(theme.iri(), new ConceptDraft(coding[0], null, "Ett begrepp för provet.", List.of(), null, null), "forskare");
            annotations.addManual("anteckning", note, 0, 6, added.iri(), ontology.version(), coding[1]);
            annotations.setCodingStatus("anteckning", coding[1], CodingStatus.State.DONE);
        }

        server = PageServer.start((vertx, router) -> new AgreementPage(new RequestWork(vertx, 2, Duration.ofSeconds(10)), documents,
                annotations, ontology).addRoutes(router), FORSKARE);
    }

    /** A document of three passages, stored with its passages. */
    private static List<PassageText> document(DocumentStore documents, String id, String type) {
        return document(documents, id, type, "Vi ses varje tisdag.", "Mötena ger trygghet.", "Telefonen ringer.");
    }

    /** A document of these passages, stored with them. */
    private static List<PassageText> document(DocumentStore documents, String id, String type, String... texts) {
        documents.create(new DocumentRecord(id, id + ".txt", "Dokumentet " + id, type, "Värmland", null, Visibility.RESTRICTED, "0".repeat(64), 1,
                "forskare", Instant.now(), DocumentStatus.INDEXED, null, null, texts.length, "sv"));
        List<PassageText> passages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            passages.add(new PassageText(id + "-" + i, texts[i]));
        }
        JsonArray json = new JsonArray();
        for (int i = 0; i < passages.size(); i++) {
            json.add(new JsonObject().put("ordinal", i).put("text", passages.get(i).text()));
        }
        documents.savePassages(id, new JsonObject().put("passages", json));
        return passages;
    }

    @Test
    void theFiguresTheDifferencesAndTheFormAreInSwedishByDefaultAndInEnglishOnRequestLabelsIncluded() throws Exception {
        String swedish = page(PAGE + "&documents=rapport&level=theme");
        String english = page(PAGE + "&documents=rapport&level=theme&lang=en");

        assertThat(swedish).contains("<h1>Samstämmighet</h1>", "<legend>Dokument</legend>", ">Kodare (kommaseparerade; annotator är maskinen)<",
                        ">Jämför</button>", "<h2>Per tema (3 passager)</h2>", "<th>Tema</th><th>α</th><th>Andel lika</th><th>κ forskare/forskare2</th>",
                        "<th>Läsning</th>", "<th scope=\"row\">" + theme.labelSv() + "</th>", "otillförlitlig: kodarna behöver enas om begreppet",
                        "kan inte beräknas", "<th scope=\"row\">Alla</th>", "Ingen konsensus ännu.", "<th>Konsensus</th><th>Vems kodning står</th>",
                        "<li>" + concept.labelSv() + ": ”Vi ses”</li>", "> ingen</label>", ">Anta forskare2s kodning som konsensus</button>",
                        ">Spara konsensus passage för passage</button>")
                .doesNotContain("Agreement between coders", ">" + theme.labelEn() + "<", concept.labelEn() + ":");
        assertThat(english).contains("<h1>Agreement between coders</h1>", "<legend>Documents</legend>",
                        ">Coders (separated by commas; annotator is the machine)<", ">Level<", ">Themes</option>", ">Concepts</option>", ">Compare</button>",
                        "<h2>By theme (3 passages)</h2>", "<th>Theme</th><th>α</th><th>Share coded alike</th><th>κ forskare/forskare2</th>",
                        "<th>Interpretation</th>", "<th scope=\"row\">" + theme.labelEn() + "</th>",
                        "unreliable: the coders need to agree on the concept", "cannot be computed", "<th scope=\"row\">Overall</th>", "No consensus yet.",
                        "<th>Consensus</th><th>Whose coding stands</th>", "<li>" + concept.labelEn() + ": “Vi ses”</li>", "> none</label>",
                        ">Adopt forskare2's coding as the consensus</button>", ">Save the consensus passage by passage</button>")
                .doesNotContain("Samstämmighet", "Andel lika", "Läsning", "begreppet", "konsensus", ">" + theme.labelSv() + "<", concept.labelSv() + ":");
    }

    @Test
    void theConsensusInForceTheBlindNoteAndTheScriptsTextsAreInTheReadersLanguage() throws Exception {
        String swedish = page(PAGE + "&documents=protokoll&documents=intervju&level=concept");
        String english = page(PAGE + "&documents=protokoll&documents=intervju&level=concept&lang=en");

        assertThat(swedish).contains("<h2>Per begrepp (6 passager)</h2>", "<th>Begrepp</th>", "<th scope=\"row\">" + concept.labelSv() + "</th>",
                "Gällande konsensus: forskare2s kodning, satt av forskare ",
                "Du kodar dokumentet blint: markera det som klart i Kodning för att se kollegornas kodning och skriva konsensus.");
        assertThat(english).contains("<h2>By concept (6 passages)</h2>", "<th>Concept</th>", "<th scope=\"row\">" + concept.labelEn() + "</th>",
                "Consensus in force: forskare2's coding, set by forskare on ",
                "You are coding this document blind: mark it as done in Coding to see your colleagues' coding and to write the consensus.");

        // agreement.js writes its status texts from the texts the page embeds.
        JsonObject swedishScript = scriptTexts(swedish);
        JsonObject englishScript = scriptTexts(english);
        assertThat(swedishScript.getString("agreement.pick")).isEqualTo("Välj vems kodning som står (eller ingen) i passage {0}.");
        assertThat(englishScript.getString("agreement.pick")).isEqualTo("Choose whose coding stands (or none) in passage {0}.");
        assertThat(englishScript.getString("agreement.adopted")).isEqualTo("{0}'s coding");
        assertThat(englishScript.getString("agreement.byPassage")).isEqualTo("written passage by passage");
        assertThat(englishScript.getString("agreement.failed")).isEqualTo("That did not work: {0}");
    }

    @Test
    void theScriptsCountsHaveAFormForOneAndOneForMore() throws Exception {
        JsonObject swedish = scriptTexts(page(PAGE + "&documents=rapport"));
        JsonObject english = scriptTexts(page(PAGE + "&documents=rapport&lang=en"));

        // agreement.js says how many annotations the consensus has; annotations.js and coding.js count them too.
        assertThat(swedish.getString("agreement.saved.one")).isEqualTo("Konsensus: {0} ({1} annotering) av {2}.");
        assertThat(swedish.getString("agreement.saved.many")).isEqualTo("Konsensus: {0} ({1} annoteringar) av {2}.");
        assertThat(english.getString("agreement.saved.one")).isEqualTo("Consensus: {0} ({1} annotation) by {2}.");
        assertThat(english.getString("agreement.saved.many")).isEqualTo("Consensus: {0} ({1} annotations) by {2}.");
        assertThat(swedish.getString("count.one")).isEqualTo("{0} annotering");
        assertThat(swedish.getString("count.many")).isEqualTo("{0} annoteringar");
        assertThat(english.getString("count.one")).isEqualTo("{0} annotation");
        assertThat(english.getString("count.many")).isEqualTo("{0} annotations");
        assertThat(swedish.getString("bulk.one")).isEqualTo("{0} annotering fick status {1}.");
        assertThat(swedish.getString("bulk.many")).isEqualTo("{0} annoteringar fick status {1}.");
        assertThat(english.getString("bulk.one")).isEqualTo("{0} annotation set to {1}.");
        assertThat(english.getString("bulk.many")).isEqualTo("{0} annotations set to {1}.");
    }

    @Test
    void aReportOfOnePassageSaysSoAndConceptsComeInTheOrderOfTheReadersLanguage() throws Exception {
        String swedish = page(PAGE + "&documents=anteckning&level=concept");
        String english = page(PAGE + "&documents=anteckning&level=concept&lang=en");

        assertThat(swedish).contains("<h2>Per begrepp (1 passage)</h2>");
        assertThat(english).contains("<h2>By concept (1 passage)</h2>");
        // Swedish puts å before ä, both after z; English reads them as a's.
        assertThat(swedish.indexOf("<th scope=\"row\">Åtgärdsplan</th>")).isPositive().isLessThan(swedish.indexOf("<th scope=\"row\">Ärendegång</th>"));
        assertThat(english.indexOf("<th scope=\"row\">Ärendegång</th>")).isPositive().isLessThan(english.indexOf("<th scope=\"row\">Åtgärdsplan</th>"));
    }

    @Test
    void aFigureThatCannotBeComputedSaysWhyInTheReadersLanguage() throws Exception {
        // Nobody applied the other themes: no variation, and no span for alphaU.
        String themesSv = page(PAGE + "&documents=rapport&level=theme");
        String themesEn = page(PAGE + "&documents=rapport&level=theme&lang=en");
        // forskare still codes the interview: no passage has values from both, no document both have marked done.
        String blindSv = page(PAGE + "&documents=intervju&level=concept");
        String blindEn = page(PAGE + "&documents=intervju&level=concept&lang=en");

        // A dash that opens to the reason: a screen reader reads "no figure" for it, then the reason.
        String sv = "ingen siffra, visa varför ";
        String en = "no figure, show why ";
        assertThat(cellsRead(themesSv)).contains(sv + "ingen variation: alla kodare gav varje passage samma värde",
                sv + "ingen kodare använde det i de dokument som alla kodare har markerat som klara");
        assertThat(cellsRead(blindSv)).contains(sv + "ingen passage har värden från två kodare (har fler än en kodare markerat sina dokument som klara?)",
                sv + "ingen passage i ett dokument som båda kodarna har markerat som klart", sv + "inget dokument som alla kodare har markerat som klart");
        assertThat(themesSv).contains("<td><details class=\"no-figure\"><summary title=\"ingen variation: alla kodare gav varje passage samma värde\">"
                + "<span aria-hidden=\"true\">–</span>");
        for (String swedish : List.of(themesSv, blindSv)) {
            assertThat(swedish).doesNotContain("no variation", "no passage", "no document", "no coder");
        }
        assertThat(cellsRead(themesEn)).contains(en + "no variation: every coder gave every passage the same value",
                en + "no coder applied it in the documents every coder has marked done");
        assertThat(cellsRead(blindEn)).contains(en + "no passage in a document both coders have marked done", en + "no document every coder has marked done");
    }

    /** What a screen reader reads in each cell of the page's tables: the cell's text, less what is hidden from it (aria-hidden). */
    private static List<String> cellsRead(String page) {
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(page);
        while (cell.find()) {
            cells.add(cell.group(1).replaceAll("<(\\w+)[^>]*aria-hidden=\"true\"[^>]*>.*?</\\1>", "").replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ").strip());
        }
        return cells;
    }

    @Test
    void everyReasonHasItsWordsInBothBundlesTheEnglishBeingTheApis() {
        for (Figure.Reason cause : Figure.Reason.values()) {
            Figure none = cause == Figure.Reason.TOO_MANY_SPANS ? Figure.none(cause, 3, 2) : Figure.none(cause);
            assertThat(AgreementPage.reason(none, Messages.ENGLISH)).as(cause.code()).isEqualTo(none.reason());
            assertThat(AgreementPage.reason(none, Messages.SWEDISH)).as(cause.code()).doesNotContain("agreement.reason", "{")
                    .isNotEqualTo(none.reason());
        }
        assertThat(AgreementPage.reason(Figure.none(Figure.Reason.TOO_MANY_SPANS, 3, 2), Messages.SWEDISH))
                .isEqualTo("3 markeringar: αU beräknas för högst 2; välj färre dokument eller kodare");
    }

    @Test
    void theApiGivesEachReadingInTheWordsOfTheSwedishPage() {
        assertThat(Arrays.stream(AgreementEndpoint.Reading.values()).map(AgreementEndpoint.Reading::swedish)).containsExactly(
                "kan inte beräknas", "tillförlitlig", "preliminär: räcker för försiktiga slutsatser", "otillförlitlig: kodarna behöver enas om begreppet");
    }

    /** The texts for the page's scripts, as the page embeds them. */
    private static JsonObject scriptTexts(String page) {
        String start = "<script type=\"application/json\" id=\"messages\">";
        assertThat(page).contains(start);
        String from = page.substring(page.indexOf(start) + start.length());
        return new JsonObject(from.substring(0, from.indexOf("</script>")));
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
