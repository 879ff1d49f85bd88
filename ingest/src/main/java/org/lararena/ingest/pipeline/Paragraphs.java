package org.lararena.ingest.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simplest segmentation: paragraphs separated by blank lines, with their offsets in the text. */
final class Paragraphs {

    private static final Pattern PARAGRAPH = Pattern.compile("\\S(?:.|\\n(?!\\s*\\n))*", Pattern.UNICODE_CHARACTER_CLASS);

    private Paragraphs() {
    }

    static JsonArray split(String text) {
        JsonArray passages = new JsonArray();
        Matcher matcher = PARAGRAPH.matcher(text);
        while (matcher.find()) {
            String paragraph = matcher.group().strip();
            if (!paragraph.isEmpty()) {
                passages.add(new JsonObject().put("ordinal", passages.size()).put("text", paragraph)
                        .put("start", matcher.start()).put("end", matcher.start() + paragraph.length()));
            }
        }
        return passages;
    }
}
