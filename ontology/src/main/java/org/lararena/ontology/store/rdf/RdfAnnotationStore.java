package org.lararena.ontology.store.rdf;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.LoggedReview;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.Review;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;
import org.lararena.ontology.vocabulary.PROV;
import org.lararena.platform.LararenaException;
import org.lararena.platform.Sha256;

/**
 * The annotation store over a Jena {@link Dataset}: TDB2 in the data directory by default, a remote TDB2 behind
 * Fuseki with {@code LARARENA_RDF=fuseki} or {@code LARARENA_RDF_URL} (through {@link StoreTransactions}), an in-memory TDB2 dataset in
 * tests. One write or read transaction per call ({@code calculateWrite} / {@code calculateRead}); every write changes
 * one document's graph.
 *
 * <p>IRIs ({@link AnnotationIris}): the annotation {@code <BASE>annotation/<id>}, its target, quote and position selectors the same with
 * {@code #target}, {@code #quote}, {@code #position}; the passage {@code <BASE>passage/<passageId>}; the document
 * {@code <BASE>document/<documentId>} (carrying {@code lar:ontologyVersion}); users {@code <BASE>agent/user/<name>},
 * the annotator {@code <BASE>agent/annotator/<version>}; activities {@code <BASE>activity/<uuid>}.
 *
 * <p>An automatic suggestion is stored without its quote selector: its quote is derived from the passage's text
 * ({@code lar:text}, written once per passage) at its position. A suggestion costs 17 quads instead of 22 and no text of
 * its own, which is most of what an annotation run writes (TDB2 copies every index page a transaction touches). Once a
 * person decides on it, it gets its quote selector like a researcher's own tag, so what the team has reviewed is
 * complete in the W3C model for SPARQL too.
 */
public final class RdfAnnotationStore implements AnnotationStore {

    private static final String SUPERSEDED = "superseded by an automatic annotation run with ontology version ";
    /** Superseded suggestions retracted per write transaction at the end of a run (each writes one activity). */
    private static final int RETRACTIONS_PER_TRANSACTION = 200;

    /** Passage order (numeric), then text order within a passage. */
    static final Comparator<StoredAnnotation> TEXT_ORDER = Comparator.comparing((StoredAnnotation a) -> passageOrdinal(a.passageId()))
            .thenComparing(StoredAnnotation::passageId).thenComparingInt(StoredAnnotation::start)
            .thenComparingInt(StoredAnnotation::end).thenComparing(StoredAnnotation::conceptIri).thenComparing(StoredAnnotation::id);

    /** Where the quads live: the embedded TDB2 dataset, or a remote SPARQL store (see {@link StoreTransactions}). */
    private final StoreTransactions store;
    /** The researchers' actions: committed together when they arrive together (ingest writes batches of its own). */
    private final GroupCommit actions;
    /** The annotator's version as an agent, asked at each run: the suggester model in service changes it. */
    private final Supplier<String> annotatorVersion;

    /** A store whose suggestions are made by the annotator of {@link PassageAnnotator#VERSION}, with no model. */
    public RdfAnnotationStore(Dataset dataset) {
        this(dataset, () -> PassageAnnotator.VERSION);
    }

    /**
     * @param annotatorVersion the version of the annotator that makes the suggestions stored now (the annotator's own
     *                         and that of the suggester model in service; see {@link AnnotationIris#annotatorVersion(int)})
     */
    public RdfAnnotationStore(Dataset dataset, Supplier<String> annotatorVersion) {
        this(StoreTransactions.local(dataset), annotatorVersion);
    }

    /**
     * A store over {@code store}'s transactions: an embedded dataset's ({@link StoreTransactions#local}) or a remote
     * SPARQL store's.
     */
    public RdfAnnotationStore(StoreTransactions store, Supplier<String> annotatorVersion) {
        this.store = Objects.requireNonNull(store, "store");
        this.actions = new GroupCommit(store);
        this.annotatorVersion = Objects.requireNonNull(annotatorVersion, "annotatorVersion");
    }

    /** The deterministic id of an automatic annotation: the same passage, concept and span give the same id. */
    public static String automaticId(String documentId, String passageId, String conceptIri, int start, int end) {
        return "a" + Sha256.hex(documentId + "\n" + passageId + "\n" + conceptIri + "\n" + start + "\n" + end).substring(0, 24);
    }

    /** The id of the automatic annotation a suggestion of a passage is (its char offsets counted in code points). */
    static String automaticId(String documentId, PassageText passage, Suggestion suggestion) {
        String text = passage.text();
        return automaticId(documentId, passage.passageId(), suggestion.conceptIri(), text.codePointCount(0, suggestion.start()),
                text.codePointCount(0, suggestion.end()));
    }

    @Override
    public StoredBatch storeSuggestions(String documentId, String ontologyVersion, List<PassageSuggestions> passages, Duration budget) {
        Objects.requireNonNull(ontologyVersion, "ontologyVersion");
        long budgetNanos = budget.toNanos();
        return timedWrite(lockTaken -> {
            Model graph = graph(documentId);
            return writeSuggestions(graph, annotator(graph), now(), documentId, ontologyVersion, passages,
                    () -> System.nanoTime() - lockTaken >= budgetNanos);
        });
    }

    /**
     * The whole run of a small document in one write transaction: its suggestions, the retraction of what the run no
     * longer suggests, and the ontology version. A run over a few passages would otherwise pay two commits, and a
     * commit costs about the same whatever it holds.
     */
    @Override
    public StoredBatch storeWholeRun(String documentId, String ontologyVersion, List<PassageSuggestions> passages) {
        Objects.requireNonNull(ontologyVersion, "ontologyVersion");
        return timedWrite(lockTaken -> {
            Model graph = graph(documentId);
            Resource annotator = annotator(graph);
            Instant now = now();
            // The whole run or nothing: the retraction below must see every passage's suggestions.
            StoredBatch stored = writeSuggestions(graph, annotator, now, documentId, ontologyVersion, passages, () -> false);
            Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>(stored.passages());
            byPassage.putAll(retract(graph, annotator, now, documentId, ontologyVersion, superseded(graph, stored.made())));
            recordVersion(graph, documentId, ontologyVersion);
            return new StoredBatch(stored.made(), byPassage, Duration.ZERO, stored.stored());
        });
    }

    /**
     * Runs {@code write} in one write transaction (given {@link System#nanoTime()} when it had the writer lock) and
     * returns its batch with how long it held the lock.
     */
    private StoredBatch timedWrite(LongFunction<StoredBatch> write) {
        long[] lockTaken = new long[1];
        StoredBatch stored = store.calculateWrite(() -> {
            lockTaken[0] = System.nanoTime();
            return write.apply(lockTaken[0]);
        });
        return new StoredBatch(stored.made(), stored.passages(), Duration.ofNanos(System.nanoTime() - lockTaken[0]), stored.stored());
    }

    /**
     * Writes a batch's suggestions into the document's graph (inside the caller's write transaction), passage by
     * passage until {@code spent} says the write's budget is used up (after one passage at least).
     */
    private static StoredBatch writeSuggestions(Model graph, Resource annotator, Instant now, String documentId, String ontologyVersion,
                                                List<PassageSuggestions> passages, BooleanSupplier spent) {
        Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>();
        Set<String> made = new HashSet<>();
        int stored = 0;
        for (PassageSuggestions passage : passages) {
            if (stored > 0 && spent.getAsBoolean()) {
                break;
            }
            stored++;
            String text = passage.passage().text();
            // A passage annotated for the first time: its annotations are the ones written here, not read back.
            boolean fresh = !graph.contains(null, OA.hasSource, graph.createResource(AnnotationIris.passageIri(passage.passage().passageId())));
            if (!passage.suggestions().isEmpty()) {
                // Before any suggestion of this run is written: they derive their quote from this text.
                keepPassageText(graph, passage.passage());
            }
            List<StoredAnnotation> written = new ArrayList<>();
            for (Suggestion suggestion : passage.suggestions()) {
                String id = automaticId(documentId, passage.passage(), suggestion);
                if (!made.add(id)) {
                    continue;
                }
                Resource annotation = graph.createResource(AnnotationIris.annotationIri(id));
                if (fresh || !graph.contains(annotation, RDF.type, OA.Annotation)) {
                    // Its creation is its creator and time (dcterms), read back as the first entry of its history:
                    // a PROV activity per suggestion would double what a document's run writes.
                    written.add(writeAnnotation(graph, documentId, id, passage.passage(), text.codePointCount(0, suggestion.start()),
                            text.codePointCount(0, suggestion.end()), suggestion.conceptIri(),
                            false, annotator, now, ontologyVersion, suggestion));
                    continue;
                }
                ReviewState state = stateOf(annotation);
                boolean current = state == ReviewState.SUGGESTED || (state == ReviewState.RETRACTED && !retractedByPerson(graph, annotation));
                if (current && !madeAlike(annotation, suggestion, ontologyVersion)) {
                    annotation.removeAll(LAR.matchedTerm).removeAll(LAR.confidence).removeAll(LAR.ontologyVersion)
                            .addProperty(LAR.matchedTerm, suggestion.matchedTerm())
                            .addLiteral(LAR.confidence, graph.createTypedLiteral(BigDecimal.valueOf(suggestion.confidence())))
                            .addProperty(LAR.ontologyVersion, ontologyVersion);
                }
                if (current && state == ReviewState.RETRACTED) {
                    setState(graph, annotation, ReviewState.SUGGESTED, annotator, now,
                            "suggested again by an automatic annotation run with ontology version " + ontologyVersion);
                }
            }
            if (fresh) {
                written.sort(TEXT_ORDER);
                byPassage.put(passage.passage().passageId(), written);
            } else {
                byPassage.put(passage.passage().passageId(), readPassage(graph, documentId, passage.passage().passageId()));
            }
        }
        return new StoredBatch(made, byPassage, Duration.ZERO, stored);
    }

    @Override
    public Map<String, List<StoredAnnotation>> finishAutomatic(String documentId, String ontologyVersion, Set<String> made) {
        Objects.requireNonNull(ontologyVersion, "ontologyVersion");
        Map<String, List<StoredAnnotation>> changed = retractSuperseded(documentId, ontologyVersion, made);
        store.executeWrite(() -> recordVersion(graph(documentId), documentId, ontologyVersion));
        return changed;
    }

    @Override
    public boolean holdsSuggestions(String documentId) {
        return store.calculateRead(() -> graph(documentId).contains(null, LAR.reviewState, LAR.Suggested));
    }

    @Override
    public Map<String, List<StoredAnnotation>> finishFreshAutomatic(String documentId, String ontologyVersion, Set<String> made) {
        Objects.requireNonNull(ontologyVersion, "ontologyVersion");
        store.executeWrite(() -> recordVersion(graph(documentId), documentId, ontologyVersion));
        return Map.of();
    }

    /**
     * The retraction half of {@link #finishAutomatic}, without recording the version: a read, and short writes only
     * when there is something to retract.
     */
    Map<String, List<StoredAnnotation>> retractSuperseded(String documentId, String ontologyVersion, Set<String> made) {
        List<String> superseded = store.calculateRead(() -> superseded(graph(documentId), made));
        Map<String, List<StoredAnnotation>> changed = new LinkedHashMap<>();
        for (int from = 0; from < superseded.size(); from += RETRACTIONS_PER_TRANSACTION) {
            List<String> batch = superseded.subList(from, Math.min(superseded.size(), from + RETRACTIONS_PER_TRANSACTION));
            changed.putAll(store.calculateWrite(() -> {
                Model graph = graph(documentId);
                return retract(graph, annotator(graph), now(), documentId, ontologyVersion, batch);
            }));
        }
        return changed;
    }

    /** The annotator's suggestions of the document, still suggested, that a run which made {@code made} no longer makes. */
    private static List<String> superseded(Model graph, Set<String> made) {
        List<String> ids = new ArrayList<>();
        graph.listSubjectsWithProperty(LAR.reviewState, LAR.Suggested).forEach(annotation -> {
            // The run made almost all of them: asking its set first spares a lookup in the store for each.
            String id = idOf(annotation);
            if (!made.contains(id) && annotation.hasProperty(OA.motivatedBy, OA.classifying)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * Retracts superseded suggestions (inside the caller's write transaction): only those still untouched, since a
     * researcher may have reviewed one after it was read. Returns every annotation of the passages that changed.
     */
    private static Map<String, List<StoredAnnotation>> retract(Model graph, Resource annotator, Instant now, String documentId,
                                                               String ontologyVersion, List<String> superseded) {
        Set<String> passages = new LinkedHashSet<>();
        for (String id : superseded) {
            Resource annotation = graph.createResource(AnnotationIris.annotationIri(id));
            if (stateOf(annotation) == ReviewState.SUGGESTED) {
                setState(graph, annotation, ReviewState.RETRACTED, annotator, now, SUPERSEDED + ontologyVersion);
                passages.add(passageIdOf(annotation));
            }
        }
        Map<String, List<StoredAnnotation>> ofPassages = new LinkedHashMap<>();
        passages.forEach(passageId -> ofPassages.put(passageId, readPassage(graph, documentId, passageId)));
        return ofPassages;
    }

    private static void recordVersion(Model graph, String documentId, String ontologyVersion) {
        graph.createResource(AnnotationIris.documentIri(documentId)).removeAll(LAR.ontologyVersion).addProperty(LAR.ontologyVersion, ontologyVersion);
    }

    @Override
    public StoredAnnotation addManual(String documentId, PassageText passage, int start, int end, String conceptIri,
                                      String ontologyVersion, String username) {
        Objects.requireNonNull(conceptIri, "conceptIri");
        Objects.requireNonNull(username, "username");
        requireInside(passage, start, end);
        String id = "m" + Sha256.hex(UUID.randomUUID().toString()).substring(0, 24);
        return actions.calculate(() -> {
            Model graph = graph(documentId);
            Instant now = now();
            Resource user = user(graph, username);
            StoredAnnotation added = writeAnnotation(graph, documentId, id, passage, start, end, conceptIri, true, user, now, ontologyVersion, null);
            // A researcher's tag is their decision too (the team state and the agreement read it): one activity per tag.
            record(graph, graph.createResource(AnnotationIris.annotationIri(id)), user, now, null, ReviewState.ACCEPTED, null);
            return added;
        });
    }

    @Override
    public List<StoredAnnotation> addManual(String documentId, List<ManualTag> tags, String ontologyVersion) {
        List<String> ids = new ArrayList<>();
        for (ManualTag tag : tags) {
            Objects.requireNonNull(tag.conceptIri(), "conceptIri");
            Objects.requireNonNull(tag.username(), "username");
            requireInside(tag.passage(), tag.start(), tag.end());
            ids.add("m" + Sha256.hex(UUID.randomUUID().toString()).substring(0, 24));
        }
        return actions.calculate(() -> {
            Model graph = graph(documentId);
            Instant now = now();
            List<StoredAnnotation> added = new ArrayList<>();
            for (int i = 0; i < tags.size(); i++) {
                ManualTag tag = tags.get(i);
                Resource user = user(graph, tag.username());
                added.add(writeAnnotation(graph, documentId, ids.get(i), tag.passage(), tag.start(), tag.end(), tag.conceptIri(), true, user,
                        now, ontologyVersion, null));
                record(graph, graph.createResource(AnnotationIris.annotationIri(ids.get(i))), user, now, null, ReviewState.ACCEPTED, null);
            }
            return added;
        });
    }

    private static void requireInside(PassageText passage, int start, int end) {
        int length = passage.codePoints();
        if (start < 0 || end <= start || end > length) {
            throw LararenaException.badRequest("the span " + start + ".." + end + " lies outside passage " + passage.passageId()
                    + " (its text has " + length + " code points; start < end required)");
        }
    }

    @Override
    public List<StoredAnnotation> review(String documentId, List<String> annotationIds, ReviewState to, String username) {
        return review(documentId, annotationIds, to, username, Map.of());
    }

    /**
     * {@link #review}, in the same write transaction first adopting annotations kept elsewhere ({@link #copies}, by id)
     * that this store does not hold yet.
     */
    List<StoredAnnotation> review(String documentId, List<String> annotationIds, ReviewState to, String username, Map<String, Model> adopted) {
        Objects.requireNonNull(to, "to");
        if (annotationIds.isEmpty()) {
            throw LararenaException.badRequest("name at least one annotation id");
        }
        return actions.calculate(() -> {
            Model graph = graph(documentId);
            adopt(graph, adopted.keySet(), adopted);
            List<Resource> annotations = new ArrayList<>();
            for (String id : annotationIds) {
                Resource annotation = graph.createResource(AnnotationIris.annotationIri(id));
                if (!graph.contains(annotation, RDF.type, OA.Annotation)) {
                    throw LararenaException.notFound("no annotation " + id + " in document " + documentId);
                }
                if (stateOf(annotation) == ReviewState.RETRACTED && to != ReviewState.RETRACTED) {
                    throw new LararenaException(409, "conflict", "annotation " + id + " was retracted; add a new annotation instead");
                }
                // Back to suggested is the undo of a review: a researcher's own tag was never a suggestion to them.
                if (to == ReviewState.SUGGESTED && annotation.hasProperty(DCTerms.creator, graph.createResource(AnnotationIris.userIri(username)))) {
                    throw LararenaException.badRequest("annotation " + id + " is your own tag: it can be accepted, rejected or retracted, not suggested");
                }
                annotations.add(annotation);
            }
            Instant now = now();
            Resource user = user(graph, username);
            List<StoredAnnotation> result = new ArrayList<>();
            for (Resource annotation : annotations) {
                if (to == ReviewState.RETRACTED) {
                    if (stateOf(annotation) != to) {
                        setState(graph, annotation, to, user, now, null);
                    }
                } else {
                    decide(graph, annotation, user, to, now);
                }
                result.add(toRecord(annotation, documentId));
            }
            return result;
        });
    }

    @Override
    public Map<String, List<StoredAnnotation>> annotationsOfPassages(String documentId, Collection<String> passageIds) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>();
            passageIds.forEach(passageId -> byPassage.put(passageId, readPassage(graph, documentId, passageId)));
            return byPassage;
        });
    }

    @Override
    public long eraseDocument(String documentId) {
        Node graphName = LAR.documentGraph(documentId).asNode();
        long removed = 0;
        while (true) {
            long batch = store.calculateWrite(() -> {
                List<Quad> quads = new ArrayList<>(ERASE_BATCH_QUADS);
                var found = store.dataset().asDatasetGraph().find(graphName, Node.ANY, Node.ANY, Node.ANY);
                try {
                    while (found.hasNext() && quads.size() < ERASE_BATCH_QUADS) {
                        quads.add(found.next());
                    }
                } finally {
                    Iter.close(found);
                }
                quads.forEach(store.dataset().asDatasetGraph()::delete);
                return (long) quads.size();
            });
            if (batch == 0) {
                return removed;
            }
            removed += batch;
        }
    }

    @Override
    public List<StoredAnnotation> annotationsOf(String documentId) {
        return store.calculateRead(() -> read(graph(documentId), documentId));
    }

    @Override
    public Optional<StoredAnnotation> find(String annotationId) {
        return store.calculateRead(() -> graphOf(annotationId).map(documentId ->
                toRecord(graph(documentId).createResource(AnnotationIris.annotationIri(annotationId)), documentId)));
    }

    @Override
    public Map<String, StoredAnnotation> findInDocument(String documentId, Collection<String> annotationIds) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Map<String, StoredAnnotation> found = new LinkedHashMap<>();
            for (String annotationId : annotationIds) {
                Resource annotation = graph.createResource(AnnotationIris.annotationIri(annotationId));
                if (graph.contains(annotation, RDF.type, OA.Annotation)) {
                    found.put(annotationId, toRecord(annotation, documentId));
                }
            }
            return found;
        });
    }

    @Override
    public List<Review> history(String annotationId) {
        return historyIfHeld(annotationId).orElseThrow(() -> LararenaException.notFound("no annotation " + annotationId));
    }

    /** The history of one annotation, oldest first, if this store holds it. */
    Optional<List<Review>> historyIfHeld(String annotationId) {
        return store.calculateRead(() -> {
            Optional<String> documentId = graphOf(annotationId);
            if (documentId.isEmpty()) {
                return Optional.<List<Review>>empty();
            }
            Model graph = graph(documentId.get());
            Resource annotation = graph.createResource(AnnotationIris.annotationIri(annotationId));
            List<Review> reviews = new ArrayList<>();
            activitiesOf(graph, annotation).forEach(activity -> reviews.add(reviewOf(activity)));
            if (!graph.contains(null, PROV.generated, annotation)) {
                reviews.add(creation(annotation));
            }
            reviews.sort(OLDEST_FIRST);
            return Optional.of(reviews);
        });
    }

    @Override
    public Map<String, List<Decision>> decisions(String documentId) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Map<String, Map<String, Decision>> latest = new LinkedHashMap<>();
            graph.listSubjectsWithProperty(RDF.type, LAR.ReviewActivity).forEach(activity -> addReview(latest, activity));
            graph.listSubjectsWithProperty(OA.motivatedBy, OA.classifying).forEach(annotation -> addCreation(latest, graph, annotation));
            return oldestFirst(latest);
        });
    }

    @Override
    public Map<String, List<Decision>> decisionsOfPassages(String documentId, Collection<String> passageIds) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Map<String, Map<String, Decision>> latest = new LinkedHashMap<>();
            for (String passageId : passageIds) {
                for (Resource annotation : annotationsOn(graph, passageId)) {
                    // Its reviews, as decisions(documentId) finds them from the other end.
                    activitiesOf(graph, annotation).stream().filter(activity -> activity.hasProperty(RDF.type, LAR.ReviewActivity))
                            .forEach(activity -> addReview(latest, activity));
                    if (annotation.hasProperty(OA.motivatedBy, OA.classifying)) {
                        addCreation(latest, graph, annotation);
                    }
                }
            }
            return oldestFirst(latest);
        });
    }

    /** A review activity as its coder's decision about its annotation, unless the coder's latest is later. */
    private static void addReview(Map<String, Map<String, Decision>> latest, Resource activity) {
        Resource annotation = annotationOf(activity);
        Review review = reviewOf(activity);
        Map<String, Decision> byCoder = latest.computeIfAbsent(idOf(annotation), k -> new LinkedHashMap<>());
        String coder = coderOf(activity.getPropertyResourceValue(PROV.wasAssociatedWith));
        Decision earlier = byCoder.get(coder);
        // Creation sorts before a review of the same instant.
        if (earlier == null || earlier.at().isBefore(review.at()) || (earlier.at().equals(review.at()) && review.from() != null)) {
            byCoder.put(coder, new Decision(coder, review.to(), review.at()));
        }
    }

    /** A suggestion's creation is no activity (see storeSuggestions): the annotator's decision is its creation. Added after the reviews. */
    private static void addCreation(Map<String, Map<String, Decision>> latest, Model graph, Resource annotation) {
        if (!graph.contains(null, PROV.generated, annotation)) {
            Review created = creation(annotation);
            latest.computeIfAbsent(idOf(annotation), k -> new LinkedHashMap<>())
                    .putIfAbsent(AnnotationIris.ANNOTATOR_CODER, new Decision(AnnotationIris.ANNOTATOR_CODER, created.to(), created.at()));
        }
    }

    private static Map<String, List<Decision>> oldestFirst(Map<String, Map<String, Decision>> latest) {
        Map<String, List<Decision>> decisions = new LinkedHashMap<>();
        latest.forEach((id, byCoder) -> decisions.put(id,
                byCoder.values().stream().sorted(Comparator.comparing(Decision::at).thenComparing(Decision::coder)).toList()));
        return decisions;
    }

    @Override
    public List<LoggedReview> reviewLog(String documentId) {
        return store.calculateRead(() -> {
            List<LoggedReview> log = reviewActivities(documentId);
            Model graph = graph(documentId);
            graph.listSubjectsWithProperty(OA.motivatedBy, OA.classifying).forEach(annotation -> {
                if (!graph.contains(null, PROV.generated, annotation)) {
                    log.add(new LoggedReview(idOf(annotation), AnnotationIris.ANNOTATOR_CODER, creation(annotation)));
                }
            });
            log.sort(Comparator.comparing(LoggedReview::review, OLDEST_FIRST).reversed());
            return log;
        });
    }

    @Override
    public List<LoggedReview> reviewLogOfPeople(String documentId) {
        return store.calculateRead(() -> {
            List<LoggedReview> log = reviewActivities(documentId);
            log.removeIf(LoggedReview::byAnnotator);
            log.sort(Comparator.comparing(LoggedReview::review, OLDEST_FIRST).reversed());
            return log;
        });
    }

    /** The document's review activities as log entries, in no order. */
    private List<LoggedReview> reviewActivities(String documentId) {
        List<LoggedReview> log = new ArrayList<>();
        graph(documentId).listSubjectsWithProperty(RDF.type, LAR.ReviewActivity)
                .forEach(activity -> log.add(new LoggedReview(idOf(annotationOf(activity)),
                        coderOf(activity.getPropertyResourceValue(PROV.wasAssociatedWith)), reviewOf(activity))));
        return log;
    }

    @Override
    public Map<String, CodingStatus> codingStatus(String documentId) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Map<String, CodingStatus> statuses = new TreeMap<>();
            graph.listSubjectsWithProperty(RDF.type, LAR.CodingStatus).forEach(status -> {
                String coder = coderOf(status.getPropertyResourceValue(LAR.coder));
                statuses.put(coder, new CodingStatus(coder, CodingStatus.State.parse(string(status, LAR.codingState)),
                        instant(status.getProperty(DCTerms.modified))));
            });
            return statuses;
        });
    }

    @Override
    public CodingStatus setCodingStatus(String documentId, String username, CodingStatus.State state) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(state, "state");
        return actions.calculate(() -> {
            Model graph = graph(documentId);
            Instant now = now();
            Resource user = user(graph, username);
            graph.createResource(AnnotationIris.documentIri(documentId) + "#coding-" + URLEncoder.encode(username, StandardCharsets.UTF_8))
                    .removeAll(LAR.codingState).removeAll(DCTerms.modified)
                    .addProperty(RDF.type, LAR.CodingStatus).addProperty(LAR.statusOf, graph.createResource(AnnotationIris.documentIri(documentId)))
                    .addProperty(LAR.coder, user).addProperty(LAR.codingState, state.wireName())
                    .addLiteral(DCTerms.modified, dateTime(graph, now));
            return new CodingStatus(username, state, now);
        });
    }

    @Override
    public Optional<Boolean> blindCoding(String documentId) {
        return store.calculateRead(() -> {
            Statement blind = graph(documentId).createResource(AnnotationIris.documentIri(documentId)).getProperty(LAR.blindCoding);
            return blind == null ? Optional.<Boolean>empty() : Optional.of(blind.getBoolean());
        });
    }

    @Override
    public void setBlindCoding(String documentId, boolean blind) {
        actions.calculate(() -> graph(documentId).createResource(AnnotationIris.documentIri(documentId)).removeAll(LAR.blindCoding)
                .addLiteral(LAR.blindCoding, blind));
    }

    @Override
    public List<StoredAnnotation> settleConsensus(String documentId, Set<String> annotationIds, String adjudicator, String adoptedFrom) {
        Objects.requireNonNull(adjudicator, "adjudicator");
        return actions.calculate(() -> {
            Model graph = graph(documentId);
            for (String id : annotationIds) {
                Resource annotation = graph.createResource(AnnotationIris.annotationIri(id));
                if (!graph.contains(annotation, RDF.type, OA.Annotation) || stateOf(annotation) == ReviewState.RETRACTED) {
                    throw LararenaException.badRequest("annotation " + id + " is not a standing annotation of document " + documentId);
                }
            }
            Resource earlier = consensusResource(graph, documentId);
            Resource consensus = graph.createResource(LAR.BASE + "consensus/" + UUID.randomUUID()).addProperty(RDF.type, LAR.Consensus)
                    .addProperty(RDF.type, PROV.Entity)
                    .addProperty(LAR.consensusOf, graph.createResource(AnnotationIris.documentIri(documentId)))
                    .addProperty(DCTerms.creator, user(graph, adjudicator))
                    .addLiteral(DCTerms.created, dateTime(graph, now()));
            if (adoptedFrom != null) {
                // The coder as an agent, never a bare username: SPARQL shows people to non-researchers as one role.
                consensus.addProperty(LAR.adoptedFrom, AnnotationIris.ANNOTATOR_CODER.equals(adoptedFrom) ? annotator(graph) : user(graph, adoptedFrom));
            }
            if (earlier != null) {
                // The earlier consensus stays as the revision this one replaces; it no longer settles the document.
                earlier.removeAll(LAR.consensusOf);
                consensus.addProperty(PROV.wasRevisionOf, earlier);
            }
            annotationIds.forEach(id -> consensus.addProperty(PROV.wasDerivedFrom, graph.createResource(AnnotationIris.annotationIri(id))));
            graph.listSubjectsWithProperty(RDF.type, OA.Annotation).toList().forEach(annotation -> {
                if (stateOf(annotation) != ReviewState.RETRACTED) {
                    annotation.removeAll(LAR.reviewState).addProperty(LAR.reviewState, teamState(graph, annotation).resource());
                }
            });
            return read(graph, documentId);
        });
    }

    @Override
    public Optional<Consensus> consensus(String documentId) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Resource consensus = consensusResource(graph, documentId);
            if (consensus == null) {
                return Optional.<Consensus>empty();
            }
            Resource adopted = consensus.getPropertyResourceValue(LAR.adoptedFrom);
            Set<String> ids = new TreeSet<>();
            consensus.listProperties(PROV.wasDerivedFrom).forEach(statement -> ids.add(idOf(statement.getResource())));
            return Optional.of(new Consensus(consensus.getURI(), coderOf(consensus.getPropertyResourceValue(DCTerms.creator)),
                    instant(consensus.getProperty(DCTerms.created)), adopted == null ? null : coderOf(adopted), ids));
        });
    }

    /** The consensus that settles the document now, or null. */
    private static Resource consensusResource(Model graph, String documentId) {
        var settling = graph.listSubjectsWithProperty(LAR.consensusOf, graph.createResource(AnnotationIris.documentIri(documentId))).toList();
        return settling.isEmpty() ? null : settling.get(0);
    }

    @Override
    public Map<String, String> ontologyVersions() {
        return store.calculateRead(() -> {
            Map<String, String> versions = new LinkedHashMap<>();
            String prefix = AnnotationIris.documentIri("");
            store.dataset().asDatasetGraph().find(Node.ANY, Node.ANY, LAR.ontologyVersion.asNode(), Node.ANY).forEachRemaining(quad -> {
                String subject = quad.getSubject().isURI() ? quad.getSubject().getURI() : "";
                if (subject.startsWith(prefix) && quad.getObject().isLiteral()) {
                    versions.put(subject.substring(prefix.length()), quad.getObject().getLiteralLexicalForm());
                }
            });
            return versions;
        });
    }

    @Override
    public void markOutdated(String documentId) {
        store.executeWrite(() -> graph(documentId).createResource(AnnotationIris.documentIri(documentId)).removeAll(LAR.ontologyVersion));
    }

    @Override
    public Map<String, Long> conceptCounts() {
        return conceptCounts(annotation -> true);
    }

    /** {@link #conceptCounts()} of the annotations {@code counted} lets through (by their IRI). */
    Map<String, Long> conceptCounts(Predicate<Node> counted) {
        return store.calculateRead(() -> {
            Map<String, Long> counts = new HashMap<>();
            var quads = store.dataset().asDatasetGraph();
            quads.find(Node.ANY, Node.ANY, OA.hasBody.asNode(), Node.ANY).forEachRemaining(quad -> {
                boolean themed = counted.test(quad.getSubject())
                        && (quads.contains(quad.getGraph(), quad.getSubject(), LAR.reviewState.asNode(), LAR.Suggested.asNode())
                        || quads.contains(quad.getGraph(), quad.getSubject(), LAR.reviewState.asNode(), LAR.Accepted.asNode()));
                if (themed && quad.getObject().isURI()) {
                    counts.merge(quad.getObject().getURI(), 1L, Long::sum);
                }
            });
            return counts;
        });
    }

    @Override
    public Map<String, Set<String>> moveConcept(String fromIri, String toIri, String mergeIri) {
        Node from = NodeFactory.createURI(fromIri);
        String graphPrefix = LAR.documentGraph("").getURI();
        Set<String> documentIds = store.calculateRead(() -> {
            Set<String> ids = new LinkedHashSet<>();
            store.dataset().asDatasetGraph().find(Node.ANY, Node.ANY, OA.hasBody.asNode(), from).forEachRemaining(quad -> {
                if (quad.getGraph().isURI() && quad.getGraph().getURI().startsWith(graphPrefix)) {
                    ids.add(quad.getGraph().getURI().substring(graphPrefix.length()));
                }
            });
            return ids;
        });
        Map<String, Set<String>> moved = new LinkedHashMap<>();
        for (String documentId : documentIds) {
            store.executeWrite(() -> {
                Model graph = graph(documentId);
                Resource former = graph.createResource(fromIri);
                for (Resource annotation : graph.listSubjectsWithProperty(OA.hasBody, former).toList()) {
                    annotation.removeAll(OA.hasBody).addProperty(OA.hasBody, graph.createResource(toIri))
                            .addProperty(LAR.formerConcept, former)
                            .addProperty(PROV.wasInfluencedBy, graph.createResource(mergeIri));
                    Resource target = annotation.getPropertyResourceValue(OA.hasTarget);
                    Resource source = target == null ? null : target.getPropertyResourceValue(OA.hasSource);
                    if (source != null && source.isURIResource() && AnnotationIris.isPassage(source.getURI())) {
                        moved.computeIfAbsent(documentId, d -> new LinkedHashSet<>()).add(AnnotationIris.passageIdOf(source.getURI()));
                    }
                }
            });
        }
        return moved;
    }

    // --- moving annotations between stores (SplitAnnotationStore)

    /** Runs {@code read} in a read transaction of this store (joining the caller's, if in one). */
    <T> T read(Supplier<T> read) {
        return store.calculateRead(read);
    }

    /** Whether this store holds the annotation of this IRI, in any document (inside a read transaction). */
    boolean holdsAnnotation(Node annotation) {
        return store.dataset().asDatasetGraph().contains(Node.ANY, annotation, RDF.type.asNode(), OA.Annotation.asNode());
    }

    /** The ids of every annotation of a document, in every state. */
    Set<String> annotationIds(String documentId) {
        return store.calculateRead(() -> {
            Set<String> ids = new HashSet<>();
            graph(documentId).listSubjectsWithProperty(RDF.type, OA.Annotation).forEach(annotation -> ids.add(idOf(annotation)));
            return ids;
        });
    }

    /**
     * Self-contained copies of some annotations of a document that this store holds, by id: each annotation with its
     * target and selectors, its activities, and the agents of both, and a quote selector written out (the copy does
     * not carry its passage's text). Ids this store does not hold are left out.
     */
    Map<String, Model> copies(String documentId, Collection<String> annotationIds) {
        return store.calculateRead(() -> {
            Model graph = graph(documentId);
            Map<String, Model> copies = new LinkedHashMap<>();
            for (String id : annotationIds) {
                Resource annotation = graph.createResource(AnnotationIris.annotationIri(id));
                if (!graph.contains(annotation, RDF.type, OA.Annotation)) {
                    continue;
                }
                Model copy = ModelFactory.createDefaultModel();
                partsOf(annotation).forEach(part -> copy.add(part.listProperties()));
                copy.add(annotation.getPropertyResourceValue(DCTerms.creator).listProperties());
                activitiesOf(graph, annotation).forEach(activity ->
                        copy.add(activity.getPropertyResourceValue(PROV.wasAssociatedWith).listProperties()));
                Resource target = annotation.getPropertyResourceValue(OA.hasTarget);
                if (quoteSelector(target) == null) {
                    Resource position = positionSelector(target);
                    writeQuoteSelector(copy, copy.createResource(target.getURI()), Quote.of(passageTextOf(target),
                            position.getProperty(OA.start).getInt(), position.getProperty(OA.end).getInt()));
                }
                copies.put(id, copy);
            }
            return copies;
        });
    }

    /**
     * Adopts copies of annotations made by another store's {@link #copies}, in batches of short write transactions;
     * one this store holds already stays as it is.
     */
    void adopt(String documentId, Map<String, Model> copies) {
        inWriteBatches(List.copyOf(copies.keySet()), MOVES_PER_TRANSACTION, batch -> adopt(graph(documentId), batch, copies));
    }

    /** Adds the copies of {@code ids} this graph does not hold yet (inside a write transaction). */
    private static void adopt(Model graph, Collection<String> ids, Map<String, Model> copies) {
        for (String id : ids) {
            if (!graph.contains(graph.createResource(AnnotationIris.annotationIri(id)), RDF.type, OA.Annotation)) {
                graph.add(copies.get(id));
            }
        }
    }

    /**
     * Removes annotations of a document, with their targets, selectors and activities, in short write transactions:
     * for copies another store has adopted. The passages' texts and the agents stay.
     */
    void removeAnnotations(String documentId, Collection<String> annotationIds) {
        inWriteBatches(List.copyOf(annotationIds), MOVES_PER_TRANSACTION, batch -> {
            Model graph = graph(documentId);
            for (String id : batch) {
                partsOf(graph.createResource(AnnotationIris.annotationIri(id))).forEach(part -> graph.removeAll(part, null, null));
            }
        });
    }

    /**
     * Runs {@code write} over {@code items} in slices of {@code size}, each in a write transaction of its own. The
     * write may run more than once (the shared store runs a transaction again after a lost race), so it only writes.
     */
    private <T> void inWriteBatches(List<T> items, int size, Consumer<List<T>> write) {
        for (int from = 0; from < items.size(); from += size) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + size));
            store.executeWrite(() -> write.accept(batch));
        }
    }

    /** Annotations moved per write transaction by {@link #adopt(String, Map)} and {@link #removeAnnotations}. */
    private static final int MOVES_PER_TRANSACTION = 200;

    /** The annotation and the resources only it has: its activities, target and selectors. */
    private static List<Resource> partsOf(Resource annotation) {
        Model graph = annotation.getModel();
        String iri = annotation.getURI();
        List<Resource> parts = new ArrayList<>(activitiesOf(graph, annotation));
        for (String part : List.of(iri, iri + "#target", iri + "#position", iri + "#quote")) {
            parts.add(graph.createResource(part));
        }
        return parts;
    }

    // --- writing

    private Model graph(String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        return store.dataset().getNamedModel(LAR.documentGraph(documentId).getURI());
    }

    /**
     * Writes a new annotation and returns it as a record, built from what was written rather than read back. A
     * suggestion carries the term that matched and the annotator's confidence; a researcher's tag neither.
     */
    private static StoredAnnotation writeAnnotation(Model graph, String documentId, String id, PassageText passage, int start, int end,
                                                    String conceptIri, boolean manual, Resource creator, Instant created,
                                                    String ontologyVersion, Suggestion suggestion) {
        Quote quote = Quote.of(passage.text(), start, end);
        String iri = AnnotationIris.annotationIri(id);
        Resource position = graph.createResource(iri + "#position").addProperty(RDF.type, OA.TextPositionSelector)
                .addLiteral(OA.start, graph.createTypedLiteral(String.valueOf(start), XSDDatatype.XSDnonNegativeInteger))
                .addLiteral(OA.end, graph.createTypedLiteral(String.valueOf(end), XSDDatatype.XSDnonNegativeInteger));
        Resource target = graph.createResource(iri + "#target").addProperty(RDF.type, OA.SpecificResource)
                .addProperty(OA.hasSource, graph.createResource(AnnotationIris.passageIri(passage.passageId())))
                .addProperty(OA.hasSelector, position);
        if (suggestion == null) {
            writeQuoteSelector(graph, target, quote);
        }
        ReviewState state = manual ? ReviewState.ACCEPTED : ReviewState.SUGGESTED;
        Resource annotation = graph.createResource(iri).addProperty(RDF.type, OA.Annotation)
                .addProperty(LAR.documentId, documentId)
                .addProperty(OA.motivatedBy, manual ? OA.tagging : OA.classifying)
                .addProperty(OA.hasBody, graph.createResource(conceptIri))
                .addProperty(OA.hasTarget, target)
                .addProperty(DCTerms.creator, creator)
                .addLiteral(DCTerms.created, dateTime(graph, created))
                .addProperty(LAR.reviewState, state.resource());
        if (ontologyVersion != null) {
            annotation.addProperty(LAR.ontologyVersion, ontologyVersion);
        }
        if (suggestion != null) {
            annotation.addProperty(LAR.matchedTerm, suggestion.matchedTerm())
                    .addLiteral(LAR.confidence, graph.createTypedLiteral(BigDecimal.valueOf(suggestion.confidence())));
        }
        return new StoredAnnotation(id, documentId, passage.passageId(), start, end, quote.exact(), quote.prefix(), quote.suffix(), conceptIri, manual, state,
                suggestion == null ? null : suggestion.matchedTerm(), suggestion == null ? null : suggestion.confidence(),
                agentName(creator), creator.getURI(), created, ontologyVersion);
    }

    /** A quote selector on the target: the exact text with up to {@link StoredAnnotation#CONTEXT_CODE_POINTS} on each side. */
    private static void writeQuoteSelector(Model graph, Resource target, Quote quote) {
        Resource selector = graph.createResource(target.getURI().replace("#target", "#quote")).addProperty(RDF.type, OA.TextQuoteSelector)
                .addProperty(OA.exact, quote.exact()).addProperty(OA.prefix, quote.prefix()).addProperty(OA.suffix, quote.suffix());
        target.addProperty(OA.hasSelector, selector);
    }

    /**
     * Keeps the passage's text, from which its suggestions' quotes are derived. Should the text differ from the one
     * kept (the document was extracted again), the annotations that derive their quote from the kept text get it written
     * out first, so none quotes a text it was not made on.
     */
    private static void keepPassageText(Model graph, PassageText passage) {
        Resource source = graph.createResource(AnnotationIris.passageIri(passage.passageId()));
        Statement kept = source.getProperty(LAR.text);
        if (kept != null && kept.getString().equals(passage.text())) {
            return;
        }
        if (kept != null) {
            for (Resource target : graph.listSubjectsWithProperty(OA.hasSource, source).toList()) {
                graph.listSubjectsWithProperty(OA.hasTarget, target).toList().forEach(RdfAnnotationStore::writeOutQuote);
            }
            source.removeAll(LAR.text);
        }
        source.addProperty(LAR.text, passage.text());
    }

    /** Gives an annotation stored without a quote selector the one its passage's text and position say. */
    private static void writeOutQuote(Resource annotation) {
        Resource target = annotation.getPropertyResourceValue(OA.hasTarget);
        if (target != null && quoteSelector(target) == null) {
            Resource position = positionSelector(target);
            writeQuoteSelector(annotation.getModel(), target, Quote.of(passageTextOf(target), position.getProperty(OA.start).getInt(),
                    position.getProperty(OA.end).getInt()));
        }
    }

    /**
     * Records {@code user}'s own decision about an annotation (from their previous one) and derives the team state
     * again. The activity's time is after the user's previous one on it, so their latest decision is never ambiguous.
     */
    private static void decide(Model graph, Resource annotation, Resource user, ReviewState to, Instant now) {
        ReviewState own = ReviewState.SUGGESTED;
        Instant previous = null;
        for (Resource activity : activitiesOf(graph, annotation)) {
            if (user.equals(activity.getPropertyResourceValue(PROV.wasAssociatedWith))) {
                Review review = reviewOf(activity);
                if (previous == null || !review.at().isBefore(previous)) {
                    own = review.to();
                    previous = review.at();
                }
            }
        }
        if (own == to) {
            return;
        }
        Instant at = previous != null && !now.isAfter(previous) ? previous.plusMillis(1) : now;
        record(graph, annotation, user, at, own, to, null);
        annotation.removeAll(LAR.reviewState).addProperty(LAR.reviewState, teamState(graph, annotation).resource());
    }

    /**
     * What search sees of a not retracted annotation: where the document has a consensus, accepted when it stands
     * there and rejected otherwise; else accepted when any researcher's latest decision accepts it, else rejected when
     * any rejects it, else suggested (docs/team-coding.md).
     */
    private static ReviewState teamState(Model graph, Resource annotation) {
        Resource consensus = consensusResource(graph, annotation.getProperty(LAR.documentId).getString());
        if (consensus != null) {
            return consensus.hasProperty(PROV.wasDerivedFrom, annotation) ? ReviewState.ACCEPTED : ReviewState.REJECTED;
        }
        Map<Resource, Review> latest = new HashMap<>();
        for (Resource activity : activitiesOf(graph, annotation)) {
            Resource agent = activity.getPropertyResourceValue(PROV.wasAssociatedWith);
            if (agent.hasProperty(RDF.type, PROV.SoftwareAgent)) {
                continue;
            }
            Review review = reviewOf(activity);
            latest.merge(agent, review, (a, b) -> OLDEST_FIRST.compare(a, b) <= 0 ? b : a);
        }
        if (latest.values().stream().anyMatch(r -> r.to() == ReviewState.ACCEPTED)) {
            return ReviewState.ACCEPTED;
        }
        return latest.values().stream().anyMatch(r -> r.to() == ReviewState.REJECTED) ? ReviewState.REJECTED : ReviewState.SUGGESTED;
    }

    /**
     * The activities recorded on an annotation: those that used it (its reviews) and, for an annotation stored before
     * creations were derived from dcterms, the one that generated it.
     */
    private static List<Resource> activitiesOf(Model graph, Resource annotation) {
        List<Resource> activities = new ArrayList<>();
        graph.listSubjectsWithProperty(PROV.used, annotation).forEach(activities::add);
        graph.listSubjectsWithProperty(PROV.generated, annotation).forEach(activities::add);
        return activities;
    }

    private static void setState(Model graph, Resource annotation, ReviewState to, Resource agent, Instant at, String reason) {
        ReviewState from = stateOf(annotation);
        annotation.removeAll(LAR.reviewState).addProperty(LAR.reviewState, to.resource());
        record(graph, annotation, agent, at, from, to, reason);
    }

    /** A review activity; without {@code from} it is the one that generated the annotation (a researcher's tag). */
    private static void record(Model graph, Resource annotation, Resource agent, Instant at, ReviewState from, ReviewState to,
                               String reason) {
        if (!agent.hasProperty(RDF.type, PROV.SoftwareAgent)) {
            writeOutQuote(annotation);
        }
        Resource activity = graph.createResource(LAR.BASE + "activity/" + UUID.randomUUID())
                .addProperty(RDF.type, PROV.Activity).addProperty(RDF.type, LAR.ReviewActivity)
                .addProperty(PROV.wasAssociatedWith, agent)
                .addLiteral(PROV.startedAtTime, dateTime(graph, at))
                .addProperty(from == null ? PROV.generated : PROV.used, annotation)
                .addProperty(LAR.toState, to.resource());
        if (from != null) {
            activity.addProperty(LAR.fromState, from.resource());
        }
        if (reason != null) {
            activity.addProperty(LAR.reason, reason);
        }
    }

    private static Resource user(Model graph, String username) {
        return graph.createResource(AnnotationIris.userIri(username)).addProperty(RDF.type, PROV.Agent).addProperty(RDF.type, PROV.Person)
                .addProperty(RDF.type, FOAF.Person).addProperty(FOAF.nick, username).addProperty(RDFS.label, username);
    }

    private Resource annotator(Model graph) {
        String version = annotatorVersion.get();
        return graph.createResource(AnnotationIris.annotatorIri(version)).addProperty(RDF.type, PROV.Agent).addProperty(RDF.type, PROV.SoftwareAgent)
                .addProperty(RDFS.label, AnnotationIris.ANNOTATOR_NAME + " " + version)
                .addProperty(DCTerms.hasVersion, version);
    }

    /** True when the annotation already says what this suggestion says: a run that repeats itself writes nothing. */
    private static boolean madeAlike(Resource annotation, Suggestion suggestion, String ontologyVersion) {
        Statement confidence = annotation.getProperty(LAR.confidence);
        return suggestion.matchedTerm().equals(string(annotation, LAR.matchedTerm)) && ontologyVersion.equals(string(annotation, LAR.ontologyVersion))
                && confidence != null && BigDecimal.valueOf(suggestion.confidence()).compareTo(confidence.getLiteral().getValue() instanceof BigDecimal b
                        ? b : BigDecimal.valueOf(confidence.getDouble())) == 0;
    }

    /** True when a person (not the annotator) retracted it: a run must not bring such an annotation back. */
    private static boolean retractedByPerson(Model graph, Resource annotation) {
        return graph.listSubjectsWithProperty(PROV.used, annotation).toList().stream()
                .anyMatch(activity -> activity.hasProperty(LAR.toState, LAR.Retracted)
                        && !activity.getPropertyResourceValue(PROV.wasAssociatedWith).hasProperty(RDF.type, PROV.SoftwareAgent));
    }

    // --- reading

    /** The creation of an annotation as the first entry of its history: by its creator, when it was created. */
    private static Review creation(Resource annotation) {
        boolean manual = annotation.hasProperty(OA.motivatedBy, OA.tagging);
        return new Review(agentName(annotation.getPropertyResourceValue(DCTerms.creator)), instant(annotation.getProperty(DCTerms.created)),
                null, manual ? ReviewState.ACCEPTED : ReviewState.SUGGESTED, null);
    }

    /** Every annotation of one passage, in text order (through the index on oa:hasSource, not a scan of the document). */
    private static List<StoredAnnotation> readPassage(Model graph, String documentId, String passageId) {
        List<StoredAnnotation> annotations = new ArrayList<>();
        annotationsOn(graph, passageId).forEach(a -> annotations.add(toRecord(a, documentId)));
        annotations.sort(TEXT_ORDER);
        return annotations;
    }

    /** The annotations whose target is a passage, found from the passage (the index on oa:hasSource, not a scan). */
    private static List<Resource> annotationsOn(Model graph, String passageId) {
        List<Resource> annotations = new ArrayList<>();
        graph.listSubjectsWithProperty(OA.hasSource, graph.createResource(AnnotationIris.passageIri(passageId))).forEach(target ->
                graph.listSubjectsWithProperty(OA.hasTarget, target).forEach(annotations::add));
        return annotations;
    }

    private static String passageIdOf(Resource annotation) {
        return AnnotationIris.passageIdOf(annotation.getPropertyResourceValue(OA.hasTarget).getPropertyResourceValue(OA.hasSource).getURI());
    }

    /** By time; of one instant (activities of one call share their time) the creation first. */
    static final Comparator<Review> OLDEST_FIRST = Comparator.comparing(Review::at).thenComparing(r -> r.from() != null);

    private static Review reviewOf(Resource activity) {
        Resource from = activity.getPropertyResourceValue(LAR.fromState);
        Statement reason = activity.getProperty(LAR.reason);
        return new Review(agentName(activity.getPropertyResourceValue(PROV.wasAssociatedWith)),
                instant(activity.getProperty(PROV.startedAtTime)), from == null ? null : ReviewState.of(from),
                ReviewState.of(activity.getPropertyResourceValue(LAR.toState)), reason == null ? null : reason.getString());
    }

    private static Resource annotationOf(Resource activity) {
        Resource annotation = activity.getPropertyResourceValue(PROV.used);
        return annotation != null ? annotation : activity.getPropertyResourceValue(PROV.generated);
    }

    /** A person's username, or {@value #ANNOTATOR_CODER} for the annotator. */
    private static String coderOf(Resource agent) {
        if (agent.hasProperty(RDF.type, PROV.SoftwareAgent)) {
            return AnnotationIris.ANNOTATOR_CODER;
        }
        Statement nick = agent.getProperty(FOAF.nick);
        return nick != null ? nick.getString() : agentName(agent);
    }

    private Optional<String> graphOf(String annotationId) {
        Node annotation = NodeFactory.createURI(AnnotationIris.annotationIri(annotationId));
        var quads = store.dataset().asDatasetGraph().find(Node.ANY, annotation, RDF.type.asNode(), OA.Annotation.asNode());
        String prefix = LAR.documentGraph("").getURI();
        while (quads.hasNext()) {
            Quad quad = quads.next();
            if (quad.getGraph().isURI() && quad.getGraph().getURI().startsWith(prefix)) {
                return Optional.of(quad.getGraph().getURI().substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private static List<StoredAnnotation> read(Model graph, String documentId) {
        List<StoredAnnotation> annotations = new ArrayList<>();
        graph.listSubjectsWithProperty(RDF.type, OA.Annotation).forEach(a -> annotations.add(toRecord(a, documentId)));
        annotations.sort(TEXT_ORDER);
        return annotations;
    }

    /** Passage ids end in their ordinal ({@code <documentId>-<ordinal>}): numeric order, not string order. */
    private static long passageOrdinal(String passageId) {
        int dash = passageId.lastIndexOf('-');
        try {
            return Long.parseLong(passageId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static StoredAnnotation toRecord(Resource annotation, String documentId) {
        Resource target = annotation.getPropertyResourceValue(OA.hasTarget);
        Resource source = target.getPropertyResourceValue(OA.hasSource);
        Resource position = positionSelector(target);
        int start = position.getProperty(OA.start).getInt();
        int end = position.getProperty(OA.end).getInt();
        Resource selector = quoteSelector(target);
        Quote quote = selector != null ? new Quote(string(selector, OA.exact), string(selector, OA.prefix), string(selector, OA.suffix))
                : Quote.of(passageTextOf(target), start, end);
        Statement confidence = annotation.getProperty(LAR.confidence);
        return new StoredAnnotation(idOf(annotation), documentId, AnnotationIris.passageIdOf(source.getURI()), start, end,
                quote.exact(), quote.prefix(), quote.suffix(),
                annotation.getPropertyResourceValue(OA.hasBody).getURI(),
                annotation.hasProperty(OA.motivatedBy, OA.tagging), stateOf(annotation),
                string(annotation, LAR.matchedTerm), confidence == null ? null : confidence.getDouble(),
                agentName(annotation.getPropertyResourceValue(DCTerms.creator)), annotation.getPropertyResourceValue(DCTerms.creator).getURI(),
                instant(annotation.getProperty(DCTerms.created)), string(annotation, LAR.ontologyVersion));
    }

    private static Resource positionSelector(Resource target) {
        Resource position = selector(target, OA.TextPositionSelector);
        if (position == null) {
            throw new IllegalStateException("annotation target " + target + " has no TextPositionSelector");
        }
        return position;
    }

    /** The quote selector, or null for a suggestion that derives its quote from the passage's text. */
    private static Resource quoteSelector(Resource target) {
        return selector(target, OA.TextQuoteSelector);
    }

    private static Resource selector(Resource target, Resource type) {
        return target.listProperties(OA.hasSelector).toList().stream().map(Statement::getResource)
                .filter(s -> s.hasProperty(RDF.type, type)).findFirst().orElse(null);
    }

    /** The kept text of the passage a target points to. */
    private static String passageTextOf(Resource target) {
        Resource source = target.getPropertyResourceValue(OA.hasSource);
        Statement text = source == null ? null : source.getProperty(LAR.text);
        if (text == null) {
            throw new IllegalStateException("annotation target " + target + " has no quote selector and its passage no kept text");
        }
        return text.getString();
    }

    /**
     * The text an annotation quotes: exact, and up to {@link StoredAnnotation#CONTEXT_CODE_POINTS} code points on each side, cut from
     * the passage's text at a span in code points (as the position selector counts).
     */
    record Quote(String exact, String prefix, String suffix) {
        static Quote of(String text, int start, int end) {
            int codePoints = text.codePointCount(0, text.length());
            if (start < 0 || end < start || end > codePoints) {
                throw new IllegalStateException("the span " + start + ".." + end + " lies outside a passage of " + codePoints + " code points");
            }
            int charStart = text.offsetByCodePoints(0, start);
            int charEnd = text.offsetByCodePoints(charStart, end - start);
            int prefixStart = text.offsetByCodePoints(charStart, -Math.min(StoredAnnotation.CONTEXT_CODE_POINTS, start));
            int suffixEnd = text.offsetByCodePoints(charEnd, Math.min(StoredAnnotation.CONTEXT_CODE_POINTS, codePoints - end));
            return new Quote(text.substring(charStart, charEnd), text.substring(prefixStart, charStart), text.substring(charEnd, suffixEnd));
        }
    }

    private static String agentName(Resource agent) {
        if (agent == null) {
            return null;
        }
        Statement label = agent.getProperty(RDFS.label);
        return label != null ? label.getString() : agent.getURI();
    }

    private static ReviewState stateOf(Resource annotation) {
        return ReviewState.of(annotation.getPropertyResourceValue(LAR.reviewState));
    }

    private static String idOf(Resource annotation) {
        return AnnotationIris.annotationIdOf(annotation.getURI());
    }

    private static String string(Resource resource, Property property) {
        Statement statement = resource.getProperty(property);
        return statement == null ? null : statement.getString();
    }

    /** The last instant {@link #now()} gave, in epoch milliseconds. */
    private static final AtomicLong LAST_WRITE_MILLIS = new AtomicLong();

    /**
     * The time of a write, in the milliseconds xsd:dateTime keeps, and later than any write before it in this JVM.
     * Two decisions made within one millisecond (one researcher's accept and undo, or two researchers on one
     * suggestion) would otherwise share their time, and history and the latest decision would follow the store's
     * arbitrary order instead of the order they were made in.
     */
    private static Instant now() {
        long now = System.currentTimeMillis();
        return Instant.ofEpochMilli(LAST_WRITE_MILLIS.updateAndGet(last -> Math.max(now, last + 1)));
    }

    private static Literal dateTime(Model graph, Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return graph.createTypedLiteral(new XSDDateTime(calendar));
    }

    private static Instant instant(Statement statement) {
        if (statement == null) {
            return null;
        }
        RDFNode object = statement.getObject();
        return Instant.parse(object.asLiteral().getLexicalForm());
    }
}
