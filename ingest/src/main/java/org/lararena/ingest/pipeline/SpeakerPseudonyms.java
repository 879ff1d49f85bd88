package org.lararena.ingest.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable pseudonyms for the speakers of one document, shown to everyone but researchers: the interviewer is
 * "Intervjuare", everyone else "Respondent 1", "Respondent 2", … in order of first appearance. The same
 * document always gets the same pseudonyms, and the mapping is kept for researchers only.
 */
public final class SpeakerPseudonyms {

    private SpeakerPseudonyms() {
    }

    /** Whether a speaker label names the one asking or leading ({@link SpeakerRoles}): pseudonymised "Intervjuare". */
    public static boolean isInterviewer(String speaker) {
        return SpeakerRoles.asks(SpeakerRoles.of(speaker, null));
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
