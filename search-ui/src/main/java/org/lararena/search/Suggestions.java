package org.lararena.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.ingest.names.NameSpans;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * Completions while people type: theme labels of the ontology (Swedish, or English), then words that occur in the
 * passages the caller may read. The words come from a bounded sample: the passages that hold a word starting with
 * what was typed (folded, so {@code vard} completes to {@code vårdcentral}), under the caller's visibility filter,
 * with those words marked by the highlighter and counted. A word only in a restricted interview is therefore never
 * offered to anyone who may not read it. Blocking.
 */
public final class Suggestions {

    public static final int MAX = 10;
    /** Longest text completed; longer input is refused with 400. */
    public static final int MAX_QUERY = 200;
    private static final int SAMPLE = 40;
    private static final int MIN_TERM = 4;
    /** Highlight marks no passage text uses (control characters do not survive the highlighter). */
    private static final String MARK_START = "\u27e6";
    private static final String MARK_END = "\u27e7";
    private static final Pattern MARKED = Pattern.compile(MARK_START + "([^" + MARK_END + "]+)" + MARK_END);

    private final ElasticsearchClient client;
    private final String alias;
    private final Ontology ontology;

    public Suggestions(ElasticsearchClient client, String alias, Ontology ontology) {
        this.client = Objects.requireNonNull(client);
        this.alias = Objects.requireNonNull(alias);
        this.ontology = Objects.requireNonNull(ontology);
    }

    /** {@code {suggestions: [{text, kind: "theme"|"term", iri?}]}}, at most {@link #MAX}; {@code english}: English theme labels. */
    public JsonObject suggest(String typed, boolean english, Caller caller) {
        String text = clean(typed);
        JsonArray suggestions = new JsonArray();
        if (text.isEmpty()) {
            return new JsonObject().put("suggestions", suggestions);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Concept theme : ontology.findByLabel(text, LAR.Teman.getURI(), MAX)) {
            String label = english ? theme.labelEn() : theme.labelSv();
            if (seen.add(label.toLowerCase(Locale.ROOT))) {
                suggestions.add(new JsonObject().put("text", label).put("kind", "theme").put("iri", theme.iri()));
            }
        }
        int lastSpace = text.lastIndexOf(' ');
        String before = lastSpace < 0 ? "" : text.substring(0, lastSpace + 1);
        String prefix = SwedishText.fold(text.substring(lastSpace + 1));
        if (!prefix.isEmpty() && prefix.chars().allMatch(Character::isLetterOrDigit)) {
            for (String term : frequentTerms(prefix, caller)) {
                if (suggestions.size() >= MAX) {
                    break;
                }
                String completed = before + term;
                if (seen.add(completed.toLowerCase(Locale.ROOT))) {
                    suggestions.add(new JsonObject().put("text", completed).put("kind", "term"));
                }
            }
        }
        return new JsonObject().put("suggestions", new JsonArray(suggestions.stream().limit(MAX).toList()));
    }

    /** Control characters out, whitespace collapsed; 400 when longer than {@link #MAX_QUERY}. */
    static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        if (typed.length() > MAX_QUERY) {
            throw LararenaException.badRequest("q is longer than " + MAX_QUERY + " characters: suggestions complete what is being typed");
        }
        return typed.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }

    /** Words starting with {@code foldedPrefix} in the readable passages that hold one, most frequent first. */
    private List<String> frequentTerms(String foldedPrefix, Caller caller) {
        try {
            // Everyone but researchers: the names spoken in a passage are never offered (its text and names come along).
            SearchResponse<Map> response = client.search(s -> s.index(alias).size(SAMPLE)
                            .source(src -> caller.isResearcher() ? src.fetch(false) : src.filter(f -> f.includes("text", "spokenNames")))
                    .query(q -> q.bool(b -> b.filter(f -> f.prefix(p -> p.field("text.exact").value(foldedPrefix)))
                            .filter(PassageSearch.visibilityFilter(caller))))
                    .highlight(h -> h.fields(NamedValue.of("text.exact", HighlightField.of(f -> f.numberOfFragments(20).fragmentSize(1))))
                            .preTags(MARK_START).postTags(MARK_END)), Map.class);
            Map<String, Integer> counts = new HashMap<>();
            for (Hit<Map> hit : response.hits().hits()) {
                Set<String> names = Set.of();
                if (!caller.isResearcher() && hit.source() != null) {
                    JsonObject source = new JsonObject(hit.source());
                    names = NameSpans.nameWords(source.getString("text"), NameSpans.fromJson(source.getJsonArray("spokenNames")));
                }
                for (String fragment : hit.highlight().getOrDefault("text.exact", List.of())) {
                    Matcher matcher = MARKED.matcher(fragment);
                    while (matcher.find()) {
                        String word = matcher.group(1).toLowerCase(Locale.ROOT);
                        if (word.length() >= Math.max(MIN_TERM, foldedPrefix.length()) && word.chars().allMatch(Character::isLetter)
                                && !names.contains(word)) {
                            counts.merge(word, 1, Integer::sum);
                        }
                    }
                }
            }
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).limit(MAX).toList();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw LararenaException.unavailable("suggestions failed in Elasticsearch: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }
}
