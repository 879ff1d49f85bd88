package org.lararena.ingest.segment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises speaker labels at the start of a block or line ("KAJSA:", "Intervjuare:", "I:", "Sara Lind:")
 * and decides which labels in a document really are speakers.
 *
 * <p>A label-like start alone proves little ("Datum: 14 mars", "Beslut: ..."), so a label counts as a speaker
 * when it recurs, when it is a known interview role, when the caller knows it (WebVTT voices), or when it is
 * written in capitals in a text where another speaker already recurs (a presenter who speaks once).
 */
final class SpeakerLabels {

    private static final Pattern LABEL = Pattern.compile(
            "^([\\p{Lu}][\\p{Lu}\\p{N} .'\\-]{0,30}?|[\\p{Lu}][\\p{Ll}\\-]+(?: [\\p{Lu}][\\p{Ll}\\-]+){0,2})[ \\t]*:[ \\t]+(?=\\S)");
    private static final Set<String> ROLES = Set.of("intervjuare", "intervjuperson", "respondent", "informant", "moderator",
            "presentatör", "programledare", "deltagare", "i", "r", "ip", "f", "s", "int", "resp");

    /** A label at the start of a block: who, and where the words after the label begin. */
    record Label(String speaker, int contentStart) {
    }

    private final Set<String> speakers;

    private SpeakerLabels(Set<String> speakers) {
        this.speakers = speakers;
    }

    /** Finds the speakers among the label-like starts of the given line starts. */
    static SpeakerLabels find(String text, List<Integer> lineStarts, Set<String> knownSpeakers) {
        Map<String, Integer> counts = new HashMap<>();
        for (int start : lineStarts) {
            Matcher label = LABEL.matcher(text).region(start, text.length());
            if (label.lookingAt()) {
                counts.merge(label.group(1).strip(), 1, Integer::sum);
            }
        }
        Set<String> speakers = new HashSet<>(knownSpeakers);
        counts.forEach((label, count) -> {
            if (count >= 2 || ROLES.contains(label.toLowerCase(Locale.ROOT))) {
                speakers.add(label);
            }
        });
        if (!speakers.isEmpty()) {
            counts.keySet().stream().filter(SpeakerLabels::inCapitals).forEach(speakers::add);
        }
        return new SpeakerLabels(speakers);
    }

    /**
     * Whether the text reads as speaker turns: at least two speakers labelling at least three of the given
     * block starts, and at least a fifth of them (a report may quote "REDAKTÖRER: ..." twice and stay a report).
     */
    boolean isTranscript(String text, List<Integer> blockStarts) {
        List<Label> labels = blockStarts.stream().map(start -> at(text, start)).filter(Objects::nonNull).toList();
        long distinct = labels.stream().map(Label::speaker).distinct().count();
        return distinct >= 2 && labels.size() >= 3 && labels.size() * 5 >= blockStarts.size();
    }

    /** The speaker label at {@code start}, or {@code null} when there is none or it is no speaker of this text. */
    Label at(String text, int start) {
        Matcher label = LABEL.matcher(text).region(start, text.length());
        if (!label.lookingAt()) {
            return null;
        }
        String speaker = label.group(1).strip();
        return speakers.contains(speaker) ? new Label(speaker, label.end()) : null;
    }

    private static boolean inCapitals(String label) {
        return label.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && label.chars().filter(Character::isLetter).count() >= 2;
    }
}
