package org.lararena.ingest.segment;

import java.text.Normalizer;
import java.util.Comparator;
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
 * written in capitals in a text where another speaker already recurs (a presenter who speaks once). In a text
 * known to be an interview or transcript (declared so at upload, or subtitles) every label-like line start is a
 * speaker, however few, except the header fields such documents open with ("Datum:", "Plats:"): a name left in
 * the text would reach everyone who reads the passage, past its pseudonym.
 */
final class SpeakerLabels {

    private static final Pattern LABEL = Pattern.compile(
            "^([\\p{Lu}][\\p{Lu}\\p{N} .'\\-]{0,30}?|[\\p{Lu}][\\p{Ll}\\-]+(?: [\\p{Lu}][\\p{Ll}\\-]+){0,2})[ \\t]*:[ \\t]+(?=\\S)");
    private static final Set<String> ROLES = Set.of("intervjuare", "intervjuperson", "respondent", "informant", "moderator",
            "presentatör", "programledare", "deltagare", "i", "r", "ip", "f", "s", "int", "resp");
    /** Roles spelled out, which with one other speaker make a text an interview however few its turns. */
    private static final Set<String> SPELLED_ROLES = Set.of("intervjuare", "intervjuperson", "respondent", "informant", "moderator");
    /** Header fields of transcripts, which look like labels but name no speaker. */
    private static final Set<String> HEADER_FIELDS = Set.of("datum", "tid", "tidpunkt", "plats", "ort", "ämne", "tema", "längd",
            "inspelning", "inspelad", "transkriberad av", "transkribering", "intervjudatum", "projekt", "fil", "källa", "not", "obs",
            "kommentar", "titel", "rubrik", "bakgrund", "syfte", "version");

    /**
     * Fields of meeting notes and minutes, which look like labels but name no speaker: a paragraph that opens with
     * one ("Beslut: ...") is the notes' own, not the last speaker's.
     */
    private static final Set<String> MINUTES_FIELDS = Set.of("beslut", "beslutades", "åtgärd", "åtgärder", "nästa möte",
            "närvarande", "frånvarande", "dagordning", "uppföljning", "sammanfattning", "att göra", "ansvarig", "övrigt");

    /** A label at the start of a block: who, and where the words after the label begin. */
    record Label(String speaker, int contentStart) {
    }

    private final Set<String> speakers;
    /** The caller's speakers written as in the text, longest first: a voice need not look like a label ("Dr. Berg"). */
    private final List<String> known;

    private SpeakerLabels(Set<String> speakers, List<String> known) {
        this.speakers = speakers;
        this.known = known;
    }

    /**
     * Finds the speakers among the label-like starts of the given line starts.
     *
     * @param transcript whether the text is known to be speaker turns: then every label-like start but a header field counts
     */
    static SpeakerLabels find(String text, List<Integer> lineStarts, Set<String> knownSpeakers, boolean transcript) {
        Map<String, Integer> counts = new HashMap<>();
        for (int start : lineStarts) {
            Matcher label = labelLikeAt(text, start);
            if (label != null) {
                counts.merge(label.group(1).strip(), 1, Integer::sum);
            }
        }
        List<String> known = knownSpeakers.stream().map(speaker -> Normalizer.normalize(speaker.strip(), Normalizer.Form.NFC))
                .filter(speaker -> !speaker.isEmpty()).distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Set<String> speakers = new HashSet<>(known);
        counts.forEach((label, count) -> {
            String lowerCase = label.toLowerCase(Locale.ROOT);
            if (count >= 2 || ROLES.contains(lowerCase) || transcript && !HEADER_FIELDS.contains(lowerCase)) {
                speakers.add(label);
            }
        });
        if (!speakers.isEmpty()) {
            counts.keySet().stream().filter(label -> inCapitals(label) && !HEADER_FIELDS.contains(label.toLowerCase(Locale.ROOT)))
                    .forEach(speakers::add);
        }
        return new SpeakerLabels(speakers, known);
    }

    /** Whether no line of the text starts with a speaker. */
    boolean none() {
        return speakers.isEmpty();
    }

    /**
     * Whether the text reads as speaker turns: at least two speakers labelling at least three of the given
     * block starts, and at least a fifth of them (a report may quote "REDAKTÖRER: ..." twice and stay a report);
     * or an interviewer or respondent named by role and one other speaker, however long their turns.
     */
    boolean isTranscript(String text, List<Integer> blockStarts) {
        List<Label> labels = blockStarts.stream().map(start -> at(text, start)).filter(Objects::nonNull).toList();
        long distinct = labels.stream().map(Label::speaker).distinct().count();
        boolean role = labels.stream().anyMatch(label -> SPELLED_ROLES.contains(label.speaker().toLowerCase(Locale.ROOT)));
        return distinct >= 2 && (role || labels.size() >= 3 && labels.size() * 5 >= blockStarts.size());
    }

    /** The speaker label at {@code start}, or {@code null} when there is none or it is no speaker of this text. */
    Label at(String text, int start) {
        for (String speaker : known) {
            int colon = start + speaker.length();
            if (text.startsWith(speaker, start) && colon < text.length() && text.charAt(colon) == ':') {
                int content = colon + 1;
                while (content < text.length() && (text.charAt(content) == ' ' || text.charAt(content) == '\t')) {
                    content++;
                }
                return new Label(speaker, content);
            }
        }
        Matcher label = labelLikeAt(text, start);
        if (label == null) {
            return null;
        }
        String speaker = label.group(1).strip();
        return speakers.contains(speaker) ? new Label(speaker, label.end()) : null;
    }

    /**
     * Whether a field of the notes themselves starts at {@code start} ("Beslut:", "Datum:"), not a speaker of this
     * text: it ends the turn before it.
     */
    boolean fieldAt(String text, int start) {
        Matcher label = labelLikeAt(text, start);
        if (label == null) {
            return false;
        }
        String field = label.group(1).strip();
        String lowerCase = field.toLowerCase(Locale.ROOT);
        return !speakers.contains(field) && (HEADER_FIELDS.contains(lowerCase) || MINUTES_FIELDS.contains(lowerCase));
    }

    /** The label-like start at {@code start} (group 1: the label), speaker or not; {@code null} when there is none. */
    private static Matcher labelLikeAt(String text, int start) {
        Matcher label = LABEL.matcher(text).region(start, text.length());
        return label.lookingAt() ? label : null;
    }

    private static boolean inCapitals(String label) {
        return label.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && label.chars().filter(Character::isLetter).count() >= 2;
    }
}
