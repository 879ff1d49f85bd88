package org.lararena.erasure;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lararena.coding.MemoStore;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.insights.InsightStore;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases documents from every store and leaves a {@link Tombstone}. The order is chosen so that an erasure stopped
 * half-way (a crash, Elasticsearch gone) is finished by running it again: the passage index first (its failure
 * changes nothing else), then the tombstone, the Jena graph with its history, memos, quotes in insights, and the
 * document's files with its record last: while the record is there, {@link #replayUnfinished} finds the work.
 * Blocking; one erasure at a time.
 */
public final class Erasure {

    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
    public static final int MAX_REASON_CHARS = 2_000;
    /** What an insight says where a quote of an erased document was. */
    static final String ERASED_QUOTE_NOTE = "[Ett citat ur ett raderat dokument är borttaget (%s).]";

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final PassageIndexer index;
    private final MemoStore memos;
    private final InsightStore insights;
    private final ErasureLog log;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable compactStore;

    /**
     * @param compactStore rewrites the Jena store without what was removed: TDB2 keeps removed statements' words in
     *                     its node table until it is compacted
     */
    public Erasure(DocumentStore documents, AnnotationStore annotations, PassageIndexer index, MemoStore memos, InsightStore insights,
                   ErasureLog log, AuditLog audit, Clock clock, Runnable compactStore) {
        this.compactStore = Objects.requireNonNull(compactStore);
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.index = Objects.requireNonNull(index);
        this.memos = Objects.requireNonNull(memos);
        this.insights = Objects.requireNonNull(insights);
        this.log = Objects.requireNonNull(log);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Erases one document ({@code documentId}) or every document in which {@code participant} speaks (a speaker label,
     * compared without regard to case), with every document holding the same bytes. 400 without a reason or with
     * both or neither target, 404 for an unknown document or a participant nobody speaks as, 409 for a document
     * still being processed; in each case nothing is changed.
     */
    public synchronized Tombstone erase(String documentId, String participant, String reason, String erasedBy) {
        String why = checkedReason(reason);
        boolean byDocument = documentId != null && !documentId.isBlank();
        boolean byParticipant = participant != null && !participant.isBlank();
        if (byDocument == byParticipant) {
            throw LararenaException.badRequest("name either documentId (one document) or participant (every document they speak in), not "
                    + (byDocument ? "both" : "neither"));
        }
        List<DocumentRecord> targets = byDocument ? List.of(documents.find(documentId.strip()).orElseThrow(() ->
                LararenaException.notFound("there is no document with the id " + documentId.strip() + "; nothing was erased")))
                : spokenIn(participant.strip());
        return eraseRecords(targets, byParticipant, why, erasedBy);
    }

    /**
     * Erases the documents {@code ids} under one tombstone (the retention report's confirmation). 404 naming the
     * first unknown id; otherwise as {@link #erase}.
     */
    public synchronized Tombstone eraseDocuments(List<String> ids, String reason, String erasedBy) {
        String why = checkedReason(reason);
        if (ids.isEmpty()) {
            throw LararenaException.badRequest("name the documents to erase");
        }
        List<DocumentRecord> targets = ids.stream().map(id -> documents.find(id).orElseThrow(() ->
                LararenaException.notFound("there is no document with the id " + id + "; nothing was erased"))).toList();
        return eraseRecords(targets, false, why, erasedBy);
    }

    private Tombstone eraseRecords(List<DocumentRecord> targets, boolean byParticipant, String why, String erasedBy) {
        List<DocumentRecord> all = withSameBytes(targets);
        for (DocumentRecord record : all) {
            if (!record.status().isFinal()) {
                throw new LararenaException(409, "conflict", "\"" + record.shownTitle() + "\" is still being processed ("
                        + record.status().wireName() + "); erase it when it is indexed or has failed. Nothing was erased");
            }
        }
        // The index first: Elasticsearch away is a 503 before anything else is touched.
        all.forEach(record -> index.eraseDocument(record.id()));
        Instant now = clock.instant();
        Tombstone tombstone = new Tombstone(UUID.randomUUID().toString(), all.stream().map(DocumentRecord::id).toList(),
                all.stream().map(r -> r.type() == null ? "okänd" : r.type()).toList(), byParticipant, erasedBy, now, why, log.backups());
        log.add(tombstone);
        all.forEach(record -> eraseStored(record.id(), now));
        purgeRemains();
        audit.record(erasedBy, "erase", tombstone.id(), new JsonObject().put("documents", tombstone.toJson().getJsonArray("documents"))
                .put("reason", why));
        LOG.info("Erasure {} by {}: {} document(s)", tombstone.id(), erasedBy, all.size());
        return tombstone;
    }

    private static String checkedReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw LararenaException.badRequest("an erasure needs a reason: say why in reason (consent withdrawn, retention ended, …)");
        }
        if (why.length() > MAX_REASON_CHARS) {
            throw LararenaException.badRequest("the reason has " + why.length() + " characters; at most " + MAX_REASON_CHARS + " are kept");
        }
        return why;
    }

    /**
     * Finishes the erasures whose documents are still in the store: one stopped half-way, or, after a restore of a
     * backup taken before them, every erasure recorded since (the restore merged their tombstones into the log).
     *
     * @return the ids of the documents erased now
     */
    public synchronized List<String> replayUnfinished() {
        List<String> erased = new ArrayList<>();
        for (Tombstone tombstone : log.tombstones()) {
            for (String id : tombstone.documents()) {
                if (documents.find(id).isPresent()) {
                    index.eraseDocument(id);
                    eraseStored(id, tombstone.erasedAt());
                    erased.add(id);
                }
            }
        }
        if (!erased.isEmpty()) {
            purgeRemains();
            LOG.info("Erasures replayed: {} document(s) recorded as erased were still stored and are erased now", erased.size());
        }
        return erased;
    }

    public List<Tombstone> tombstones() {
        return log.tombstones();
    }

    /**
     * Everything but the index: the Jena graph with its history, memos, quotes, the details of the audit entries
     * about the document, then the files and the record.
     */
    private void eraseStored(String documentId, Instant at) {
        String passagePrefix = documentId + "-";
        annotations.eraseDocument(documentId);
        memos.erase(passageId -> passageId.startsWith(passagePrefix));
        insights.eraseQuotes(passageId -> passageId.startsWith(passagePrefix),
                ERASED_QUOTE_NOTE.formatted(at.toString().substring(0, 10)), at);
        // The upload's and the downloads' entries name the file, and a file name may name the participant.
        audit.redactDetails(Set.of(documentId), "erased");
        documents.erase(documentId);
    }

    /**
     * What a deletion leaves behind in the stores' own files: the Jena store is compacted (a copy of what is left,
     * the old one deleted; writers wait meanwhile, readers go on) and Elasticsearch merges deleted passages away.
     * A failure is logged, not thrown: the erasure is done everywhere a reader could find it, and the next one
     * purges again.
     */
    private void purgeRemains() {
        try {
            compactStore.run();
        } catch (RuntimeException e) {
            LOG.error("The Jena store could not be compacted after an erasure ({}); its files keep the erased words until it is", e.getMessage());
        }
        try {
            index.expungeDeleted();
        } catch (RuntimeException e) {
            LOG.error("Elasticsearch could not merge erased passages away ({}); its segments keep them until their next merge", e.getMessage());
        }
    }

    private List<DocumentRecord> spokenIn(String participant) {
        String name = participant.toLowerCase(Locale.ROOT);
        List<DocumentRecord> found = documents.all().stream().filter(record -> documents.passages(record.id())
                .map(kept -> kept.getJsonArray("passages").stream().map(p -> ((JsonObject) p).getString("speaker"))
                        .anyMatch(speaker -> speaker != null && speaker.strip().toLowerCase(Locale.ROOT).equals(name)))
                .orElse(false)).toList();
        if (found.isEmpty()) {
            throw LararenaException.notFound("no document has a speaker named \"" + participant + "\"; nothing was erased");
        }
        return found;
    }

    /** The documents and every other record of the same bytes (duplicates, earlier failed attempts). */
    private List<DocumentRecord> withSameBytes(List<DocumentRecord> targets) {
        Set<DocumentRecord> all = new LinkedHashSet<>(targets);
        Set<String> shas = new LinkedHashSet<>(targets.stream().map(DocumentRecord::sha256).toList());
        documents.all().stream().filter(record -> shas.contains(record.sha256())).forEach(all::add);
        return List.copyOf(all);
    }
}
