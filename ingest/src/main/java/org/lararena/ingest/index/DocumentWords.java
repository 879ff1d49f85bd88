package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.lararena.ingest.names.NameSpans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each passage its document's words ({@link #FIELD}): the {@value #WORDS} terms its document uses most, as the
 * index's own analysis reads the passages' text (stop words dropped, compounds with their parts, stems, folding). A
 * passage is read inside its document: a slide that gives only a figure belongs to a deck about what the figure
 * counts, and an interview answer that names its subject once, if at all, to an interview about it. A search lets these
 * words add a little to the passages that match it ({@code PassageQuery}), so that, among passages with the same
 * words, those of a document about what is asked rank first.
 *
 * <p>The words are taken from the text as everyone but researchers reads it, the names spoken in it replaced
 * ({@link NameSpans}): a name said often in a document would otherwise lift that document's passages for a search of
 * the name, and so tell that it was said there. One request to Elasticsearch's analysis per document. Blocking.
 */
public final class DocumentWords {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentWords.class);

    /** The passage field of the document's words: terms already analysed, separated by spaces. */
    public static final String FIELD = "documentWords";
    /** Terms a document is described by: enough for its subjects, few enough that a passing word is not among them. */
    static final int WORDS = 40;
    /**
     * Characters of a document read for its words at most, from its start, where a document says what it is about: under
     * Elasticsearch's limit of tokens an analysis may give ({@code index.analyze.max_token_count} in the passage index's
     * settings), and one request whatever the document's size (a document of 50,000 passages).
     */
    static final int MAX_CHARS = 30_000;
    /** The analyzer that reads passage text into the index ({@code passage-index.json}). */
    private static final String INDEX_ANALYZER = "sv_index";
    /** Passages of an indexed document read in one request ({@link #ofIndexed}): most documents' beginning in one. */
    private static final int PASSAGES_READ_AT_ONCE = 200;

    private final ElasticsearchClient client;

    DocumentWords(ElasticsearchClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /** The words of the document whose passages, in order, are {@code passages}, as {@code target} analyses them. */
    String of(String target, List<JsonObject> passages) throws IOException {
        return String.join(" ", mostUsed(target, textAsEveryoneReadsIt(passages)));
    }

    /**
     * The words of document {@code documentId} as index {@code from} holds it, analysed as {@code target} reads text:
     * for the copy of an older index, which comes a page of passages at a time, in the order of their ids, so that a
     * document longer than a page is described by its beginning, as when it was indexed, and not by each page's part.
     * Reads its passages in order up to {@value #MAX_CHARS} characters.
     */
    String ofIndexed(String from, String target, String documentId) throws IOException {
        List<JsonObject> beginning = new ArrayList<>();
        int[] chars = {0};
        IndexPages.whileWanted(client, from, Query.of(q -> q.term(t -> t.field("documentId").value(documentId))), "ordinal",
                SourceConfig.of(src -> src.filter(f -> f.includes("text", "spokenNames"))), JsonData.class, PASSAGES_READ_AT_ONCE,
                hits -> {
                    for (Hit<JsonData> hit : hits) {
                        JsonObject passage = new JsonObject(hit.source().toJson().toString());
                        beginning.add(passage);
                        chars[0] += passage.getString("text", "").length();
                    }
                    return chars[0] < MAX_CHARS;
                });
        return of(target, beginning);
    }

    /** Puts {@code words} on each of {@code passages}. */
    static void put(List<JsonObject> passages, String words) {
        passages.forEach(passage -> passage.put(FIELD, words));
    }

    private List<String> mostUsed(String target, String text) throws IOException {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            List<AnalyzeToken> tokens = client.indices().analyze(a -> a.index(target).analyzer(INDEX_ANALYZER).text(text)).tokens();
            return mostUsed(tokens.stream().map(AnalyzeToken::token).toList());
        } catch (ElasticsearchException e) {
            if (PassageIndexer.isTransient(e.status())) {
                throw e;
            }
            // Whatever else the analysis refuses (a text, a lost index) the bulk decides about: the passages are still
            // worth finding without their document's words, and an index that is gone makes the document wait, as always.
            LOG.warn("The words of a document could not be read, so its passages are indexed without them: {}", e.getMessage());
            return List.of();
        }
    }

    /** The {@value #WORDS} terms used most, ties in the order they first come (a title's words first). */
    static List<String> mostUsed(List<String> terms) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        terms.forEach(term -> counts.merge(term, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed())
                .limit(WORDS).map(Map.Entry::getKey).collect(Collectors.toList());
    }

    /** The passages' text in order, names spoken in it replaced, up to {@value #MAX_CHARS} characters. */
    static String textAsEveryoneReadsIt(List<JsonObject> passages) {
        StringBuilder text = new StringBuilder();
        for (JsonObject passage : passages) {
            if (text.length() >= MAX_CHARS) {
                break;
            }
            String passageText = passage.getString("text", "");
            String read = passage.getJsonArray("spokenNames") == null ? passageText
                    : NameSpans.apply(passageText, NameSpans.fromJson(passage.getJsonArray("spokenNames")));
            text.append(read).append("\n\n");
        }
        return text.length() <= MAX_CHARS ? text.toString() : text.substring(0, lastSpaceBefore(text, MAX_CHARS));
    }

    /** Where to cut {@code text} at {@code max} characters without cutting a word in two. */
    private static int lastSpaceBefore(CharSequence text, int max) {
        for (int i = max; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return max;
    }
}
