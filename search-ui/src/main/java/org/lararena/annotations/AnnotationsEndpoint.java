package org.lararena.annotations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.lararena.documents.PassageRange;
import org.lararena.ingest.index.FacetFollower;
import org.lararena.ingest.names.DocumentNames;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.platform.web.JsonBody;
import org.lararena.teamcoding.CoderLayers;
import org.lararena.teamcoding.TeamCodingEndpoint;
import org.lararena.web.Explanation;
import org.lararena.web.Messages;

/**
 * The annotations of a document and their review:
 * <ul>
 *   <li>{@code GET /api/documents/{id}/annotations}: {@code [{id, passageId, start, end, exact, concept: {iri, label},
 *       theme: {iri, label}, origin, state, matched, confidence, learnedFrom, creator, created}]} ({@code learnedFrom}: how many
 *       researchers' decisions the suggester model in service learned the confidence of such a suggestion from) (anyone who may read it); to a
 *       researcher their own layer ({@code state} is their decision) with each annotation's {@code decisions: [{coder,
 *       state, at}]}, or with {@code ?coder=USERNAME|annotator} that coder's layer (blind mode permitting, see
 *       docs/team-coding.md); to everyone else the team's state; with {@code ?from=N&count=M} only those of the passages
 *       of ordinals N to N+M−1 (M at most {@code LARARENA_DOCUMENT_PART_PASSAGES}), as Dokument and Kodning read a long
 *       document a part at a time;</li>
 *   <li>{@code GET /api/documents/{id}/annotations.jsonld}: the annotations in the team's state as W3C Web Annotation
 *       JSON-LD, with the document's consensus where it has one;</li>
 *   <li>{@code POST /api/documents/{id}/annotations} {@code {passageId, start, end, concept}}: a manual tag;</li>
 *   <li>{@code POST /api/documents/{id}/annotations/review} {@code {ids: [...], state}}: accept or reject many;</li>
 *   <li>{@code PATCH /api/annotations/{id}} {@code {state}}: accept or reject in the caller's own layer (or undo with
 *       {@code suggested}); {@code DELETE /api/annotations/{id}}: retract for everyone (kept in the history);</li>
 * </ul>
 * Offsets count Unicode code points of the passage text. To everyone but researchers, the creator of a manual tag is
 * {@value org.lararena.ontology.store.PersonAgents#NEUTRAL_NAME}, never a username. Writes are for researchers and audited;
 * they answer once the annotation store holds them, and the passage's concepts and themes in search follow within a
 * second or two ({@link FacetFollower}). A request that cannot start within the configured time is answered 503 busy and
 * never carried out ({@link RequestWork}).
 */
public final class AnnotationsEndpoint {

    private static final int BODY_LIMIT = 64 * 1024;
    private static final int MAX_BULK = 1000;

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final FacetFollower search;
    private final RequestWork work;
    private final AuditLog audit;
    private final CoderLayers layers;
    private final Runnable decided;
    private final Supplier<SuggesterModel> suggester;
    /** Most passages a request may ask for the annotations of with {@code from} and {@code count}. */
    private final int partPassages;

    /**
     * @param decided told after every decision of a researcher (the suggester learns from them)
     * @param suggester the suggester model in service, which says how many decisions a suggestion's confidence rests on
     */
    public AnnotationsEndpoint(RequestWork work, DocumentStore documents, AnnotationStore annotations, Ontology ontology,
                               FacetFollower search, AuditLog audit, Runnable decided, Supplier<SuggesterModel> suggester,
                               int partPassages) {
        this.documents = Objects.requireNonNull(documents);
        this.partPassages = partPassages;
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.work = Objects.requireNonNull(work);
        this.search = Objects.requireNonNull(search);
        this.audit = Objects.requireNonNull(audit);
        this.layers = new CoderLayers(annotations);
        this.decided = Objects.requireNonNull(decided);
        this.suggester = Objects.requireNonNull(suggester);
    }

    public void addRoutes(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        router.get("/api/documents/:id/annotations.jsonld").handler(this::jsonLd);
        router.get("/api/documents/:id/annotations").handler(this::list);
        router.post("/api/documents/:id/annotations/review").handler(body).handler(this::bulkReview);
        router.post("/api/documents/:id/annotations").handler(body).handler(this::tag);
        router.patch("/api/annotations/:id").handler(body).handler(this::review);
        router.delete("/api/annotations/:id").handler(this::retract);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        String coder = ctx.queryParams().get("coder");
        PassageRange range = PassageRange.ofRequest(ctx.queryParams(), partPassages);
        Messages messages = Messages.of(ctx);
        work.json(ctx, () -> {
                    auditRestrictedRead(caller, record, "read_annotations");
                    // Researchers see one coder's layer (their own unless they ask), the others the team's state.
                    if (caller.isResearcher() || coder != null) {
                        return layers.layer(record, caller, coder, range, a -> toJson(a, messages));
                    }
                    JsonArray list = new JsonArray();
                    annotationsAsSeenBy(record, caller, range).forEach(a -> list.add(toJson(a, messages)));
                    return list;
                });
    }

    private void jsonLd(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = readable(ctx.pathParam("id"), caller);
        work.run(() -> {
                    auditRestrictedRead(caller, record, "read_annotations");
                    // A researcher coding blind does not see the consensus, as in ?coder=consensus; the others see no people in it.
                    Consensus consensus = annotations.consensus(record.id())
                            .filter(c -> !caller.isResearcher() || layers.seesColleagues(record, caller.username()))
                            .map(c -> caller.isResearcher() ? c : PersonAgents.withoutPerson(c)).orElse(null);
                    return WebAnnotationJsonLd.document(annotationsAsSeenBy(record, caller, PassageRange.ALL), record.id(), consensus);
                })
                .onSuccess(document -> ctx.response().putHeader("Content-Type", WebAnnotationJsonLd.MEDIA_TYPE).end(document.encode()))
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/documents/{id}/annotations}: a researcher tags a span of a passage with a concept. */
    private void tag(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = writable(ctx.pathParam("id"), caller);
        JsonObject body = jsonBody(ctx, "{\"passageId\": ..., \"start\": ..., \"end\": ..., \"concept\": \"<concept IRI>\"}");
        String passageId = requiredString(body, "passageId");
        int start = requiredInt(body, "start");
        int end = requiredInt(body, "end");
        String conceptIri = requiredString(body, "concept");
        Concept concept = ontology.concept(conceptIri).filter(c -> c.scheme().equals(LAR.Teman.getURI()))
                .orElseThrow(() -> LararenaException.badRequest("concept must be the IRI of a concept of the Teman scheme (got '"
                        + conceptIri + "')"));
        if (concept.deprecated()) {
            // Kept for the history of what was coded with it, not for new coding (the codebook's deprecate and merge).
            throw LararenaException.badRequest("the concept '" + concept.labelSv() + "' is no longer in use in the codebook"
                    + (concept.replacedBy() == null ? "" : ": use '" + ontology.concept(concept.replacedBy()).map(Concept::labelSv)
                            .orElse(concept.replacedBy()) + "' instead"));
        }
        Messages messages = Messages.of(ctx);
        work.json(ctx, 201, () -> {
                    PassageText passage = passage(record.id(), passageId);
                    StoredAnnotation added = annotations.addManual(record.id(), passage, start, end, concept.iri(),
                            ontology.version(), caller.username());
                    search.changed(record.id(), List.of(passageId));
                    decided.run();
                    audit.record(caller.username(), "annotation_added", added.id(), auditDetails(added, null));
                    return toJson(added, messages);
                });
    }

    /** {@code PATCH /api/annotations/{id}} with {@code {"state": "accepted" | "rejected"}}. */
    private void review(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx, "{\"state\": \"accepted\" | \"rejected\"}");
        ReviewState to = acceptOrReject(body);
        change(ctx, ctx.pathParam("id"), to);
    }

    /** {@code DELETE /api/annotations/{id}}: retracts it; it stays in the history. */
    private void retract(RoutingContext ctx) {
        change(ctx, ctx.pathParam("id"), ReviewState.RETRACTED);
    }

    private void change(RoutingContext ctx, String annotationId, ReviewState to) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        work.json(ctx, () -> {
                    StoredAnnotation before = annotations.find(annotationId).orElseThrow(() -> LararenaException.notFound("no annotation with that id"));
                    DocumentRecord record = writable(before.documentId(), caller);
                    StoredAnnotation after = annotations.review(record.id(), List.of(annotationId), to, caller.username()).get(0);
                    search.changed(record.id(), List.of(after.passageId()));
                    decided.run();
                    if (after.state() != before.state()) {
                        audit.record(caller.username(), "annotation_" + to.wireName(), after.id(), auditDetails(after, before.state()));
                    }
                    return toJson(after.withState(to), messages);
                });
    }

    /** {@code POST /api/documents/{id}/annotations/review} with {@code {"ids": [...], "state": "accepted" | "rejected"}}. */
    private void bulkReview(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        DocumentRecord record = writable(ctx.pathParam("id"), caller);
        JsonObject body = jsonBody(ctx, "{\"ids\": [\"<annotation id>\", ...], \"state\": \"accepted\" | \"rejected\"}");
        ReviewState to = acceptOrReject(body);
        if (!(body.getValue("ids") instanceof JsonArray ids) || ids.isEmpty() || ids.size() > MAX_BULK
                || !ids.stream().allMatch(id -> id instanceof String)) {
            throw LararenaException.badRequest("ids must be a list of 1 to " + MAX_BULK + " annotation ids");
        }
        List<String> wanted = ids.stream().map(String.class::cast).distinct().toList();
        Messages messages = Messages.of(ctx);
        work.json(ctx, () -> {
                    Map<String, ReviewState> before = new HashMap<>();
                    for (String id : wanted) {
                        annotations.find(id).filter(a -> a.documentId().equals(record.id())).ifPresent(a -> before.put(id, a.state()));
                    }
                    List<StoredAnnotation> after = annotations.review(record.id(), wanted, to, caller.username());
                    search.changed(record.id(), after.stream().map(StoredAnnotation::passageId).distinct().toList());
                    decided.run();
                    JsonArray changed = new JsonArray();
                    for (StoredAnnotation annotation : after) {
                        if (annotation.state() != before.get(annotation.id())) {
                            audit.record(caller.username(), "annotation_" + to.wireName(), annotation.id(),
                                    auditDetails(annotation, before.get(annotation.id())));
                        }
                        changed.add(toJson(annotation.withState(to), messages));
                    }
                    return changed;
                });
    }

    // --- helpers

    /**
     * A document's annotations; to everyone but researchers with the people who made them as the neutral agent and
     * the names spoken in their quotes replaced, as in the passages themselves.
     */
    /**
     * The document's annotations in the state the caller may see: the team's for a researcher who sees colleagues'
     * coding, the researcher's own layer while they code the document blind (the team state would show colleagues'
     * decisions), and the team's with people and spoken names hidden for everyone else.
     */
    private List<StoredAnnotation> annotationsAsSeenBy(DocumentRecord record, Caller caller, PassageRange range) {
        String documentId = record.id();
        List<StoredAnnotation> all = layers.annotationsIn(record, range);
        if (caller.isResearcher()) {
            return layers.seesColleagues(record, caller.username()) ? all
                    : CoderView.of(all, layers.decisionsIn(record, range), caller.username());
        }
        DocumentNames names = DocumentNames.of(documents, documentId);
        return all.stream().map(PersonAgents::withoutPerson).map(a -> {
            DocumentNames.Quote quote = names.mask(a.passageId(), a.start(), a.end(), a.exact(), a.prefix(), a.suffix());
            return a.withQuote(quote.exact(), quote.prefix(), quote.suffix());
        }).toList();
    }

    /** The document if the caller may read it; 404 otherwise (ids must not be guessable). */
    private DocumentRecord readable(String documentId, Caller caller) {
        return TeamCodingEndpoint.readable(documents, documentId, caller);
    }

    /** The document if the caller may read it (404 otherwise) and change its annotations (403 otherwise). */
    private DocumentRecord writable(String documentId, Caller caller) {
        DocumentRecord record = readable(documentId, caller);
        caller.require(Caller.RESEARCHER);
        return record;
    }

    private void auditRestrictedRead(Caller caller, DocumentRecord record, String action) {
        if (record.visibility() == Visibility.RESTRICTED) {
            audit.record(caller.username(), action, record.id(), new JsonObject().put("filename", record.filename()));
        }
    }

    /** The text of a passage of the document, as extraction kept it; 400 for an id that is not one of its passages. */
    private PassageText passage(String documentId, String passageId) {
        String prefix = documentId + "-";
        Optional<Integer> ordinal = Optional.empty();
        if (passageId.startsWith(prefix) && passageId.substring(prefix.length()).matches("\\d{1,9}")) {
            ordinal = Optional.of(Integer.parseInt(passageId.substring(prefix.length())));
        }
        JsonArray passages = documents.passages(documentId).map(p -> p.getJsonArray("passages", new JsonArray())).orElse(new JsonArray());
        for (int i = 0; i < passages.size() && ordinal.isPresent(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            if (ordinal.get().equals(passage.getInteger("ordinal"))) {
                return new PassageText(passageId, passage.getString("text", ""));
            }
        }
        throw LararenaException.badRequest("passageId '" + passageId + "' is not a passage of document " + documentId);
    }

    /** An annotation as the API writes it, with why it is there in the reader's language ({@link Explanation}). */
    JsonObject toJson(StoredAnnotation a, Messages messages) {
        Optional<Concept> concept = ontology.concept(a.conceptIri());
        Optional<Concept> theme = concept.flatMap(c -> ontology.topTheme(c.iri()));
        JsonObject json = new JsonObject()
                .put("id", a.id())
                .put("passageId", a.passageId())
                .put("start", a.start())
                .put("end", a.end())
                .put("exact", a.exact())
                .put("concept", new JsonObject().put("iri", a.conceptIri()).put("label", concept.map(Concept::labelSv).orElse(a.conceptIri())))
                .put("theme", theme.map(t -> new JsonObject().put("iri", t.iri()).put("label", t.labelSv())).orElse(null))
                .put("origin", a.origin())
                .put("state", a.state().wireName())
                .put("matched", a.matchedTerm())
                .put("confidence", a.confidence())
                .put("learnedFrom", a.manual() ? null : Explanation.learnedFrom(suggester.get(), a.conceptIri(), a.matchedTerm(), a.creatorIri()))
                .put("creator", a.creator())
                .put("created", a.created() == null ? null : a.created().toString());
        return json.put("explanation", Explanation.of(json, messages));
    }

    private static JsonObject auditDetails(StoredAnnotation a, ReviewState from) {
        return new JsonObject().put("documentId", a.documentId()).put("passageId", a.passageId()).put("concept", a.conceptIri())
                .put("from", from == null ? null : from.wireName()).put("to", a.state().wireName());
    }

    private static JsonObject jsonBody(RoutingContext ctx, String shape) {
        return JsonBody.of(ctx, shape);
    }

    private static ReviewState acceptOrReject(JsonObject body) {
        Object state = body.getValue("state");
        // "suggested" takes a review of a suggestion back (the Kodning page's undo).
        if (!"accepted".equals(state) && !"rejected".equals(state) && !"suggested".equals(state)) {
            throw LararenaException.badRequest("state must be \"accepted\", \"rejected\" or (to undo a review of a suggestion) \"suggested\" (got "
                    + (state == null ? "nothing" : "'" + state + "'") + "); DELETE /api/annotations/{id} retracts");
        }
        return ReviewState.parse((String) state);
    }

    private static String requiredString(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof String value) || value.isBlank()) {
            throw LararenaException.badRequest(field + " is required (a string)");
        }
        return value;
    }

    private static int requiredInt(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
                || ((Number) value).longValue() > Integer.MAX_VALUE) {
            throw LararenaException.badRequest(field + " is required (a code point offset, 0 or more)");
        }
        return ((Number) value).intValue();
    }
}
