package org.lararena.ingest.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * One cue of a WebVTT or SRT subtitle file.
 *
 * @param start   when the cue starts, from the beginning of the recording
 * @param end     when it ends
 * @param speaker the voice from a WebVTT {@code <v Speaker>} tag or an SRT "Speaker:" prefix, or {@code null}
 * @param text    what is said, with markup removed
 */
public record SpeakerCue(Duration start, Duration end, String speaker, String text) {

    public SpeakerCue {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(text);
    }
}
