package org.lararena.search;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;

/**
 * A search as a user asked for it, checked: the query text, facet filters (OR within a facet, AND across facets),
 * the order, the page (by number, or by the opaque {@code after} cursor for deep paging), and whether the
 * annotator's unreviewed suggestions count as themes ({@code suggestions}; unsaid, the caller's default:
 * {@link #includesSuggestions}), and whether a query of two keywords, which also finds the passages with one of them,
 * keeps only those with both ({@code bothKeywords}). Invalid parameters are a 400 naming the parameter; the query text
 * itself is never invalid.
 */
public record SearchRequest(
        String text,
        List<String> themes,
        List<String> pilots,
        List<String> types,
        List<Integer> years,
        List<String> speakerRoles,
        Sort sort,
        int page,
        int size,
        Optional<String> after,
        Optional<Boolean> suggestions,
        boolean bothKeywords) {

    public static final int MAX_QUERY_CHARS = 1000;
    public static final int MAX_PAGE_SIZE = 100;
    /** Beyond this many hits, page numbers give way to the {@code after} cursor (Elasticsearch's window). */
    public static final int MAX_PAGED_HITS = 10_000;
    private static final int MAX_FILTER_VALUES = 50;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public enum Sort { RELEVANCE, NEWEST, OLDEST }

    public SearchRequest {
        text = text == null ? "" : text.strip();
        themes = List.copyOf(themes);
        pilots = List.copyOf(pilots);
        types = List.copyOf(types);
        years = List.copyOf(years);
        speakerRoles = List.copyOf(speakerRoles);
        suggestions = suggestions == null ? Optional.empty() : suggestions;
    }

    /** A plain search for {@code text}, first page, relevance order. */
    public static SearchRequest of(String text) {
        return new SearchRequest(text, List.of(), List.of(), List.of(), List.of(), List.of(), Sort.RELEVANCE, 0, 10, Optional.empty(), Optional.empty(), false);
    }

    /** The same search with unreviewed suggestions counted as themes or not. */
    public SearchRequest withSuggestions(boolean included) {
        return new SearchRequest(text, themes, pilots, types, years, speakerRoles, sort, page, size, after, Optional.of(included), bothKeywords);
    }

    /**
     * Whether the annotator's unreviewed suggestions count as the passages' themes (chips, facets, the theme filter
     * and the tables) for this caller: as asked, or else for researchers, who review them, yes, and for pilots,
     * attendees and anonymous readers no, so a machine's guess never passes for a researcher's code.
     */
    public boolean includesSuggestions(Caller caller) {
        return suggestions.orElse(suggestionsByDefault(caller));
    }

    /**
     * Whether unreviewed suggestions count as themes for a caller who did not say: for researchers, who review them,
     * yes; for pilots, attendees and anonymous readers no. Whatever shows passages' themes without a search of its own
     * (an insight's quotes) follows the same rule.
     */
    public static boolean suggestionsByDefault(Caller caller) {
        return caller.isResearcher();
    }

    public static SearchRequest fromParams(MultiMap params) {
        String text = params.get("q");
        if (text != null && text.length() > MAX_QUERY_CHARS) {
            // A pasted page of text still searches: its beginning.
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        int size = Params.intParam(params.get("size"), "size", 10, 1, MAX_PAGE_SIZE);
        int page = Params.intParam(params.get("page"), "page", 0, 0, Integer.MAX_VALUE);
        if ((long) (page + 1) * size > MAX_PAGED_HITS) {
            throw LararenaException.badRequest("page × size may reach at most " + MAX_PAGED_HITS + " hits; page further with the 'after' cursor of the previous answer");
        }
        Optional<String> after = Optional.ofNullable(params.get("after")).filter(a -> !a.isBlank());
        after.ifPresent(SearchRequest::decodeCursor);
        return new SearchRequest(text,
                values(params, "theme"), values(params, "pilot"), values(params, "type"),
                values(params, "year").stream().map(SearchRequest::year).toList(),
                values(params, "speaker"),
                sort(params.get("sort")), page, size, after, suggestions(params.getAll("suggestions")),
                Params.booleanParam(params.get("bothKeywords"), "bothKeywords", false));
    }

    /**
     * The query text in Elasticsearch's simple query string syntax: words, {@code "phrases"}, {@code -exclusion}
     * and {@code OR}; everything else is taken as words. Field prefixes, boosts, wildcards and fuzziness are not
     * offered (they would let one query cost the cluster dearly).
     */
    public String simpleQueryString() {
        String query = text
                .replaceAll("[\\\\/^~*?:(){}\\[\\]<>=!|&+]", " ")
                .replaceAll("(?<=\\s|^)OR(?=\\s|$)", "|");
        long quotes = query.chars().filter(c -> c == '"').count();
        if (quotes % 2 == 1) {
            // An unbalanced quote: the phrase the user began runs to the end.
            query = query + "\"";
        }
        return query.strip();
    }

    /** Whether the query text asks for anything: not only quotes, dashes or {@code OR}. */
    public boolean hasText() {
        return hasText(simpleQueryString());
    }

    static boolean hasText(String simpleQueryString) {
        return !simpleQueryString.replace("\"", "").replace("|", "").replace("-", "").isBlank();
    }

    /** The opaque cursor for the hit after which the next page starts: its sort values, types kept. */
    static String encodeCursor(List<Object> sortValues) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(new JsonArray(sortValues).encode().getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> decodeCursor(String cursor) {
        try {
            JsonArray values = new JsonArray(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (values.size() != 2 || !(values.getValue(1) instanceof String)) {
                throw new IllegalArgumentException("not a cursor");
            }
            return values.getList();
        } catch (RuntimeException e) {
            throw LararenaException.badRequest("after is not a cursor this service gave out; start again from the first page");
        }
    }

    private static List<String> values(MultiMap params, String name) {
        List<String> values = params.getAll(name).stream()
                .flatMap(v -> Pattern.compile(",").splitAsStream(v))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (values.size() > MAX_FILTER_VALUES) {
            throw LararenaException.badRequest(name + " takes at most " + MAX_FILTER_VALUES + " values");
        }
        for (String value : values) {
            if (value.length() > 300) {
                throw LararenaException.badRequest(name + " values are at most 300 characters");
            }
        }
        return values;
    }

    private static int year(String value) {
        if (!YEAR.matcher(value).matches()) {
            throw LararenaException.badRequest("year must be a four-digit year (got '" + value + "')");
        }
        return Integer.parseInt(value);
    }

    /**
     * The last {@code suggestions} value decides: the Sök page's switch sends {@code false} from a hidden field and,
     * when ticked, {@code true} after it.
     */
    private static Optional<Boolean> suggestions(List<String> values) {
        String value = values.isEmpty() ? null : values.get(values.size() - 1);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> Optional.of(true);
            case "false", "off", "0" -> Optional.of(false);
            default -> throw LararenaException.badRequest("suggestions must be true or false (got '" + value + "')");
        };
    }

    private static Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return Sort.RELEVANCE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> Sort.RELEVANCE;
            case "newest", "date_desc" -> Sort.NEWEST;
            case "oldest", "date_asc" -> Sort.OLDEST;
            default -> throw LararenaException.badRequest("sort must be relevance, newest or oldest (got '" + value + "')");
        };
    }
}
