package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Codebook proposals on the real servers: words a researcher tags by hand with a concept in several passages, where
 * the annotator found nothing of its theme, are proposed as synonyms once the suggester has learned from the tags;
 * an accepted one becomes a synonym of the concept (a codebook change, offered in the type-ahead) and a rejected one
 * is not proposed again, not even after the next training.
 */
// Only the explicit trainings of this test: the background one waits an hour after the last decision. Its few
// passages hold out only a couple, so any held-out part and a model not worse than the dictionary will do.
@WithApplication(settings = {"LARARENA_SUGGESTER_RETRAIN_AFTER_SECONDS=3600", "LARARENA_SUGGESTER_MIN_HELD_OUT_PASSAGES=1",
        "LARARENA_SUGGESTER_MARGIN_F1_POINTS=0"})
class CodebookProposalsIT {

    private static final String SAMVERKAN = LAR.BASE + "tema/samverkan";
    /** Our own coinages: no label or synonym of the codebook covers them, and no other test's text holds them. */
    private static final String ACCEPTED_TERM = "hemmaträffen";
    private static final String REJECTED_TERM = "kvartersfikat";
    /** One document each (one passage each), so the training's held-out share leaves some of them to learn from. */
    private static final List<String> NOTES = List.of(
            "På hemmaträffen i Fiskeby och vid kvartersfikat talade de boende om hur vardagen har blivit.",
            "Hemmaträffen samlade grannar och personal, och kvartersfikat efteråt gav fler frågor än svar.",
            "Inför hemmaträffen skickades en inbjudan; kvartersfikat lockade dem som inte kom dit.",
            "Efter hemmaträffen bestämdes att kvartersfikat ska hållas varje månad i lokalen vid torget.",
            "Personalen berättade om hemmaträffen och om kvartersfikat för dem som var nya i området.",
            "Till hemmaträffen kom fler än väntat, och kvartersfikat fick flytta till en större lokal.",
            "Hemmaträffen och kvartersfikat nämndes när vi frågade vad som gör att de boende hör av sig.",
            "Både hemmaträffen och kvartersfikat har fortsatt sedan i våras, enligt anteckningarna.");

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("admin")
    private static String admin;

    @Test
    void wordsTaggedByHandAreProposedAnAcceptedOneJoinsTheCodebookAndARejectedOneStaysAway() throws Exception {
        List<RunningApplication.Upload> files = new ArrayList<>();
        for (int i = 0; i < NOTES.size(); i++) {
            files.add(new RunningApplication.Upload("hemmatraff-" + i + ".txt", "text/plain", NOTES.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> uploaded = app.postFiles(researcher, files, "public");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        for (Object document : new JsonArray(uploaded.body())) {
            String documentId = ((JsonObject) document).getString("id");
            app.awaitStatus(documentId, researcher, "indexed");
            // Every suggestion accepted: the training's held-out passages carry the team's themes.
            app.acceptSuggestions(documentId, researcher);
            for (JsonObject passage : objects(new JsonArray(app.get("/api/documents/" + documentId + "/passages", researcher).body()))) {
                tag(documentId, passage, ACCEPTED_TERM);
                tag(documentId, passage, REJECTED_TERM);
            }
        }
        assertThat(proposal(ACCEPTED_TERM)).as("nothing is proposed before the suggester learns from the tags").isEmpty();

        train();
        String proposed = proposals();
        JsonObject accepted = proposal(ACCEPTED_TERM).orElseThrow(() -> new AssertionError("not proposed: " + proposed));
        JsonObject rejected = proposal(REJECTED_TERM).orElseThrow(() -> new AssertionError("not proposed: " + proposed));
        assertThat(accepted.getJsonObject("concept").getString("iri")).isEqualTo(SAMVERKAN);
        assertThat(accepted.getInteger("passages")).as("tagged in several passages").isGreaterThanOrEqualTo(2);
        String versionBefore = new JsonObject(app.get("/api/codebook", researcher).body()).getString("version");

        HttpResponse<String> accepting = app.send("POST", "/api/codebook/proposals/" + accepted.getString("id") + "/accept", null, researcher);
        assertThat(accepting.statusCode()).as(accepting.body()).isEqualTo(200);
        JsonObject changed = new JsonObject(accepting.body());
        assertThat(changed.getJsonObject("concept").getJsonArray("synonyms").stream().map(s -> ((String) s).toLowerCase(Locale.ROOT)))
                .as("the term is a synonym of the concept").contains(ACCEPTED_TERM);
        assertThat(changed.getString("version")).as("the codebook's version moves").isNotEqualTo(versionBefore);
        assertThat(objects(new JsonArray(app.get("/api/codebook/changes", researcher).body())).get(0).getString("user")).isEqualTo("forskare");
        assertThat(objects(new JsonArray(app.get("/api/concepts?q=hemmaträ", researcher).body())))
                .as("Kodning's type-ahead offers the concept by its new synonym").extracting(c -> c.getString("iri")).contains(SAMVERKAN);

        HttpResponse<String> rejecting = app.send("POST", "/api/codebook/proposals/" + rejected.getString("id") + "/reject", null, researcher);
        assertThat(rejecting.statusCode()).as(rejecting.body()).isEqualTo(200);
        String versionAfterAccept = new JsonObject(app.get("/api/codebook", researcher).body()).getString("version");
        assertThat(changed.getString("version")).as("a rejection changes nothing in the codebook").isEqualTo(versionAfterAccept);
        assertThat(proposals()).as("neither the accepted nor the rejected term is open").doesNotContain(ACCEPTED_TERM).doesNotContain(REJECTED_TERM);
        assertThat(app.send("POST", "/api/codebook/proposals/" + rejected.getString("id") + "/accept", null, researcher).statusCode())
                .as("a rejected proposal cannot be accepted afterwards").isEqualTo(404);

        train();
        assertThat(proposal(REJECTED_TERM)).as("the next training does not bring the rejected term back").isEmpty();
    }

    /** A manual tag of the first {@code term} in the passage (any case) with Samverkan. */
    private static void tag(String documentId, JsonObject passage, String term) throws Exception {
        String text = passage.getString("text");
        int start = text.toLowerCase(Locale.ROOT).indexOf(term);
        assertThat(start).as(term + " in " + text).isNotNegative();
        // Offsets are code points; these texts hold none outside the Basic Multilingual Plane.
        HttpResponse<String> tagged = app.send("POST", "/api/documents/" + documentId + "/annotations", new JsonObject()
                .put("passageId", passage.getString("id")).put("start", start).put("end", start + term.length()).put("concept", SAMVERKAN).encode(),
                researcher);
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(201);
    }

    /** An admin trains the suggester on the decisions so far; the model must be put in service for its terms to count. */
    private static void train() throws Exception {
        // The request waits for the training (eleven models, see SuggesterIT): more than the usual 30 s on a busy machine.
        HttpResponse<String> trained = app.send("POST", "/api/admin/suggester/train", null, admin, Duration.ofMinutes(3));
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
        assertThat(new JsonObject(trained.body()).getJsonObject("lastTraining").getBoolean("inService")).as("in service: " + trained.body()).isTrue();
    }

    private static String proposals() throws Exception {
        HttpResponse<String> listed = app.get("/api/codebook/proposals", researcher);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return listed.body();
    }

    /** The open proposal of {@code term}, when there is one. */
    private static Optional<JsonObject> proposal(String term) throws Exception {
        return objects(new JsonObject(proposals()).getJsonArray("proposals")).stream().filter(p -> term.equalsIgnoreCase(p.getString("term"))).findFirst();
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }
}
