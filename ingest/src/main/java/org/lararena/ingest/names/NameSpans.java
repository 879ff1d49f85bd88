package org.lararena.ingest.names;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.ontology.text.SwedishText;

/**
 * The names found in a passage as the index keeps them ({@code [{start, end, replacement}]} beside the text, the
 * way a speaker's pseudonym is kept beside the speaker), and what a reader who is not a researcher sees: the text,
 * or a highlighted fragment of it, with every name replaced.
 */
public final class NameSpans {

    /** Highlight marks a fragment may carry around or inside a name. */
    private static final String MARK = "(?:</?mark>)";

    private NameSpans() {
    }

    public static JsonArray toJson(List<SpokenNames.Found> found) {
        JsonArray spans = new JsonArray();
        found.forEach(f -> spans.add(new JsonObject().put("start", f.start()).put("end", f.end()).put("replacement", f.replacement())));
        return spans;
    }

    public static List<SpokenNames.Found> fromJson(JsonArray spans) {
        List<SpokenNames.Found> found = new ArrayList<>();
        if (spans != null) {
            for (int i = 0; i < spans.size(); i++) {
                JsonObject span = spans.getJsonObject(i);
                found.add(new SpokenNames.Found(span.getInteger("start"), span.getInteger("end"), span.getString("replacement")));
            }
        }
        return found;
    }

    /** {@code text} with each span replaced (spans in order, not overlapping, as {@link SpokenNames#find} gives them). */
    public static String apply(String text, List<SpokenNames.Found> found) {
        if (text == null || found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SpokenNames.Found f : found) {
            if (f.start() < at || f.end() > text.length()) {
                continue;
            }
            out.append(text, at, f.start()).append(f.replacement());
            at = f.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /**
     * The part {@code [from, to)} of {@code text} with its names replaced; a name that reaches into the part from
     * outside is replaced whole, so no piece of it shows.
     */
    public static String applyToRange(String text, List<SpokenNames.Found> found, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int at = from;
        for (SpokenNames.Found f : found) {
            if (f.end() <= at || f.start() >= to) {
                continue;
            }
            out.append(text, at, Math.max(at, f.start())).append(f.replacement());
            at = f.end();
        }
        return at < to ? out.append(text, at, to).toString() : out.toString();
    }

    /** The words of the names in {@code text}, in lower case ("kajsa", "lindqvists"): never offered as completions. */
    public static Set<String> nameWords(String text, List<SpokenNames.Found> found) {
        Set<String> words = new HashSet<>();
        found.stream().filter(f -> text != null && f.end() <= text.length())
                .forEach(f -> words.addAll(List.of(text.substring(f.start(), f.end()).toLowerCase(Locale.ROOT).split("\\s+"))));
        return words;
    }

    /**
     * The words a search for a name in {@code text} could be typed as: each name word in lower case, folded
     * ("ingegard") and without a genitive "s". The index keeps them ({@code spokenNameWords}), so a search by everyone
     * but researchers leaves out the passages whose hidden names it asks for.
     */
    public static Set<String> searchWords(String text, List<SpokenNames.Found> found) {
        Set<String> words = new HashSet<>();
        Set<String> parts = new HashSet<>();
        for (String word : nameWords(text, found)) {
            parts.add(word);
            parts.addAll(List.of(word.split("-")));
        }
        for (String word : parts) {
            for (String form : word.endsWith("s") && word.length() > 2 ? List.of(word, word.substring(0, word.length() - 1)) : List.of(word)) {
                words.add(form);
                words.add(SwedishText.fold(form));
            }
        }
        return words;
    }

    /**
     * A highlighted fragment of {@code text} (HTML with {@code <mark>}) with the names of {@code text} replaced. The
     * highlighter cuts fragments anywhere, so names are found again by what they look like, longest first; a mark
     * around a name goes with it, so a search for a name does not show where it matched.
     */
    public static String applyToFragment(String fragment, String text, List<SpokenNames.Found> found) {
        if (fragment == null || text == null || found.isEmpty()) {
            return fragment;
        }
        Map<String, String> surfaces = new LinkedHashMap<>();
        found.stream().filter(f -> f.end() <= text.length())
                .sorted(Comparator.comparingInt((SpokenNames.Found f) -> f.end() - f.start()).reversed())
                .forEach(f -> surfaces.putIfAbsent(text.substring(f.start(), f.end()), f.replacement()));
        // A fragment may begin or end inside a full name: its words alone are names too, after the whole.
        List.copyOf(surfaces.entrySet()).forEach(surface -> List.of(surface.getKey().split("\\s+"))
                .forEach(word -> surfaces.putIfAbsent(word, surface.getValue())));
        String result = fragment;
        for (Map.Entry<String, String> surface : surfaces.entrySet()) {
            String words = String.join(MARK + "*\\s+" + MARK + "*", List.of(surface.getKey().split("\\s+")).stream().map(Pattern::quote).toList());
            Pattern name = Pattern.compile("(?<![\\p{L}\\d])(?:<mark>" + words + "</mark>|" + words + ")(?![\\p{L}\\d])");
            result = name.matcher(result).replaceAll(Matcher.quoteReplacement(surface.getValue()));
        }
        return result;
    }
}
