package org.lararena.teamcoding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lararena.documents.DocumentsEndpoint;
import org.lararena.ingest.index.FacetFollower;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.LoggedReview;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.JsonBody;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;

/**
 * How researchers code a document together (researchers only; 404 for a document the caller may not read):
 * <ul>
 *   <li>{@code GET /api/documents/{id}/coding-status}: {@code {blind, coders: [{coder, state, at}]}};</li>
 *   <li>{@code PUT /api/documents/{id}/coding-status} {@code {state: "in_progress" | "done"}}: the caller's status;</li>
 *   <li>{@code PUT /api/documents/{id}/blind-coding} {@code {blind: true | false}};</li>
 *   <li>{@code GET /api/documents/{id}/review-log}: every review, newest first (with {@code ?annotator=false} only
 *       people's: not the annotator's entry for each suggestion it made) ({@code [{annotationId, coder, from,
 *       to, at, reason, annotation}]}, where a person's entry names its annotation: {@code {passageId, exact,
 *       concept: {iri}, origin, creator}}); in blind mode, until the caller is done, only their own and the annotator's;</li>
 *   <li>{@code GET /api/documents/{id}/consensus}: {@code {adjudicator, created, adoptedFrom, annotations: [ids]}}, 404
 *       before there is one;</li>
 *   <li>{@code PUT /api/documents/{id}/consensus} {@code {adopt: "<coder>"}} (that coder's layer as it is) or {@code
 *       {annotations: [ids]}} (the adjudicator's choice): from then on the consensus decides what search sees.</li>
 * </ul>
 */
public final class TeamCodingEndpoint {

    private static final int BODY_LIMIT = 4 * 1024;
    /** Room for a consensus of some thousands of annotation ids. */
    private static final int CONSENSUS_BODY_LIMIT = 1024 * 1024;

    private final RequestWork work;
    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final CoderLayers layers;
    private final AuditLog audit;
    private final FacetFollower search;

    public TeamCodingEndpoint(RequestWork work, DocumentStore documents, AnnotationStore annotations, FacetFollower search,
                              AuditLog audit) {
        this.work = Objects.requireNonNull(work);
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.search = Objects.requireNonNull(search);
        this.audit = Objects.requireNonNull(audit);
        this.layers = new CoderLayers(annotations);
    }

    public void addRoutes(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        router.get("/api/documents/:id/coding-status").handler(this::status);
        router.put("/api/documents/:id/coding-status").handler(body).handler(this::setStatus);
        router.put("/api/documents/:id/blind-coding").handler(body).handler(this::setBlind);
        router.get("/api/documents/:id/review-log").handler(this::reviewLog);
        router.get("/api/documents/:id/consensus").handler(this::consensus);
        router.put("/api/documents/:id/consensus").handler(BodyHandler.create(false).setBodyLimit(CONSENSUS_BODY_LIMIT)).handler(this::settle);
    }

    private void consensus(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        work.json(ctx, () -> consensusJson(annotations.consensus(record.id())
                .orElseThrow(() -> LararenaException.notFound("document " + record.id() + " has no consensus yet"))));
    }

    /** Adopts one coder's layer, or the adjudicator's choice of annotations, as the document's consensus. */
    private void settle(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        JsonObject body = JsonBody.of(ctx, "{\"adopt\": \"<coder>\"} or {\"annotations\": [\"<annotation id>\", ...]}");
        Object adopt = body.getValue("adopt");
        Object chosen = body.getValue("annotations");
        if ((adopt == null) == (chosen == null) || (adopt != null && !(adopt instanceof String))
                || (chosen != null && !(chosen instanceof JsonArray list && list.stream().allMatch(id -> id instanceof String)))) {
            throw LararenaException.badRequest("send either adopt (a coder's name) or annotations (a list of annotation ids)");
        }
        work.json(ctx, () -> {
                    if (!layers.seesColleagues(record, caller.username())) {
                        throw LararenaException.forbidden("document " + record.id() + " is coded blind: mark it done before you settle a consensus");
                    }
                    Set<String> ids;
                    if (adopt != null) {
                        String coder = (String) adopt;
                        Map<String, List<Decision>> decisions = annotations.decisions(record.id());
                        if (!layers.isCoder(record.id(), coder, decisions)) {
                            throw LararenaException.badRequest("unknown coder " + coder + ": not a coder of document " + record.id());
                        }
                        ids = CoderView.of(annotations.annotationsOf(record.id()), decisions, coder).stream()
                                .filter(a -> CoderView.applied(a, coder)).map(StoredAnnotation::id).collect(Collectors.toSet());
                    } else {
                        ids = ((JsonArray) chosen).stream().map(String.class::cast).collect(Collectors.toSet());
                    }
                    List<StoredAnnotation> after = annotations.settleConsensus(record.id(), ids, caller.username(), (String) adopt);
                    // Search follows as after any coding action (and the answer cache is told once it is searchable).
                    search.changed(record.id(), after.stream().map(StoredAnnotation::passageId).distinct().toList());
                    audit.record(caller.username(), "consensus_settled", record.id(),
                            new JsonObject().put("adoptedFrom", adopt).put("annotations", ids.size()));
                    return consensusJson(annotations.consensus(record.id()).orElseThrow());
                });
    }

    private static JsonObject consensusJson(Consensus consensus) {
        return new JsonObject().put("adjudicator", consensus.adjudicator())
                .put("created", consensus.created() == null ? null : consensus.created().toString())
                .put("adoptedFrom", consensus.adoptedFrom()).put("annotations", new JsonArray(List.copyOf(consensus.annotationIds())));
    }

    private void status(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        work.json(ctx, () -> statusJson(record));
    }

    private void setStatus(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        CodingStatus.State state = CodingStatus.State.parse(JsonBody.of(ctx, "{\"state\": \"in_progress\" | \"done\"}").getValue("state"));
        work.json(ctx, () -> {
                    annotations.setCodingStatus(record.id(), caller.username(), state);
                    audit.record(caller.username(), "coding_status", record.id(), new JsonObject().put("state", state.wireName()));
                    return statusJson(record);
                });
    }

    private void setBlind(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        if (!(JsonBody.of(ctx, "{\"blind\": true | false}").getValue("blind") instanceof Boolean blind)) {
            throw LararenaException.badRequest("blind must be true or false");
        }
        work.json(ctx, () -> {
                    annotations.setBlindCoding(record.id(), blind);
                    audit.record(caller.username(), "blind_coding", record.id(), new JsonObject().put("blind", blind));
                    return statusJson(record);
                });
    }

    private void reviewLog(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        boolean withAnnotator = Params.booleanParam(ctx.queryParams().get("annotator"), "annotator", true);
        work.json(ctx, () -> {
                    boolean seesColleagues = layers.seesColleagues(record, caller.username());
                    List<LoggedReview> shown = new ArrayList<>();
                    Set<String> reviewedByPeople = new LinkedHashSet<>();
                    for (LoggedReview entry : withAnnotator ? annotations.reviewLog(record.id()) : annotations.reviewLogOfPeople(record.id())) {
                        boolean annotator = entry.byAnnotator();
                        if (seesColleagues || entry.coder().equals(caller.username()) || annotator) {
                            shown.add(entry);
                            if (!annotator) {
                                reviewedByPeople.add(entry.annotationId());
                            }
                        }
                    }
                    // What a person reviewed, read at once: a page that shows one part of a long document names (and
                    // undoes) decisions made in another part from these.
                    Map<String, StoredAnnotation> reviewed = annotations.findInDocument(record.id(), reviewedByPeople);
                    JsonArray log = new JsonArray();
                    for (LoggedReview entry : shown) {
                        log.add(new JsonObject().put("annotationId", entry.annotationId()).put("coder", entry.coder())
                                .put("from", entry.review().from() == null ? null : entry.review().from().wireName())
                                .put("to", entry.review().to().wireName())
                                .put("at", entry.review().at() == null ? null : entry.review().at().toString())
                                .put("reason", entry.review().reason())
                                .put("annotation", entry.byAnnotator() ? null : reviewedAnnotation(reviewed.get(entry.annotationId()))));
                    }
                    return log;
                });
    }

    /** The annotation a person reviewed, as the review log names it: where it is, its words, concept, origin and creator. */
    private static JsonObject reviewedAnnotation(StoredAnnotation a) {
        return a == null ? null : new JsonObject().put("passageId", a.passageId()).put("exact", a.exact())
                .put("concept", new JsonObject().put("iri", a.conceptIri())).put("origin", a.origin()).put("creator", a.creator());
    }

    private JsonObject statusJson(DocumentRecord record) {
        JsonArray coders = new JsonArray();
        annotations.codingStatus(record.id()).values().forEach(s -> coders.add(new JsonObject().put("coder", s.coder())
                .put("state", s.state().wireName()).put("at", s.at() == null ? null : s.at().toString())));
        return new JsonObject().put("documentId", record.id()).put("blind", layers.blind(record)).put("coders", coders);
    }

    /** The document if the caller may read it; 404 otherwise (ids must not be guessable). */
    public static DocumentRecord readable(DocumentStore documents, String documentId, Caller caller) {
        return documents.find(documentId).filter(r -> DocumentsEndpoint.mayRead(caller, r))
                .orElseThrow(() -> LararenaException.notFound("no document with that id"));
    }

    private DocumentRecord readable(String documentId, Caller caller) {
        return readable(documents, documentId, caller);
    }

}
