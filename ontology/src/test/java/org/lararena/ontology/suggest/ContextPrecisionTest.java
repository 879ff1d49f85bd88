package org.lararena.ontology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Suggestion;

/** What the context of a suggestion teaches about terms nobody decided about. */
class ContextPrecisionTest {

    private static final String CARE = "https://example.org/theme/care";
    private static final String ATTITUDES = "https://example.org/theme/attitudes";

    /** A passage about attitudes that mentions {@code word} once, after "om": a passing mention of care. */
    private static List<Decided> passingMention(String word, boolean accepted) {
        String text = "Fördomar och stigma om " + word + " finns kvar i attityderna.";
        Suggestion mention = at(text, word, CARE);
        List<Suggestion> all = List.of(at(text, "Fördomar", ATTITUDES), at(text, "stigma", ATTITUDES), mention,
                at(text, "attityderna", ATTITUDES));
        return List.of(new Decided(text, mention, all, accepted));
    }

    /** A passage about care that names it in its subject, with other evidence for care. */
    private static List<Decided> mainTheme(String word, boolean accepted) {
        String text = word + " och vården hemma är det viktigaste för patienten.";
        Suggestion subject = at(text, word, CARE);
        return List.of(new Decided(text, subject, List.of(subject, at(text, "vården", CARE)), accepted));
    }

    private record Decided(String text, Suggestion suggestion, List<Suggestion> all, boolean accepted) {}

    private static Suggestion at(String text, String word, String theme) {
        int start = text.indexOf(word);
        return new Suggestion(theme + "/" + word, theme, start, start + word.length(), word, word, 0.9);
    }

    private static ContextPrecision learn(List<List<Decided>> examples) {
        List<ContextPrecision.Decided> decided = new ArrayList<>();
        examples.forEach(list -> list.forEach(
                d -> decided.add(new ContextPrecision.Decided(d.text(), d.suggestion(), d.all(), d.accepted()))));
        return ContextPrecision.learn(decided);
    }

    private static List<List<Decided>> rejectedPassingMentionsAcceptedSubjects() {
        List<List<Decided>> examples = new ArrayList<>();
        for (String word : List.of("psykisk sjukdom", "missbruk", "kontinuitet", "bemötandet", "väntetider", "hemsjukvård")) {
            examples.add(passingMention(word, false));
            examples.add(mainTheme(word, true));
        }
        return examples;
    }

    @Test
    void aTermNobodyDecidedAboutIsDoubtedWhereItStandsLikeTheRejectedOnesAndKeptWhereItStandsLikeTheAcceptedOnes() {
        ContextPrecision context = learn(rejectedPassingMentionsAcceptedSubjects());

        Decided passing = passingMention("äldreomsorg", false).get(0);
        Decided subject = mainTheme("äldreomsorg", true).get(0);
        assertThat(context.estimate(passing.text(), passing.suggestion(), passing.all(), 0.9)).isLessThan(0.5);
        assertThat(context.estimate(subject.text(), subject.suggestion(), subject.all(), 0.9)).isGreaterThan(0.5);
    }

    @Test
    void withFewerThanThreeRejectsTheAnnotatorsConfidenceStands() {
        List<List<Decided>> examples = new ArrayList<>();
        examples.add(passingMention("missbruk", false));
        examples.add(passingMention("kontinuitet", false));
        for (String word : List.of("psykisk sjukdom", "missbruk", "kontinuitet", "bemötandet")) {
            examples.add(mainTheme(word, true));
        }
        ContextPrecision context = learn(examples);

        Decided passing = passingMention("äldreomsorg", false).get(0);
        assertThat(context.isNone()).isTrue();
        assertThat(context.estimate(passing.text(), passing.suggestion(), passing.all(), 0.9)).isEqualTo(0.9);
    }

    @Test
    void aContextModelReadBackFromItsJsonEstimatesTheSame() {
        ContextPrecision context = learn(rejectedPassingMentionsAcceptedSubjects());
        ContextPrecision read = ContextPrecision.fromJson(new JsonObject(context.toJson().encode()));

        Decided passing = passingMention("äldreomsorg", false).get(0);
        assertThat(read.isNone()).isFalse();
        assertThat(read.estimate(passing.text(), passing.suggestion(), passing.all(), 0.9))
                .isEqualTo(context.estimate(passing.text(), passing.suggestion(), passing.all(), 0.9));
    }

    @Test
    void aRoleResearchersRejectInTheSpeakerLabelIsDoubtedThereForAnotherRoleAndKeptInTheTurnItself() {
        List<List<Decided>> examples = new ArrayList<>();
        for (String role : List.of("enhetschef", "samordnare", "politiker", "kurator")) {
            examples.add(speaker(role, false));
            examples.add(inTheTurn(role, true));
        }
        ContextPrecision context = learn(examples);

        Decided label = speaker("verksamhetschef", false).get(0);
        Decided turn = inTheTurn("verksamhetschef", true).get(0);
        assertThat(context.estimate(label.text(), label.suggestion(), label.all(), 0.9)).isLessThan(0.5);
        assertThat(context.estimate(turn.text(), turn.suggestion(), turn.all(), 0.9)).isGreaterThan(0.5);
    }

    /** An interview turn opened by the speaker's role, about something else. */
    private static List<Decided> speaker(String role, boolean accepted) {
        String text = "Intervju, " + role + ": Vi har svårt att hinna med och väntetiderna växer.";
        Suggestion mention = at(text, role, CARE);
        return List.of(new Decided(text, mention, List.of(mention, at(text, "väntetiderna", ATTITUDES)), accepted));
    }

    /** A turn that is about the role. */
    private static List<Decided> inTheTurn(String role, boolean accepted) {
        String text = "Intervju, patient: Min " + role + " lyssnar och väntetiderna är korta.";
        Suggestion mention = at(text, role, CARE);
        return List.of(new Decided(text, mention, List.of(mention, at(text, "väntetiderna", ATTITUDES)), accepted));
    }

    @Test
    void theFeaturesSayWhereASuggestionStands() {
        Decided passing = passingMention("missbruk", false).get(0);
        assertThat(ContextPrecision.features(passing.text(), passing.suggestion(), passing.all()))
                .containsExactlyInAnyOrder("label=strong", "evidence=alone", "passing", "word");
        Decided subject = mainTheme("Intervju, patient: missbruk", true).get(0);
        assertThat(ContextPrecision.features(subject.text(), subject.suggestion(), subject.all()))
                .containsExactlyInAnyOrder("label=strong", "evidence=several", "word");
        Decided role = speaker("avdelningschefen", false).get(0);
        assertThat(ContextPrecision.features(role.text(), role.suggestion(), role.all())).contains("speaker");
    }
}
