package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents' passages with the bulk API, several documents in one request and one refresh per request.
 * Ids are {@code <documentId>-<ordinal>}, so a retry replaces rather than duplicates; every item's result is
 * checked, and a transient refusal (429, 502 to 504) or a connection failure is retried with backoff before the failure
 * is reported. Blocking.
 */
public final class PassageIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(PassageIndexer.class);
    private static final int ATTEMPTS = 4;

    private final ElasticsearchClient client;
    private final PassageIndex index;
    private final NearDuplicateGroups nearDuplicates;
    private final DocumentWords documentWords;

    public PassageIndexer(ElasticsearchClient client, PassageIndex index) {
        this.client = Objects.requireNonNull(client);
        this.index = Objects.requireNonNull(index);
        this.nearDuplicates = new NearDuplicateGroups(client);
        this.documentWords = new DocumentWords(client);
    }

    public static String passageId(String documentId, int ordinal) {
        return documentId + "-" + ordinal;
    }

    /** The document of a passage id ({@link #passageId}), or empty for a string that is not one. */
    public static Optional<String> documentIdOf(String passageId) {
        int dash = passageId.lastIndexOf('-');
        return dash > 0 && dash + 1 < passageId.length() && passageId.substring(dash + 1).chars().allMatch(Character::isDigit)
                ? Optional.of(passageId.substring(0, dash)) : Optional.empty();
    }

    /** The ordinal of a passage id ({@link #passageId}), or empty for a string that is not one. */
    public static OptionalInt ordinalOf(String passageId) {
        return documentIdOf(passageId).map(documentId -> {
            try {
                return OptionalInt.of(Integer.parseInt(passageId.substring(documentId.length() + 1)));
            } catch (NumberFormatException e) {
                return OptionalInt.empty(); // digits past an int
            }
        }).orElse(OptionalInt.empty());
    }

    /** Replaces the document's passages in the index by {@code passages} (each a passage document); searchable on return. */
    public void replaceDocument(String documentId, List<JsonObject> passages) {
        Outcome outcome = replaceDocuments(Map.of(documentId, passages)).get(documentId);
        if (outcome.status() != IndexingOutcome.INDEXED) {
            throw new LararenaException(outcome.status() == IndexingOutcome.WAITING ? 503 : 500, "indexing_failed", outcome.reason());
        }
    }

    /** What became of one document of a batch; {@code reason} says why it is not indexed. */
    public record Outcome(IndexingOutcome status, String reason) {
        static final Outcome INDEXED = new Outcome(IndexingOutcome.INDEXED, null);
    }

    /**
     * Replaces the passages of several documents (by document id, each a list of passage documents) with one bulk
     * request, and refreshes once, so that every document reported {@link IndexingOutcome#INDEXED} is searchable on
     * return. Every item is checked: a document whose items Elasticsearch refused is {@code FAILED} (or {@code
     * WAITING} when it was only overloaded, after retries with backoff), and the other documents are not affected.
     * When Elasticsearch cannot be reached every document is {@code WAITING}.
     */
    public Map<String, Outcome> replaceDocuments(Map<String, List<JsonObject>> documents) {
        return replaceDocuments(index.alias(), documents);
    }

    /** {@link #replaceDocuments(Map)} into the index (or alias) {@code target}, as a rebuild writes a fresh index. */
    public Map<String, Outcome> replaceDocuments(String target, Map<String, List<JsonObject>> documents) {
        try {
            return writeDocuments(target, documents);
        } finally {
            index.changed();
        }
    }

    private Map<String, Outcome> writeDocuments(String target, Map<String, List<JsonObject>> documents) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, List<JsonObject>> todo = new LinkedHashMap<>(documents);
        Set<String> described = new HashSet<>();
        // Near-duplicates are grouped once, over the whole batch: a document sent again after a "not now" keeps the group
        // found among all of the batch's documents. Grouped again, it would not find the passages the first attempt wrote
        // (not yet refreshed), and a copy of one of them would lose its group.
        Map<String, String> copiedOriginals = null;
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            Map<String, String> overloaded = new LinkedHashMap<>();
            try {
                Map<String, String> refused = new LinkedHashMap<>();
                Map<String, String> indexMissing = new LinkedHashMap<>();
                if (copiedOriginals == null) {
                    copiedOriginals = nearDuplicates.assign(target, todo);
                }
                describeOnce(target, todo, described);
                bulkIndex(target, todo, flagsCopiedBy(copiedOriginals, todo.keySet()), refused, overloaded, indexMissing);
                refused.forEach((id, reason) -> outcomes.put(id, new Outcome(IndexingOutcome.FAILED, reason)));
                // No retry brings a lost index back: these wait in the durable queue for the rebuild at once.
                indexMissing.forEach((id, reason) -> outcomes.put(id, new Outcome(IndexingOutcome.WAITING, reason)));
                todo.keySet().stream().filter(id -> !outcomes.containsKey(id) && !overloaded.containsKey(id))
                        .forEach(id -> outcomes.put(id, Outcome.INDEXED));
            } catch (ElasticsearchException e) {
                if (!worthAnotherTry(e)) {
                    String reason = "Elasticsearch refused the passages: " + e.getMessage();
                    todo.keySet().forEach(id -> outcomes.put(id, new Outcome(IndexingOutcome.FAILED, reason)));
                    break;
                }
                String reason = e.status() == 429 ? "Elasticsearch is overloaded" : "Elasticsearch could not take the passages yet: " + e.getMessage();
                todo.keySet().forEach(id -> overloaded.put(id, reason));
            } catch (IOException e) {
                // TransportException (it never got there) is an IOException too.
                todo.keySet().forEach(id -> overloaded.put(id, "Elasticsearch could not be reached: " + e.getMessage()));
            }
            todo.keySet().retainAll(overloaded.keySet());
            if (todo.isEmpty()) {
                break;
            }
            if (attempt == ATTEMPTS) {
                overloaded.forEach((id, reason) -> outcomes.put(id, new Outcome(IndexingOutcome.WAITING, reason)));
                break;
            }
            backoff(attempt, overloaded.values().iterator().next());
        }
        List<String> written = outcomes.entrySet().stream().filter(e -> e.getValue().status() == IndexingOutcome.INDEXED).map(Map.Entry::getKey).toList();
        if (!outcomes.isEmpty()) {
            try {
                // Stale passages go: those past a written document's end, and every passage of a refused document.
                Map<String, Integer> keep = new LinkedHashMap<>();
                outcomes.forEach((id, outcome) -> {
                    if (outcome.status() != IndexingOutcome.WAITING) {
                        keep.put(id, outcome.status() == IndexingOutcome.INDEXED ? documents.get(id).size() : 0);
                    }
                });
                // A refused document's items that this bulk did write are not searchable before the refresh, so
                // the search for stale passages cannot see them: they go by their ids.
                Set<String> writtenOfRefused = new LinkedHashSet<>();
                outcomes.forEach((id, outcome) -> {
                    if (outcome.status() == IndexingOutcome.FAILED) {
                        documents.get(id).forEach(passage -> writtenOfRefused.add(passage.getString("passageId")));
                    }
                });
                if (!keep.isEmpty()) {
                    deleteStaleOrdinals(target, keep, writtenOfRefused);
                    client.indices().refresh(r -> r.index(target));
                }
            } catch (ElasticsearchException | IOException | LararenaException e) {
                // The passages are written but maybe not searchable, or stale ones remain: try these documents again later.
                Outcome waiting = new Outcome(IndexingOutcome.WAITING, "Elasticsearch did not finish the batch: " + e.getMessage());
                written.forEach(id -> outcomes.put(id, waiting));
            }
        }
        return outcomes;
    }

    /** The flags of copies ({@link NearDuplicateGroups#assign}) that {@code documents} set: those of a retry are its own. */
    private static Map<String, String> flagsCopiedBy(Map<String, String> copiedOriginals, Set<String> documents) {
        Map<String, String> flags = new LinkedHashMap<>();
        copiedOriginals.forEach((original, copiedBy) -> {
            if (documents.contains(copiedBy)) {
                flags.put(original, copiedBy);
            }
        });
        return flags;
    }

    /**
     * Puts its document's words on the passages of each document of {@code todo} not yet {@code described} in this
     * call: a document sent again after a "not now" is the same text, and its analysis would give the same words.
     */
    private void describeOnce(String target, Map<String, List<JsonObject>> todo, Set<String> described) throws IOException {
        for (Map.Entry<String, List<JsonObject>> document : todo.entrySet()) {
            if (!described.contains(document.getKey())) {
                DocumentWords.put(document.getValue(), documentWords.of(target, document.getValue()));
                described.add(document.getKey());
            }
        }
    }

    /**
     * Bulk requests for {@code documents}, each of at most {@value #BULK_MAX_OPERATIONS} passages or about
     * {@value #BULK_MAX_BYTES} bytes (a document of 50,000 passages is several requests, never one request of tens of
     * megabytes that Elasticsearch may refuse), and the flag of copies on each of {@code copiedOriginals} (a passage id
     * of another document, with the document of the batch whose copy joined its group; one erased meanwhile is left
     * alone); the documents with refused items go to {@code refused},
     * {@code overloaded} (worth a retry) or {@code indexMissing} (the index behind the alias is gone), with the reason.
     */
    private void bulkIndex(String target, Map<String, List<JsonObject>> documents, Map<String, String> copiedOriginals,
                           Map<String, String> refused, Map<String, String> overloaded, Map<String, String> indexMissing) throws IOException {
        Map<String, String> documentOfPassage = new HashMap<>();
        BulkRequest.Builder bulk = null;
        int operations = 0;
        long bytes = 0;
        for (Map.Entry<String, List<JsonObject>> document : documents.entrySet()) {
            for (JsonObject passage : document.getValue()) {
                if (bulk == null) {
                    bulk = new BulkRequest.Builder().index(target).requireAlias(target.equals(index.alias()));
                }
                String encoded = passage.encode();
                // Vert.x JSON straight through as JSON: nested arrays and objects stay what they are.
                JsonData source = JsonData.fromJson(encoded);
                String passageId = passage.getString("passageId");
                documentOfPassage.put(passageId, document.getKey());
                bulk.operations(op -> op.index(i -> i.id(passageId).document(source)));
                operations++;
                bytes += encoded.length();
                if (operations >= BULK_MAX_OPERATIONS || bytes >= BULK_MAX_BYTES) {
                    sendBulk(target, bulk.build(), documentOfPassage, refused, overloaded, indexMissing);
                    bulk = null;
                    operations = 0;
                    bytes = 0;
                }
            }
        }
        // With the last passages: a few bytes each, and no more than a batch's candidates.
        for (Map.Entry<String, String> original : copiedOriginals.entrySet()) {
            if (bulk == null) {
                bulk = new BulkRequest.Builder().index(target).requireAlias(target.equals(index.alias()));
            }
            documentOfPassage.putIfAbsent(original.getKey(), original.getValue());
            bulk.operations(NearDuplicateGroups.flagOfCopies(original.getKey()));
        }
        if (bulk != null) {
            sendBulk(target, bulk.build(), documentOfPassage, refused, overloaded, indexMissing);
        }
        overloaded.keySet().removeAll(refused.keySet());
        indexMissing.keySet().removeAll(refused.keySet());
        overloaded.keySet().removeAll(indexMissing.keySet());
    }

    /** Passages per bulk request at most. */
    static final int BULK_MAX_OPERATIONS = 2_000;
    /** Characters of passage JSON per bulk request, about: well under Elasticsearch's 100 MB request limit. */
    static final long BULK_MAX_BYTES = 8L * 1024 * 1024;

    private void sendBulk(String target, BulkRequest request, Map<String, String> documentOfPassage, Map<String, String> refused,
                          Map<String, String> overloaded, Map<String, String> indexMissing) throws IOException {
        BulkResponse response = client.bulk(request);
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || NearDuplicateGroups.isErasedOriginal(item)) {
                continue;
            }
            String documentId = documentOfPassage.get(item.id());
            String reason = "passage " + item.id() + " was not indexed: " + item.error().reason();
            if (isMissingIndex(item)) {
                indexMissing.putIfAbsent(documentId, MISSING_INDEX.formatted(target));
            } else if (isTransient(item.status())) {
                overloaded.putIfAbsent(documentId, reason);
            } else {
                refused.putIfAbsent(documentId, reason);
            }
        }
    }

    /**
     * Why a document waits when the index behind the alias is gone (deleted, or a cluster restored without it): every
     * write to the alias requires it to be one, so Elasticsearch never creates an index of that name with a mapping
     * guessed from the first passage (which would then stand in the way of the rebuild). The documents wait in the
     * durable queue and are indexed once the index is back.
     */
    static final String MISSING_INDEX = "the passage index %s is missing: an administrator rebuilds it with ./lararena reindex";

    /**
     * Whether a status says "not now" rather than "not this": too many requests (429), or a node or shard not
     * ready (502, 503, 504: a primary shard not yet assigned on a cluster that has just formed answers 503).
     */
    static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Whether a bulk refused as a whole is worth sending again: a {@linkplain #isTransient transient} status, or a
     * node that got no body. This indexer never sends an empty bulk, so "request body is required" means the body
     * was lost on its way (a two-node cluster that had just formed answered so to a first bulk once, and the passages
     * were failed for good); sent again, it arrives.
     */
    static boolean worthAnotherTry(ElasticsearchException e) {
        return isTransient(e.status()) || e.status() == 400 && e.error() != null
                && "parse_exception".equals(e.error().type()) && String.valueOf(e.error().reason()).contains("request body is required");
    }

    private static boolean isMissingIndex(BulkResponseItem item) {
        return item.status() == 404 && "index_not_found_exception".equals(item.error().type());
    }

    /**
     * Deletes every passage of a document from every passage index, the alias's and any other generation a reindex
     * left or is filling ({@code <alias>-*}), and waits for the refresh: searches and suggestions no longer find
     * them on return. Blocking.
     *
     * @return how many passages were deleted
     */
    public long eraseDocument(String documentId) {
        long[] deleted = {0};
        try {
            IndexPages.forEach(client, index.alias() + "*", Query.of(q -> q.term(t -> t.field("documentId").value(documentId))), "passageId",
                    SourceConfig.of(src -> src.fetch(false)), Void.class, hits -> {
                        if (hits.isEmpty()) {
                            return;
                        }
                        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
                        hits.forEach(hit -> bulk.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id()))));
                        checkItems(client.bulk(bulk.build()));
                        deleted[0] += hits.size();
                    });
            return deleted[0];
        } catch (ElasticsearchException e) {
            throw new LararenaException(500, "indexing_failed", "Elasticsearch refused to erase the passages of " + documentId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to erase the passages of " + documentId
                    + "; nothing was erased, try again when it answers", e);
        } finally {
            index.changed();
        }
    }

    /**
     * Asks Elasticsearch to merge away the deleted passages' remains in every passage index (a deletion only marks
     * a document deleted in its segment until a merge). Blocking; a failure is the caller's to report.
     */
    public void expungeDeleted() {
        try {
            client.indices().forcemerge(f -> f.index(index.alias() + "*").onlyExpungeDeletes(true).flush(true));
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to merge away erased passages", e);
        }
    }

    /** Sets the visibility of every passage of a document; searches see it after the refresh this waits for. */
    public void updateVisibility(String documentId, String visibility) {
        try {
            JsonData change = JsonData.fromJson(new JsonObject().put("visibility", visibility).encode());
            IndexPages.forEach(client, index.alias(), Query.of(q -> q.term(t -> t.field("documentId").value(documentId))), "passageId",
                    SourceConfig.of(src -> src.fetch(false)), Void.class, hits -> {
                        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index.alias()).requireAlias(true).refresh(Refresh.WaitFor);
                        hits.forEach(hit -> bulk.operations(op -> op.update(u -> u.id(hit.id()).action(a -> a.doc(change)))));
                        checkItems(client.bulk(bulk.build()));
                    });
        } catch (ElasticsearchException e) {
            throw new LararenaException(500, "indexing_failed", "Elasticsearch refused the visibility change of " + documentId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to change the visibility of " + documentId, e);
        } finally {
            index.changed();
        }
    }

    /**
     * Removes passages left from earlier, longer versions of the documents: those whose ordinal is at least the
     * document's passage count now, every one of them, a page at a time (one search returns at most 10,000: a
     * document of 12,000 passages that came again with 500 kept 1,500 of its old ones in search). (The minimal
     * distribution has no delete-by-query: find the ids, then delete them in bulk.) {@code alsoDelete}: passage ids
     * to delete whether or not the search finds them.
     */
    private void deleteStaleOrdinals(String target, Map<String, Integer> passageCounts, Set<String> alsoDelete) throws IOException {
        Query stale = Query.of(q -> q.bool(b -> {
            passageCounts.forEach((documentId, count) -> b.should(d -> d.bool(one -> one
                    .filter(f -> f.term(t -> t.field("documentId").value(documentId)))
                    .filter(f -> f.range(r -> r.number(n -> n.field("ordinal").gte((double) count)))))));
            return b.minimumShouldMatch("1");
        }));
        deleteAll(target, alsoDelete);
        // Deletions are not seen by the search before a refresh, so the pages stay as they were.
        IndexPages.forEach(client, target, stale, "passageId", SourceConfig.of(src -> src.fetch(false)), Void.class,
                hits -> deleteAll(target, hits.stream().map(Hit::id).toList()));
    }

    private void deleteAll(String target, Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        BulkRequest.Builder delete = new BulkRequest.Builder().index(target).requireAlias(target.equals(index.alias()));
        ids.forEach(id -> delete.operations(op -> op.delete(d -> d.id(id))));
        checkItems(client.bulk(delete.build()));
    }

    private static void checkItems(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
                throw new LararenaException(item.status() == 429 ? 503 : 500, "indexing_failed",
                        "passage " + item.id() + " was not indexed: " + item.error().reason());
            }
        }
    }

    private static void backoff(int attempt, String cause) {
        Duration wait = Duration.ofMillis(250L << attempt);
        LOG.warn("Indexing attempt {} failed ({}); retrying in {} ms", attempt, cause, wait.toMillis());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LararenaException.unavailable("indexing interrupted", e);
        }
    }
}
