package org.lararena.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.web.Caller;

/**
 * An annotation on a turn that names its speaker and a colleague, in the real annotation store: through SPARQL a pilot
 * reads its quote, prefix and suffix with the names replaced and cannot probe for them; a researcher reads them as spoken.
 */
class SparqlSpokenNamesTest {

    private static final String OA = "PREFIX oa: <http://www.w3.org/ns/oa#> ";
    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
    private static final String TURN = "Som Kajsa sa till Gunnel Ek var samverkan med kommunen det viktigaste för Kajsas enhet.";

    @TempDir
    static Path dir;

    private static SparqlService sparql;

    @BeforeAll
    static void setUp() {
        Dataset dataset = TDB2Factory.createDataset();
        RdfAnnotationStore annotations = new RdfAnnotationStore(dataset);
        DocumentStore documents = new DocumentStore(dir.resolve("documents"));
        documents.create(new DocumentRecord("intervju", "intervju.txt", "Intervju", "intervju", "Värmland", null, Visibility.PILOT,
                "0".repeat(64), 1, "anna.lindqvist", Instant.now(), DocumentStatus.INDEXED, null, null, 1, "sv"));
        documents.savePassages("intervju", new JsonObject().put("passages", new JsonArray()
                .add(new JsonObject().put("ordinal", 0).put("speaker", "INTERVJUARE").put("text", "Vad var viktigast?"))
                .add(new JsonObject().put("ordinal", 1).put("speaker", "KAJSA").put("text", TURN))));
        int start = TURN.indexOf("samverkan");
        annotations.addManual("intervju", new PassageText("intervju-1", TURN), start, start + "samverkan".length(),
                LAR.BASE + "tema/samverkan", "v1", "anna.lindqvist");
        // A suggestion on the same turn: it derives its quote from the passage's text, which the store keeps.
        int kommunen = TURN.indexOf("kommunen");
        annotations.storeAutomatic("intervju", "v1", List.of(new AnnotationStore.PassageSuggestions(new PassageText("intervju-1", TURN),
                List.of(new Suggestion(LAR.BASE + "tema/samverkan", LAR.BASE + "tema/samverkan", kommunen, kommunen + "kommunen".length(),
                        "kommunen", "kommun", 0.7)))));
        sparql = new SparqlService(StoreTransactions.local(dataset), ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofSeconds(60), 1000));
    }

    @Test
    void aPilotReadsTheQuoteWithTheNamesReplaced() {
        String quote = text(OA + "SELECT ?exact ?prefix ?suffix { ?q oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix }", PILOT);

        assertThat(quote).doesNotContain("Kajsa", "Gunnel").contains("samverkan", "Respondent 1", "[namn]");
        assertThat(text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", PILOT)).doesNotContain("Kajsa", "Gunnel");
        assertThat(text(OA + "SELECT ?prefix { ?q oa:prefix ?prefix }", RESEARCHER)).contains("Kajsa", "Gunnel");
    }

    @Test
    void aPilotReadsThePassageTextSuggestionsQuoteWithTheNamesReplaced() {
        String passageText = text("SELECT ?text { ?passage <" + LAR.text.getURI() + "> ?text }", PILOT);

        assertThat(passageText).contains("samverkan med kommunen").doesNotContain("Kajsa", "Gunnel");
        assertThat(text("SELECT ?text { ?passage <" + LAR.text.getURI() + "> ?text }", RESEARCHER)).contains("Kajsa", "Gunnel");
        assertThat(ask("ASK { ?passage <" + LAR.text.getURI() + "> ?t FILTER(CONTAINS(?t, \"Gunnel\")) }", PILOT)).isFalse();
        assertThat(ask("ASK { ?passage <" + LAR.text.getURI() + "> \"" + TURN + "\" }", PILOT)).as("probing with the whole text").isFalse();
    }

    @Test
    void aPilotCannotProbeForASpokenName() {
        for (String probe : List.of("ASK { ?q oa:prefix ?p FILTER(CONTAINS(?p, \"Kajsa\")) }",
                "ASK { ?q oa:prefix \"Som Kajsa sa till Gunnel Ek var \" }")) {
            assertThat(ask(OA + probe, PILOT)).as(probe).isFalse();
            assertThat(ask(OA + probe, RESEARCHER)).as("the researcher's answer to " + probe).isTrue();
        }
    }

    private static String text(String query, Caller caller) {
        return new String(sparql.query(query, caller, null).body(), StandardCharsets.UTF_8);
    }

    private static boolean ask(String query, Caller caller) {
        return new JsonObject(text(query, caller)).getBoolean("boolean");
    }
}
