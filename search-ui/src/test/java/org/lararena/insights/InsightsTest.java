package org.lararena.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.modules.LearningModule;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.ChangeNotices;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.web.Caller;
import org.lararena.testing.SettableClock;

/** Checking input, who sees drafts and quotes, and the read-only insights of the learning modules. */
class InsightsTest {

    private static final String SAMVERKAN = "https://w3id.org/lararena/tema/samverkan";
    private static final String KONTINUITET = "https://w3id.org/lararena/tema/kontinuitet";
    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));

    @TempDir
    Path folder;

    private Insights insights;

    /** Two passages: one in a public report, one in a restricted interview (readable by researchers only). */
    @BeforeEach
    void setUp() {
        Insights.PassageLookup lookup = (ids, caller) -> {
            Map<String, JsonObject> found = new LinkedHashMap<>();
            for (String id : ids) {
                if (id.equals("rapport-1")) {
                    found.put(id, new JsonObject().put("passageId", id).put("documentId", "rapport").put("title", "Rapport").put("text", "Vi möts varje vecka."));
                } else if (id.equals("intervju-1") && caller.isResearcher()) {
                    found.put(id, new JsonObject().put("passageId", id).put("documentId", "intervju").put("title", "Intervju")
                            .put("text", "Jag ringer henne direkt.").put("speaker", "Kajsa"));
                }
            }
            return found;
        };
        Map<String, String> labels = Map.of(SAMVERKAN, "Samverkan", KONTINUITET, "Kontinuitet");
        Insight fromModule = Insights.fromModule(new LearningModule.Insight("ur-modulen", "Ett påstående ur modulen. Med en förklaring.", List.of("Samverkan", "Okänt")),
                label -> labels.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst());
        insights = new Insights(stored(folder), List.of(fromModule), labels::containsKey, labels::get, lookup,
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC), Insights.DEFAULT_MAX_TEXT_CHARS);
    }

    /** The insight store of a single instance in {@code folder}. */
    static InsightStore stored(Path folder) {
        return new InsightStore(new CachedCollection<>(InsightStore.KIND.name(), new FileCollection(folder, "the insight", false),
                InsightStore.CODEC, ChangeNotices.NONE));
    }

    private static JsonObject body(String title, String text, List<String> themes, List<String> passages) {
        return new JsonObject().put("title", title).put("text", text).put("themes", new JsonArray(themes)).put("passages", new JsonArray(passages));
    }

    private static String detailOf(Runnable action) {
        try {
            action.run();
        } catch (LararenaException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.getMessage();
        }
        throw new AssertionError("expected a 400");
    }

    @Test
    void theSameSubmissionTwiceWithinTheWindowIsOneInsightAndLaterOrChangedItIsANewOne() {
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        SettableClock moving = new SettableClock(start);
        Insights repeating = new Insights(stored(folder.resolve("upprepat")), List.of(), Set.of(SAMVERKAN)::contains, iri -> "Samverkan",
                (ids, caller) -> Map.of(), moving, Insights.DEFAULT_MAX_TEXT_CHARS);
        JsonObject form = body("Korta möten räcker", "Varje vecka.", List.of(SAMVERKAN), List.of());
        Caller colleague = new Caller("kollega", Set.of(Caller.RESEARCHER), Optional.empty());

        Insight first = repeating.create(form.copy(), RESEARCHER);
        moving.advance(Duration.ofSeconds(2));
        Insight again = repeating.create(form.copy(), RESEARCHER);
        Insight changed = repeating.create(form.copy().put("text", "Varannan vecka."), RESEARCHER);
        Insight byAnother = repeating.create(form.copy(), colleague);
        moving.advance(Insights.REPEAT_WINDOW.minusSeconds(1));
        Insight later = repeating.create(form.copy(), RESEARCHER);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(List.of(changed.id(), byAnother.id(), later.id())).doesNotContain(first.id()).doesNotHaveDuplicates();
        assertThat(repeating.visible(RESEARCHER, Optional.empty())).hasSize(4);
    }

    @Test
    void aNewInsightIsADraftThatOnlyResearchersSeeUntilItIsPublished() {
        Insight draft = insights.create(body("Täta möten bär samverkan", "", List.of(SAMVERKAN), List.of("rapport-1")), RESEARCHER);

        assertThat(draft.status()).isEqualTo(Insight.Status.DRAFT);
        assertThat(insights.visible(PILOT, Optional.empty())).extracting(Insight::id).doesNotContain(draft.id());
        assertThatThrownBy(() -> insights.find(draft.id(), PILOT)).isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(404));

        insights.setStatus(draft.id(), Insight.Status.PUBLISHED, RESEARCHER);

        assertThat(insights.visible(Caller.ANONYMOUS, Optional.of(SAMVERKAN))).extracting(Insight::id).contains(draft.id());
        assertThat(insights.visible(Caller.ANONYMOUS, Optional.of(KONTINUITET))).extracting(Insight::id).doesNotContain(draft.id());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThat(detailOf(() -> insights.create(body("  ", "", List.of(), List.of()), RESEARCHER))).startsWith("title:");
        assertThat(detailOf(() -> insights.create(body("Ok", "x".repeat(Insights.DEFAULT_MAX_TEXT_CHARS + 1), List.of(), List.of()), RESEARCHER)))
                .startsWith("text:").contains(String.valueOf(Insights.DEFAULT_MAX_TEXT_CHARS));
        assertThat(detailOf(() -> insights.create(body("Ok", "", List.of("https://example.org/inget-tema"), List.of()), RESEARCHER)))
                .startsWith("themes:").contains("inget-tema");
        assertThat(detailOf(() -> insights.create(body("Ok", "", List.of(), List.of("finns-inte")), RESEARCHER)))
                .startsWith("passages:").contains("finns-inte");
        assertThat(detailOf(() -> insights.create(new JsonObject().put("title", "Ok").put("farg", "blå"), RESEARCHER))).startsWith("farg:");
        assertThat(detailOf(() -> insights.create(new JsonObject().put("title", "Ok").put("status", "hemlig"), RESEARCHER))).contains("status");
        assertThat(insights.visible(RESEARCHER, Optional.empty())).extracting(Insight::id).containsExactly("ur-modulen");
    }

    @Test
    void onlyResearchersWrite() {
        assertThatThrownBy(() -> insights.create(body("Ok", "", List.of(), List.of()), PILOT))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aQuoteFromAPassageTheReaderMayNotReadIsLeftOut() {
        Insight insight = insights.create(body("Direktkontakt", "", List.of(), List.of("intervju-1", "rapport-1")).put("status", "published"), RESEARCHER);

        JsonObject forResearcher = insights.toJson(insight, RESEARCHER);
        JsonObject forPilot = insights.toJson(insight, PILOT);

        assertThat(forResearcher.getJsonArray("quotes")).hasSize(2);
        assertThat(forPilot.getJsonArray("quotes")).hasSize(1);
        assertThat(forPilot.getJsonArray("passages").getList()).containsExactly("rapport-1");
        assertThat(forPilot.encode()).doesNotContain("intervju").doesNotContain("Kajsa").doesNotContain("createdBy");
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNames() {
        Insight insight = insights.create(body("Före", "Text som står kvar.", List.of(SAMVERKAN), List.of()), RESEARCHER);

        Insight changed = insights.update(insight.id(), new JsonObject().put("title", "Efter"), RESEARCHER);

        assertThat(changed.title()).isEqualTo("Efter");
        assertThat(changed.text()).isEqualTo("Text som står kvar.");
        assertThat(changed.themes()).containsExactly(SAMVERKAN);
        assertThat(detailOf(() -> insights.update(insight.id(), new JsonObject().put("title", ""), RESEARCHER))).startsWith("title:");
    }

    @Test
    void theLearningModulesInsightsArePublishedAndReadOnly() {
        Insight fromModule = insights.find("ur-modulen", Caller.ANONYMOUS);

        assertThat(fromModule.readOnly()).isTrue();
        assertThat(fromModule.title()).isEqualTo("Ett påstående ur modulen.");
        assertThat(fromModule.text()).isEqualTo("Med en förklaring.");
        assertThat(fromModule.themes()).as("a label the ontology does not know is dropped").containsExactly(SAMVERKAN);
        assertThatThrownBy(() -> insights.update("ur-modulen", new JsonObject().put("title", "Nytt"), RESEARCHER))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> insights.delete("ur-modulen", RESEARCHER)).isInstanceOf(LararenaException.class);
    }
}
