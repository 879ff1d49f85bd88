package org.lararena.ingest.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The role a speaker has in a document, from the speaker label and the document type: the one place that decides
 * it. Roles are words of a fixed list, never names, so the speaker facet and filter are the same for every caller.
 * <ul>
 *   <li>{@code intervjuare}: the one asking (INTERVJUARE, I, FORSKARE);</li>
 *   <li>{@code moderator}: who leads a conversation or workshop (MODERATOR, SAMTALSLEDARE, PROCESSLEDARE);</li>
 *   <li>{@code presentatör}: who presents or hosts (PRESENTATÖR, PROGRAMLEDARE);</li>
 *   <li>everyone else: {@code deltagare} in a workshop, {@code presentatör} in a presentation, {@code respondent}
 *       otherwise (interviews, transcripts, podcasts).</li>
 * </ul>
 */
public final class SpeakerRoles {

    /** The passage field (indexed, and in the speaker facet and filter) that holds a passage's role. */
    public static final String FIELD = "speakerRole";
    public static final String INTERVIEWER = "intervjuare";
    public static final String RESPONDENT = "respondent";
    public static final String MODERATOR = "moderator";
    public static final String PRESENTER = "presentatör";
    public static final String PARTICIPANT = "deltagare";
    /**
     * The roles whose turns ask rather than tell in every kind of document: an interviewer's question, a moderator's
     * prompt. (A presenter asks in a podcast but tells in a presentation, so that role is not among them.) Such a turn is
     * carried by the answer after it as that answer's question, and holds no lesson of its own.
     */
    public static final List<String> QUESTIONING = List.of(INTERVIEWER, MODERATOR);

    private static final Map<String, String> BY_LABEL = Map.ofEntries(
            Map.entry("intervjuare", INTERVIEWER), Map.entry("interviewer", INTERVIEWER), Map.entry("i", INTERVIEWER),
            Map.entry("forskare", INTERVIEWER),
            Map.entry("moderator", MODERATOR), Map.entry("samtalsledare", MODERATOR), Map.entry("processledare", MODERATOR),
            Map.entry("facilitator", MODERATOR),
            Map.entry("presentatör", PRESENTER), Map.entry("presentator", PRESENTER), Map.entry("programledare", PRESENTER),
            Map.entry("host", PRESENTER));

    private SpeakerRoles() {
    }

    /** The role of {@code speaker} in a document of {@code documentType}; null when the passage has no speaker. */
    public static String of(String speaker, String documentType) {
        if (speaker == null || speaker.isBlank()) {
            return null;
        }
        String byLabel = BY_LABEL.get(speaker.strip().toLowerCase(Locale.ROOT));
        if (byLabel != null) {
            return byLabel;
        }
        return switch (documentType == null ? "" : documentType) {
            case "workshop" -> PARTICIPANT;
            case "presentation" -> PRESENTER;
            default -> RESPONDENT;
        };
    }

    /** Whether the role is one that asks or leads rather than answers (pseudonymised as "Intervjuare"). */
    static boolean asks(String role) {
        // A presenter asks where someone else answers (a podcast's host); a presentation's turns are all presenters'.
        return QUESTIONING.contains(role) || PRESENTER.equals(role);
    }
}
