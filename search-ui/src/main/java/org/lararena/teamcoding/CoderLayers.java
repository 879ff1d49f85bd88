package org.lararena.teamcoding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.lararena.documents.PassageRange;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * The coders' layers of a document as a researcher may see them. Blind mode (on by default for interviews and
 * transcripts) hides colleagues' decisions and tags from a researcher until they mark the document done. Blocking:
 * call from a worker thread.
 */
public final class CoderLayers {

    private final AnnotationStore annotations;

    public CoderLayers(AnnotationStore annotations) {
        this.annotations = Objects.requireNonNull(annotations, "annotations");
    }

    /** Whether researchers code the document blind: their choice, else on for interviews and transcripts. */
    public boolean blind(DocumentRecord record) {
        return annotations.blindCoding(record.id()).orElse(record.namesSpeakers());
    }

    /** Whether {@code username} may see colleagues' decisions on the document: it is not blind, or they are done with it. */
    public boolean seesColleagues(DocumentRecord record, String username) {
        if (!blind(record)) {
            return true;
        }
        CodingStatus status = annotations.codingStatus(record.id()).get(username);
        return status != null && status.state() == CodingStatus.State.DONE;
    }

    /**
     * The annotations of a document as a researcher asks for them, as JSON: {@code coder}'s layer (null: the caller's
     * own; {@value CoderView#CONSENSUS}: the document's consensus), of the passages of {@code range}, each annotation with
     * the {@code decisions} the caller may see.
     *
     * @throws LararenaException 400 for a coder who has not coded the document, 403 for a colleague's layer or the
     *     consensus while the caller codes blind, 404 for the consensus of a document that has none yet
     */
    public JsonArray layer(DocumentRecord record, Caller caller, String coder, PassageRange range,
                           Function<StoredAnnotation, JsonObject> toJson) {
        caller.require(Caller.RESEARCHER);
        String who = coder == null ? caller.username() : coder;
        List<StoredAnnotation> all = annotationsIn(record, range);
        Map<String, List<Decision>> decisions = decisionsIn(record, range);
        boolean seesColleagues = seesColleagues(record, caller.username());
        List<StoredAnnotation> view;
        if (CoderView.CONSENSUS.equals(coder)) {
            // The consensus is drawn from colleagues' coding, so blind mode hides it like their layers.
            if (!seesColleagues) {
                throw LararenaException.forbidden("document " + record.id() + " is coded blind: mark it done before you see its consensus");
            }
            Consensus consensus = annotations.consensus(record.id()).orElseThrow(() -> LararenaException.notFound(
                    "document " + record.id() + " has no consensus yet: settle one on Samstämmighet (PUT /api/documents/{id}/consensus)"));
            view = CoderView.ofConsensus(all, consensus);
        } else {
            if (!who.equals(caller.username())) {
                if (!hasCoded(record, who, range, decisions)) {
                    throw LararenaException.badRequest("'" + who + "' has not coded document " + record.id()
                            + " (a coder is a researcher with decisions or a coding status there, " + AnnotationIris.ANNOTATOR_CODER
                            + ", or " + CoderView.CONSENSUS + ")");
                }
                if (!seesColleagues && !AnnotationIris.ANNOTATOR_CODER.equals(who)) {
                    throw LararenaException.forbidden("document " + record.id() + " is coded blind: mark it done before you see colleagues' coding");
                }
            }
            view = CoderView.of(all, decisions, who);
        }
        String ownIri = AnnotationIris.userIri(caller.username());
        JsonArray list = new JsonArray();
        for (StoredAnnotation annotation : view) {
            if (!seesColleagues && annotation.manual() && !ownIri.equals(annotation.creatorIri())) {
                continue;
            }
            JsonArray visible = new JsonArray();
            decisions.getOrDefault(annotation.id(), List.of()).stream()
                    .filter(d -> seesColleagues || d.coder().equals(caller.username()) || d.coder().equals(AnnotationIris.ANNOTATOR_CODER))
                    .forEach(d -> visible.add(new JsonObject().put("coder", d.coder()).put("state", d.state().wireName())
                            .put("at", d.at() == null ? null : d.at().toString())));
            list.add(toJson.apply(annotation).put("decisions", visible));
        }
        return list;
    }

    /**
     * The document's annotations on the passages of {@code range}: of a part of a long document, only that part's are
     * read from the store.
     */
    public List<StoredAnnotation> annotationsIn(DocumentRecord record, PassageRange range) {
        if (range.isAll()) {
            return annotations.annotationsOf(record.id());
        }
        return annotations.annotationsOfPassages(record.id(), passageIds(record, range)).values().stream()
                .flatMap(List::stream).toList();
    }

    /** Each coder's latest decision about the document's annotations on the passages of {@code range}, by annotation id. */
    public Map<String, List<Decision>> decisionsIn(DocumentRecord record, PassageRange range) {
        return range.isAll() ? annotations.decisions(record.id()) : annotations.decisionsOfPassages(record.id(), passageIds(record, range));
    }

    private static List<String> passageIds(DocumentRecord record, PassageRange range) {
        // A record counts its passages once they are segmented; before that the whole range is asked for.
        int total = record.passages() > 0 ? record.passages() : range.last() + 1;
        return range.passageIds(record.id(), total);
    }

    /**
     * Whether {@code coder} has coded the document, given their {@code decisions} on the passages of {@code range}. Of
     * a part, a decision elsewhere in the document counts too: people's reviews are read for it, not every decision of
     * the document (the annotator has one for each suggestion, seconds to read in a long document).
     */
    private boolean hasCoded(DocumentRecord record, String coder, PassageRange range, Map<String, List<Decision>> decisions) {
        return isCoder(record.id(), coder, decisions) || !range.isAll()
                && annotations.reviewLogOfPeople(record.id()).stream().anyMatch(review -> review.coder().equals(coder));
    }

    /** Whether {@code coder} has coded the document: the annotator, or a researcher with a decision or a coding status there. */
    public boolean isCoder(String documentId, String coder, Map<String, List<Decision>> decisions) {
        return isCoder(coder, annotations.codingStatus(documentId), decisions);
    }

    /** The same, from the document's coding statuses and decisions as read already. */
    public static boolean isCoder(String coder, Map<String, CodingStatus> statuses, Map<String, List<Decision>> decisions) {
        if (AnnotationIris.ANNOTATOR_CODER.equals(coder) || statuses.containsKey(coder)) {
            return true;
        }
        return decisions.values().stream().flatMap(List::stream).anyMatch(d -> d.coder().equals(coder));
    }
}
