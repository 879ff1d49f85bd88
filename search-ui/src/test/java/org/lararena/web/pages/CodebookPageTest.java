package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.codebook.CodebookActions;
import org.lararena.codebook.SynonymProposals;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.codebook.ConceptDraft;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Html;

/**
 * Kodbok over real HTTP as a researcher reads it, in Swedish by default and in English on request, over a codebook of
 * its own (the shipped ontology, Jena in memory) with changes in its log and a synonym the team's coding proposes.
 */
class CodebookPageTest {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());

    @TempDir
    static Path folder;

    @AutoClose
    private static PageServer server;
    private static Concept theme;
    private static Concept narrower;
    private static String homeVisits;
    /** The concept merged into Hembesök. */
    private static String atHome;

    @BeforeAll
    static void start() {
        Ontology own = OntologyLoader.shipped().snapshot();
        theme = own.topThemes().get(0);
        narrower = own.require(theme.narrower().get(0));
        Dataset dataset = TDB2Factory.createDataset();
        RdfAnnotationStore annotations = new RdfAnnotationStore(dataset);
        // The team has often tagged "vårdlotsen" with the theme by hand: a synonym the page proposes.
        SuggesterModel learned = SuggesterModel.fromJson(SuggesterModel.DICTIONARY_ONLY.toJson().put("version", 1).put("learned", new JsonArray()
                .add(new JsonObject().put("concept", theme.iri()).put("topTheme", theme.iri()).put("label", "vårdlotsen").put("passages", 3))));
        CodebookActions actions = new CodebookActions(new Codebook(StoreTransactions.local(dataset), own, annotations, Clock.systemUTC()), annotations,
                new AuditLog(new FileCollection(folder.resolve("audit"), "the audit entry", false)), (document, passages) -> { }, () -> { },
                new SynonymProposals(() -> own, () -> learned, folder.resolve("rejected-proposals.json")));
        // The log's kinds of entry, as the codebook words them: an addition, an edit with a move, a merge, a deprecation.
        homeVisits = actions.add(RESEARCHER, theme.iri(), draft("Hembesök", "Home visits")).getJsonObject("concept").getString("id");
        actions.edit(RESEARCHER, CodebookActions.iri(homeVisits), new ConceptDraft(null, null, null, null, "#1f77b4", narrower.iri()));
        String atHomeIri = actions.add(RESEARCHER, theme.iri(), draft("Hemma", null)).getJsonObject("concept").getString("iri");
        atHome = CodebookActions.id(atHomeIri);
        actions.merge(RESEARCHER, atHomeIri, CodebookActions.iri(homeVisits));
        String evening = actions.add(RESEARCHER, theme.iri(), draft("Kvällsbesök", null)).getJsonObject("concept").getString("iri");
        actions.deprecate(RESEARCHER, evening);
        // One passage tagged Hembesök: one annotation gives it the theme.
        annotations.addManual("besok", new PassageText("besok-0", "Vi gjorde ett hembesök."), 3, 22, CodebookActions.iri(homeVisits),
                own.version(), "forskare");

        server = PageServer.withSessions((vertx, router) -> new CodebookPage(new RequestWork(vertx, 2, Duration.ofSeconds(10)), actions)
                .addRoutes(router), RESEARCHER);
    }

    private static ConceptDraft draft(String labelSv, String labelEn) {
        return new ConceptDraft(labelSv, labelEn, "Ett begrepp för provet.", List.of(), null, null);
    }

    @Test
    void theCodebookIsInSwedishByDefaultAndInEnglishOnRequestItsConceptsAndLogToo() throws Exception {
        assertThat(theme.labelEn()).as("the shipped ontology's first top theme has its own English label").isNotEqualTo(theme.labelSv());
        String chosen = "/kodbok?begrepp=" + homeVisits + "&sparat=7";
        String swedish = server.visitor().get(chosen).body();
        String english = server.visitor().get(chosen + "&lang=en").body();
        String themeSv = Html.text(theme.labelSv());
        String narrowerSv = Html.text(narrower.labelSv());

        assertThat(swedish).contains("<h1>Kodbok</h1>", "Ändringen är sparad: ontologin har nu version 7.", Html.text(CodebookActions.LABELS_NOTICE),
                "<h2 id=\"valt-rubrik\">Hembesök</h2>", "Svensk etikett", "Spara ändringen", "Låt begreppet utgå", "<option value=\"\">Välj…</option>",
                "Begreppsträd", ">" + themeSv + "</a>", "<span class=\"badge\">utgått</span>",
                "”vårdlotsen” som synonym till " + themeSv, "aria-label=\"Godta ”vårdlotsen” som synonym till " + themeSv + "\">Godta</button>",
                "Ändringslogg", "forskare lade till ”Hembesök” under ”" + themeSv + "” (version ",
                "forskare ändrade färg för ”Hembesök” och flyttade det under ”" + narrowerSv + "”", "forskare slog ihop ”Hemma” med ”Hembesök”",
                "forskare lät ”Kvällsbesök” utgå");
        assertThat(english).contains("<h1>Codebook</h1>", "The change is saved: the ontology is now at version 7.",
                "in the background at the next start", "<h2 id=\"valt-rubrik\">Home visits</h2>", "Swedish label", "English label (optional)",
                "Save the change", "Deprecate the concept", "<option value=\"\">Choose…</option>", "Concept tree",
                ">" + Html.text(theme.labelEn()) + "</a>", "\u2003" + Html.text(narrower.labelEn()) + "</option>", "<span class=\"badge\">deprecated</span>",
                "“vårdlotsen” as a synonym of " + Html.text(theme.labelEn()), "(coded in 3 passages)",
                "aria-label=\"Reject “vårdlotsen” as a synonym of " + Html.text(theme.labelEn()) + "\">Reject</button>",
                // The log in English names the concepts by their English labels (a concept without one by its Swedish label).
                "Change log", "forskare added “Home visits” under “" + Html.text(theme.labelEn()) + "” (version ",
                "forskare edited “Home visits” (colour) and moved it under “" + Html.text(narrower.labelEn()) + "”",
                "forskare merged “Hemma” into “Home visits”", "forskare deprecated “Kvällsbesök”")
                .doesNotContain("Begreppsträd", "Spara ändringen", "Välj…", ">" + themeSv + "</a>", "lade till", "slog ihop", "lät ”", "Nya etiketter");
        // The edit form's label fields hold the labels themselves, in both languages.
        assertThat(english).contains("name=\"labelSv\" type=\"text\" required maxlength=\"200\" value=\"Hembesök\"",
                "name=\"labelEn\" type=\"text\" maxlength=\"200\" lang=\"en\" value=\"Home visits\"");
    }

    @Test
    void aConceptsAnnotationsAreCountedInTheSingularForOne() throws Exception {
        String one = "/kodbok?begrepp=" + homeVisits;
        String none = "/kodbok?begrepp=" + atHome;

        assertThat(server.visitor().get(one).body()).contains("<p>1 annotering ger passager detta tema.</p>").doesNotContain("1 annoteringar");
        assertThat(server.visitor().get(one + "&lang=en").body()).contains("<p>1 annotation gives passages this theme.</p>");
        assertThat(server.visitor().get(none).body()).contains("<p>0 annoteringar ger passager detta tema.</p>");
        assertThat(server.visitor().get(none + "&lang=en").body()).contains("<p>0 annotations give passages this theme.</p>");
    }

    @Test
    void aMergedConceptNamesTheConceptItWasMergedIntoByItsLabelInTheReadersLanguage() throws Exception {
        String merged = "/kodbok?begrepp=" + atHome;

        assertThat(server.visitor().get(merged).body()).contains("<h2 id=\"valt-rubrik\">Hemma</h2>", "det är ihopslaget med Hembesök.")
                .doesNotContain("ihopslaget med " + homeVisits);
        assertThat(server.visitor().get(merged + "&lang=en").body()).contains("it was merged into Home visits.")
                .doesNotContain("merged into " + homeVisits);
    }

    @Test
    void aRefusedChangeSaysWhyInTheReadersLanguage() throws Exception {
        String move = "/kodbok/begrepp/" + homeVisits + "/flytta";

        HttpResponse<String> swedish = server.visitor().post(move, "");
        HttpResponse<String> english = server.visitor().post(move + "?lang=en", "");

        assertThat(swedish.statusCode()).isEqualTo(400);
        assertThat(swedish.body()).contains("Ändringen gjordes inte: Välj det begrepp det ska flyttas till.", "<h3>Flytta</h3>");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("The change was not made: Choose the concept to move it under.", "<h3>Move</h3>")
                .doesNotContain("Flytta");
    }
}
