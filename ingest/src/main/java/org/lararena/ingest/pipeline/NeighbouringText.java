package org.lararena.ingest.pipeline;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The text that stands beside a passage in its document: the end of the passage before it and the start of the one
 * after. A passage is cut from its heading, a list from the sentence that introduces it, and a report names its topic
 * in one paragraph and goes on about it in the next ("PROCESSMÅL …" and "EFFEKTMÅL …" as two passages); searched at a
 * low weight, it lets a query whose words stand in two neighbouring passages find them, below passages that hold
 * every word themselves.
 */
final class NeighbouringText {

    /** How much of each neighbour a passage carries: a heading or a lead-in, not a second passage. */
    static final int MAX_CHARS = 300;

    private NeighbouringText() {
    }

    /**
     * The end of the passage before {@code i} (unless it is already carried as the question {@code i} answers) and the
     * start of the one after, on word boundaries; null when there is neither.
     */
    static String of(List<JsonObject> passages, int i, boolean previousIsQuestion) {
        String before = i == 0 || previousIsQuestion ? "" : end(passages.get(i - 1).getString("text"));
        String after = i + 1 >= passages.size() ? "" : start(passages.get(i + 1).getString("text"));
        String both = (before + "\n" + after).strip();
        return both.isEmpty() ? null : both;
    }

    private static String end(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text == null ? "" : text;
        }
        String tail = text.substring(text.length() - MAX_CHARS);
        int space = tail.indexOf(' ');
        return space < 0 ? tail : tail.substring(space + 1);
    }

    private static String start(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text == null ? "" : text;
        }
        String head = text.substring(0, MAX_CHARS);
        int space = head.lastIndexOf(' ');
        return space < 0 ? head : head.substring(0, space);
    }
}
