package org.lararena.ingest.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stable pseudonyms for the speakers of one document, shown to everyone but researchers: the interviewer is
 * "Intervjuare", everyone else "Respondent 1", "Respondent 2", … in order of first appearance. The same
 * document always gets the same pseudonyms, and the mapping is kept for researchers only.
 */
public final class SpeakerPseudonyms {

    /** Speaker labels that mean the person asking the questions. */
    private static final Set<String> INTERVIEWER_LABELS = Set.of("intervjuare", "interviewer", "i", "moderator", "presentatör",
            "programledare", "samtalsledare", "forskare");

    private SpeakerPseudonyms() {
    }

    /** Whether a speaker label names the interviewer (the speaker facet's "role"). */
    public static boolean isInterviewer(String speaker) {
        return speaker != null && INTERVIEWER_LABELS.contains(speaker.strip().toLowerCase(Locale.ROOT));
    }

    /** The pseudonym of each speaker, in order of first appearance. */
    public static Map<String, String> assign(List<String> speakersInOrder) {
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        int respondents = 0;
        for (String speaker : speakersInOrder) {
            if (speaker == null || pseudonyms.containsKey(speaker)) {
                continue;
            }
            pseudonyms.put(speaker, isInterviewer(speaker) ? "Intervjuare" : "Respondent " + ++respondents);
        }
        return pseudonyms;
    }
}
