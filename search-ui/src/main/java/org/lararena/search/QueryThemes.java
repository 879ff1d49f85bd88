package org.lararena.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;

/**
 * The concepts a search text names, as the annotator finds them in passages (inflections, compounds, OCR forms).
 * Every search asks, on the event loop, and people repeat their queries (paging, facets, shared links): the
 * answers of the most recent texts are kept rather than annotated again, until the codebook changes.
 */
public final class QueryThemes {

    /** How many query texts' answers are kept, least recently used out first. */
    private static final int RECENT_QUERIES = 2_000;

    private final PassageAnnotator annotator;
    private final Map<String, Set<String>> recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > RECENT_QUERIES;
        }
    });

    public QueryThemes(PassageAnnotator annotator) {
        this.annotator = Objects.requireNonNull(annotator);
    }

    /** The IRIs of the concepts {@code text} names. */
    public Set<String> namedIn(String text) {
        return recent.computeIfAbsent(text,
                query -> Set.copyOf(annotator.annotate(query).stream().map(Suggestion::conceptIri).collect(Collectors.toSet())));
    }

    /** The codebook changed: answers made with the earlier version are made again. */
    public void forget() {
        recent.clear();
    }
}
