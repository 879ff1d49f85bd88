package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives each passage of a batch its near-duplicate group ({@link NearDuplicates#GROUP}) before it is written: the
 * group of the most alike passage of another document, in the index or earlier in the batch, or else its own id. A
 * group therefore keeps the id of its first passage, so the key is stable as copies come and go. One search per
 * batch finds the candidates (passages sharing a band). Blocking.
 */
final class NearDuplicateGroups {

    /** Candidates fetched per batch at most: a batch of ordinary documents has far fewer. */
    private static final int MAX_CANDIDATES = 2_000;
    /** Bands asked for in one terms query at most: under Elasticsearch's default {@code index.max_terms_count}. */
    private static final int MAX_TERMS_PER_QUERY = 50_000;

    private final ElasticsearchClient client;

    NearDuplicateGroups(ElasticsearchClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /**
     * Fills in signature, bands and group of every passage of {@code documents} (by document id), and flags a group's
     * first passage of the batch that has copies ({@link NearDuplicates#HAS_COPIES}): a passage of a later document
     * of the batch joined its group, or one already in the index is in it (its own document is being sent again).
     *
     * @return the ids of passages already in {@code target} whose groups a passage of the batch joined, each with the
     * document of the first that did: their flags are for the caller to set, and a group's first passage may have been
     * erased since its copies were indexed
     */
    Map<String, String> assign(String target, Map<String, List<JsonObject>> documents) throws IOException {
        List<JsonObject> all = documents.values().stream().flatMap(List::stream).toList();
        all.forEach(NearDuplicates::describe);
        Set<String> bands = NearDuplicates.allBands(all);
        if (bands.isEmpty()) {
            return Map.of();
        }
        List<Candidate> indexed = indexed(target, bands, documents.keySet());
        List<Candidate> earlier = new ArrayList<>(indexed);
        Map<String, String> joined = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonObject>> document : documents.entrySet()) {
            List<Candidate> ofThisDocument = new ArrayList<>();
            for (JsonObject passage : document.getValue()) {
                Optional<long[]> signature = NearDuplicates.decode(passage.getString(NearDuplicates.SIGNATURE));
                if (signature.isEmpty()) {
                    continue;
                }
                Candidate best = null;
                double bestLikeness = NearDuplicates.ALIKE;
                for (Candidate candidate : earlier) {
                    double likeness = NearDuplicates.likeness(signature.get(), candidate.signature());
                    if (likeness >= bestLikeness) {
                        best = candidate;
                        bestLikeness = likeness;
                    }
                }
                if (best != null) {
                    passage.put(NearDuplicates.GROUP, best.group());
                    joined.putIfAbsent(best.group(), document.getKey());
                }
                ofThisDocument.add(new Candidate(passage.getString(NearDuplicates.GROUP), signature.get()));
            }
            // A document's own passages are not each other's duplicates (a refrain, a repeated heading): only later documents' candidates.
            earlier.addAll(ofThisDocument);
        }
        Set<String> groupsInTheIndex = indexed.stream().map(Candidate::group).collect(Collectors.toSet());
        Set<String> ofTheBatch = new HashSet<>();
        for (JsonObject passage : all) {
            String id = passage.getString("passageId");
            ofTheBatch.add(id);
            boolean firstOfItsGroup = id != null && id.equals(passage.getString(NearDuplicates.GROUP));
            if (firstOfItsGroup && (joined.containsKey(id) || groupsInTheIndex.contains(id))) {
                passage.put(NearDuplicates.HAS_COPIES, true);
            }
        }
        // Flagged above: what is left are passages already in the index.
        joined.keySet().removeAll(ofTheBatch);
        return joined;
    }

    /** The bulk operation that sets the flag of copies on a group's first passage, already in the index. */
    static BulkOperation flagOfCopies(String passageId) {
        return BulkOperation.of(op -> op.update(u -> u.id(passageId).action(a -> a.doc(FLAGGED))));
    }

    private static final JsonData FLAGGED = JsonData.fromJson(new JsonObject().put(NearDuplicates.HAS_COPIES, true).encode());

    /** Whether a refused bulk item is a {@link #flagOfCopies} for a passage erased since its copies were indexed: nothing to flag. */
    static boolean isErasedOriginal(BulkResponseItem item) {
        return item.operationType() == OperationType.Update && item.status() == 404 && item.error() != null
                && "document_missing_exception".equals(item.error().type());
    }

    private record Candidate(String group, long[] signature) {
    }

    /**
     * Passages of other documents already in {@code target} that share a band with the batch, at most
     * {@value #MAX_CANDIDATES}. The bands are asked for in parts of at most {@value #MAX_TERMS_PER_QUERY}: a terms query
     * of more than Elasticsearch's {@code index.max_terms_count} (65,536) fails, and a document of some 5,500 passages
     * of distinct text already has that many bands (twelve a passage); such a document failed to be indexed at all.
     */
    private List<Candidate> indexed(String target, Set<String> bands, Set<String> batchDocuments) throws IOException {
        List<FieldValue> bandValues = bands.stream().map(FieldValue::of).toList();
        List<FieldValue> documentIds = batchDocuments.stream().map(FieldValue::of).toList();
        Set<String> seen = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int from = 0; from < bandValues.size() && candidates.size() < MAX_CANDIDATES; from += MAX_TERMS_PER_QUERY) {
            List<FieldValue> part = bandValues.subList(from, Math.min(bandValues.size(), from + MAX_TERMS_PER_QUERY));
            int wanted = MAX_CANDIDATES - candidates.size();
            SearchResponse<Map> response = client.search(s -> s.index(target).size(wanted).ignoreUnavailable(true)
                    .source(src -> src.filter(f -> f.includes(NearDuplicates.GROUP, NearDuplicates.SIGNATURE)))
                    .sort(o -> o.field(f -> f.field("passageId")))
                    .query(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field(NearDuplicates.BANDS).terms(v -> v.value(part))))
                            .mustNot(m -> m.terms(t -> t.field("documentId").terms(v -> v.value(documentIds)))))), Map.class);
            response.hits().hits().forEach(hit -> {
                JsonObject source = hit.source() == null ? null : new JsonObject(hit.source());
                if (source != null && source.getString(NearDuplicates.GROUP) != null && seen.add(hit.id())) {
                    NearDuplicates.decode(source.getString(NearDuplicates.SIGNATURE))
                            .ifPresent(signature -> candidates.add(new Candidate(source.getString(NearDuplicates.GROUP), signature)));
                }
            });
        }
        return candidates;
    }
}
