package org.lararena.ingest.extract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cues of WebVTT and SRT files, which Tika only detects. Voices ({@code <v Anna>}) and SRT lines
 * that start with a speaker label ("ANNA: ...") become the cue's speaker; other markup is dropped.
 *
 * <p>{@link #render(List)} turns the cues into the text of an interview: consecutive cues of one speaker are
 * one turn, written "Speaker: words", turns separated by a blank line, so that the rest of the pipeline
 * treats subtitles like any other transcript.
 */
final class SubtitleParser {

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("</?[^>]+>");
    private static final Pattern SRT_SPEAKER = Pattern.compile("^([\\p{Lu}][\\p{L}\\-]*(?: [\\p{L}\\p{N}\\-]+){0,2}):\\s+(.*)$");

    private SubtitleParser() {
    }

    /** Whether the start of a text looks like SRT cues (a number, then a timing line). */
    static boolean looksLikeSrt(String text) {
        String head = text.strip();
        head = head.substring(0, Math.min(head.length(), 200));
        return head.matches("(?s)^\\d+\\s*\\R\\s*\\d{1,2}:\\d{2}:\\d{2},\\d{3}\\s*-->.*");
    }

    static List<SpeakerCue> parse(String text) {
        List<SpeakerCue> cues = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher timing = TIMING.matcher(lines[i]);
            if (!timing.matches()) {
                i++;
                continue;
            }
            Duration start = timestamp(timing.group(1));
            Duration end = timestamp(timing.group(2));
            StringBuilder payload = new StringBuilder();
            i++;
            while (i < lines.length && !lines[i].isBlank()) {
                if (payload.length() > 0) {
                    payload.append('\n');
                }
                payload.append(lines[i]);
                i++;
            }
            cues.add(cue(start, end, payload.toString()));
        }
        return cues;
    }

    private static SpeakerCue cue(Duration start, Duration end, String payload) {
        String speaker = null;
        Matcher voice = VOICE.matcher(payload);
        if (voice.find()) {
            speaker = voice.group(1).strip();
        }
        String words = TAG.matcher(payload).replaceAll("").replace('\n', ' ')
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
                .replaceAll("\\s+", " ").strip();
        if (speaker == null) {
            Matcher label = SRT_SPEAKER.matcher(words);
            if (label.matches()) {
                speaker = label.group(1);
                words = label.group(2);
            }
        }
        return new SpeakerCue(start, end, speaker, words);
    }

    static String render(List<SpeakerCue> cues) {
        StringBuilder text = new StringBuilder();
        String currentSpeaker = null;
        boolean first = true;
        for (SpeakerCue cue : cues) {
            if (cue.text().isEmpty()) {
                continue;
            }
            boolean sameTurn = !first && cue.speaker() != null && cue.speaker().equals(currentSpeaker);
            if (sameTurn) {
                text.append(' ');
            } else {
                if (!first) {
                    text.append("\n\n");
                }
                if (cue.speaker() != null) {
                    text.append(cue.speaker()).append(": ");
                }
            }
            text.append(cue.text());
            currentSpeaker = cue.speaker();
            first = false;
        }
        return text.toString();
    }

    private static Duration timestamp(String value) {
        String[] parts = value.replace(',', '.').split(":");
        long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        long minutes = Long.parseLong(parts[parts.length - 2]);
        String[] secondsAndFraction = parts[parts.length - 1].split("\\.");
        long seconds = Long.parseLong(secondsAndFraction[0]);
        String fraction = (secondsAndFraction[1] + "00").substring(0, 3);
        return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusMillis(Long.parseLong(fraction));
    }
}
