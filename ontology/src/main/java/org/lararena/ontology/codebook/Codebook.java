package org.lararena.ontology.codebook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyException;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.PROV;
import org.lararena.platform.Sha256;

/**
 * The codebook researchers grow at run time: the theme scheme of the shipped ontology (the seed) with the concepts
 * researchers added or changed laid over it. Those are kept in their own named graph ({@link LAR#CodebookGraph}), each
 * described whole (so a shipped concept a researcher changed keeps the researcher's version), beside the change log.
 *
 * <p>Every change is tried on a copy of the running ontology and checked by the same SHACL shapes the build uses
 * ({@link OntologyLoader#fromModel}); a change that breaks one is refused ({@code 409}, naming the rule) and nothing
 * changes. An accepted change is one write transaction (the concept's description and a PROV entry: who, when,
 * what, and the new version {@code <shipped>+kodbok.<n>}); then the new version is put in place in the running
 * {@link Ontology}. Changes are serialised (one at a time), since each is checked against the one before.
 */
public final class Codebook {

    /** Where the theme scheme's concepts live; new concepts get an IRI here from their Swedish label. */
    public static final String CONCEPT_BASE = LAR.BASE + "tema/";

    private static final String CHANGE_BASE = LAR.BASE + "codebook/change/";
    private static final String VERSION_SEPARATOR = "+kodbok.";

    private final StoreTransactions store;
    private final Ontology running;
    private final Model seed;
    private final String seedVersion;
    private final AnnotationStore annotations;
    private final Clock clock;
    private volatile List<String> conflicts = List.of();
    /** How many changes of the store the running version holds: a change made from fewer was decided on an old version. */
    private long changesHeld;
    /** Set when the stored changes cannot be laid over the shipped ontology: no change is taken until resolved. */
    private volatile String blocked;

    /**
     * @param running the shipped ontology as loaded: it becomes the seed, and the codebook puts each new version in it
     */
    public Codebook(StoreTransactions store, Ontology running, AnnotationStore annotations, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.running = Objects.requireNonNull(running, "running");
        this.seed = running.model();
        this.seedVersion = running.version();
        this.annotations = Objects.requireNonNull(annotations, "annotations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * At start, and when another instance sharing the store changed the codebook: lays the stored changes over the
     * shipped ontology and puts the result in place. Returns the conflicts with a newer shipped version (the
     * researchers' version of a concept is kept); when the result breaks a shape, the shipped ontology stays in
     * service, the rule is among the conflicts, and changes are refused.
     */
    public synchronized List<String> open() {
        Model delta = store.calculateRead(() -> copy(codebookGraph()));
        changesHeld = changesIn(delta);
        List<String> found = new ArrayList<>();
        for (Resource concept : delta.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
            Statement digest = concept.getProperty(LAR.seedDigest);
            boolean shipped = seed.contains(concept, RDF.type, SKOS.Concept);
            if (digest == null && shipped) {
                found.add("the shipped ontology now also has " + concept.getURI() + ", which researchers added: their version is kept");
            } else if (digest != null && !digest.getString().equals(seedDigest(concept.getURI()))) {
                found.add("the shipped ontology changed " + concept.getURI() + ", which researchers changed too: their version is kept");
            }
        }
        try {
            running.replaceWith(OntologyLoader.fromModel(effective(delta)));
            blocked = null;
        } catch (OntologyException e) {
            blocked = "the researchers' changes to the codebook do not fit the shipped ontology version " + seedVersion + ": " + e.getMessage();
            found.add(blocked);
        }
        conflicts = List.copyOf(found);
        return conflicts;
    }

    /** What {@link #open} found. */
    public List<String> conflicts() {
        return conflicts;
    }

    /** The running ontology (the seed with every change). */
    public Ontology ontology() {
        return running;
    }

    /** Adds a concept under {@code broaderIri}; returns it. */
    public synchronized Concept add(String broaderIri, ConceptDraft draft, String username) {
        Concept broader = changeable(broaderIri, "broader concept");
        String labelSv = required(draft.labelSv(), "the Swedish label (labelSv)");
        String iri = newIri(labelSv);
        Model candidate = copy(running.model());
        newConcept(candidate, iri, labelSv, draft).addProperty(SKOS.broader, candidate.createResource(broader.iri()));
        String labelEn = draft.labelEn() == null || draft.labelEn().isBlank() ? labelSv : draft.labelEn().strip();
        commit(candidate, List.of(iri), "add", iri, username, new ChangeWords(
                "lade till " + quoted(labelSv) + " under " + quoted(broader.labelSv()),
                "added " + ChangeWords.quotedEn(labelEn) + " under " + ChangeWords.quotedEn(broader.labelEn())), null);
        return running.require(iri);
    }

    /**
     * A concept to add with others in one change (an import's codebook): under an existing concept ({@code broaderIri}),
     * under another concept of the same change ({@code broaderKey}), or, with neither, as a new top theme.
     *
     * @param key what the caller calls it (a code's GUID), unique within the change
     */
    public record NewConcept(String key, String broaderIri, String broaderKey, ConceptDraft draft) {}

    /**
     * Checks that {@code concepts} can be added together, writing nothing; returns the IRI each would get, by key. The
     * same refusals as {@link #add} (409 naming the rule).
     */
    public synchronized Map<String, String> check(List<NewConcept> concepts) {
        Added added = withNew(concepts);
        validated(added.candidate());
        return added.iris();
    }

    /**
     * Adds {@code concepts} in one change (one write transaction, one version): all of them or, when one breaks a rule,
     * none. Returns the IRI of each by key.
     *
     * @param description the change log's words for it, e.g. where the concepts came from
     */
    public synchronized Map<String, String> addAll(List<NewConcept> concepts, String username, ChangeWords description) {
        Added added = withNew(concepts);
        if (added.iris().isEmpty()) {
            return Map.of();
        }
        List<String> iris = List.copyOf(added.iris().values());
        commit(added.candidate(), iris, "add", iris.get(0), username, description, null);
        return added.iris();
    }

    private record Added(Model candidate, Map<String, String> iris) {}

    /** A concept of the theme scheme in {@code candidate}, with the draft's labels (English defaults to Swedish) and the rest. */
    private Resource newConcept(Model candidate, String iri, String labelSv, ConceptDraft draft) {
        Resource concept = candidate.createResource(iri).addProperty(RDF.type, SKOS.Concept).addProperty(SKOS.inScheme, LAR.Teman);
        applyDraft(concept, new ConceptDraft(labelSv, blankToNull(draft.labelEn()) == null ? labelSv : draft.labelEn(),
                draft.definition(), draft.synonyms() == null ? List.of() : draft.synonyms(), draft.colour(), null));
        return concept;
    }

    /** The running ontology with {@code concepts} added, parents before children, each with a fresh IRI. */
    private Added withNew(List<NewConcept> concepts) {
        Model candidate = copy(running.model());
        Map<String, String> iris = new LinkedHashMap<>();
        Map<String, NewConcept> byKey = new LinkedHashMap<>();
        concepts.forEach(c -> byKey.put(c.key(), c));
        Set<String> taken = new HashSet<>();
        List<NewConcept> pending = new ArrayList<>(concepts);
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var it = pending.iterator(); it.hasNext(); ) {
                NewConcept next = it.next();
                if (next.broaderKey() != null && byKey.containsKey(next.broaderKey()) && !iris.containsKey(next.broaderKey())) {
                    continue;
                }
                it.remove();
                String labelSv = required(next.draft().labelSv(), "the Swedish label (labelSv)");
                String iri = newIri(labelSv, taken);
                taken.add(iri);
                Resource concept = newConcept(candidate, iri, labelSv, next.draft());
                String broaderIri = next.broaderKey() != null && iris.containsKey(next.broaderKey()) ? iris.get(next.broaderKey())
                        : next.broaderIri() != null ? changeable(next.broaderIri(), "broader concept").iri() : null;
                if (broaderIri == null) {
                    concept.addProperty(SKOS.topConceptOf, LAR.Teman);
                } else {
                    concept.addProperty(SKOS.broader, candidate.createResource(broaderIri));
                }
                iris.put(next.key(), iri);
            }
            if (pending.size() == before) {
                throw OntologyException.badRequest("the new concepts' broader concepts form a cycle: " + pending.stream()
                        .map(c -> quoted(c.draft().labelSv())).toList());
            }
        }
        if (blocked != null) {
            throw conflict("codebook_conflict", blocked);
        }
        return new Added(candidate, iris);
    }

    /** Changes labels, definition, synonyms, colour, and (with {@code broaderIri}) moves the concept; returns it. */
    public synchronized Concept edit(String iri, ConceptDraft draft, String username) {
        Concept concept = changeable(iri, "concept");
        Model candidate = copy(running.model());
        Resource resource = candidate.createResource(iri);
        if (draft.labelSv() != null) {
            required(draft.labelSv(), "the Swedish label (labelSv)");
        }
        applyDraft(resource, draft);
        // What changed, in Swedish and in English words.
        List<String> words = new ArrayList<>();
        List<String> wordsEn = new ArrayList<>();
        if (draft.labelSv() != null || draft.labelEn() != null) {
            words.add("etiketter");
            wordsEn.add("labels");
        }
        if (draft.definition() != null) {
            words.add("definition");
            wordsEn.add("definition");
        }
        if (draft.synonyms() != null) {
            words.add("synonymer");
            wordsEn.add("synonyms");
        }
        if (draft.colour() != null) {
            words.add("färg");
            wordsEn.add("colour");
        }
        String kind = "edit";
        String description = "ändrade " + ChangeWords.listedSv(words) + " för " + quoted(concept.labelSv());
        String descriptionEn = "edited " + ChangeWords.quotedEn(concept.labelEn()) + " (" + String.join(", ", wordsEn) + ")";
        if (draft.broaderIri() != null) {
            if (concept.isTop()) {
                throw conflict("cannot_move_top_theme", "the top theme " + quoted(concept.labelSv())
                        + " cannot be moved: the nineteen top themes are fixed by the shipped ontology");
            }
            Concept broader = changeable(draft.broaderIri(), "broader concept");
            resource.removeAll(SKOS.broader).addProperty(SKOS.broader, candidate.createResource(broader.iri()));
            candidate.removeAll(null, SKOS.narrower, resource);
            kind = words.isEmpty() ? "move" : "edit";
            description = (words.isEmpty() ? "flyttade " + quoted(concept.labelSv()) : description + " och flyttade det") + " under "
                    + quoted(broader.labelSv());
            descriptionEn = (words.isEmpty() ? "moved " + ChangeWords.quotedEn(concept.labelEn()) : descriptionEn + " and moved it")
                    + " under " + ChangeWords.quotedEn(broader.labelEn());
        } else if (words.isEmpty()) {
            throw OntologyException.badRequest("the change names nothing to change: give labelSv, labelEn, definition, synonyms, colour or broader");
        }
        commit(candidate, List.of(iri), kind, iri, username, new ChangeWords(description, descriptionEn), null);
        return running.require(iri);
    }

    /**
     * Merges {@code iri} into {@code intoIri}: its annotations move there (keeping their history), and it stays,
     * deprecated, with {@code dcterms:isReplacedBy}.
     *
     * @return the passages whose annotations moved, by document id (search follows them)
     */
    public synchronized Map<String, Set<String>> merge(String iri, String intoIri, String username) {
        Concept concept = changeable(iri, "concept");
        if (intoIri == null || intoIri.isBlank()) {
            throw OntologyException.badRequest("name the concept to merge into (into)");
        }
        if (concept.iri().equals(intoIri)) {
            throw OntologyException.badRequest("a concept cannot be merged into itself");
        }
        Concept into = changeable(intoIri, "concept to merge into");
        refuseTopTheme(concept, "merged");
        Model candidate = copy(running.model());
        Resource resource = candidate.createResource(iri);
        resource.removeAll(OWL.deprecated).addLiteral(OWL.deprecated, true)
                .addProperty(DCTerms.isReplacedBy, candidate.createResource(into.iri()));
        String changeIri = commit(candidate, List.of(iri), "merge", iri, username,
                new ChangeWords("slog ihop " + quoted(concept.labelSv()) + " med " + quoted(into.labelSv()),
                        "merged " + ChangeWords.quotedEn(concept.labelEn()) + " into " + ChangeWords.quotedEn(into.labelEn())), into.iri());
        return annotations.moveConcept(iri, into.iri(), changeIri);
    }

    /** Deprecates a concept ({@code owl:deprecated true}): kept for history, no longer suggested or offered. */
    public synchronized Concept deprecate(String iri, String username) {
        Concept concept = changeable(iri, "concept");
        refuseTopTheme(concept, "deprecated");
        Model candidate = copy(running.model());
        candidate.createResource(iri).addLiteral(OWL.deprecated, true);
        commit(candidate, List.of(iri), "deprecate", iri, username,
                new ChangeWords("lät " + quoted(concept.labelSv()) + " utgå", "deprecated " + ChangeWords.quotedEn(concept.labelEn())), null);
        return running.require(iri);
    }

    /** The change log, newest first. */
    public List<CodebookChange> changes() {
        return store.calculateRead(() -> {
            Model graph = codebookGraph();
            List<CodebookChange> changes = new ArrayList<>();
            graph.listSubjectsWithProperty(RDF.type, LAR.CodebookChange).forEach(change -> changes.add(new CodebookChange(
                    change.getURI(),
                    change.getProperty(LAR.changeKind).getString(),
                    change.getPropertyResourceValue(LAR.changedConcept).getURI(),
                    username(change.getPropertyResourceValue(PROV.wasAssociatedWith).getURI()),
                    Instant.parse(change.getProperty(PROV.startedAtTime).getLiteral().getLexicalForm()),
                    description(change, false),
                    description(change, true),
                    change.getProperty(LAR.ontologyVersion).getString())));
            changes.sort(Comparator.comparing(CodebookChange::at).thenComparing(CodebookChange::version).reversed());
            return changes;
        });
    }

    /**
     * A change entry's words in English ({@code english}) or Swedish: its {@code dcterms:description} in that language;
     * an entry written in Swedish only (untagged, before the log was written in both) gives its Swedish words for both.
     */
    private static String description(Resource change, boolean english) {
        String swedish = null;
        for (Statement statement : change.listProperties(DCTerms.description).toList()) {
            String language = statement.getLanguage();
            if (english && language.equals("en")) {
                return statement.getString();
            }
            if (!language.equals("en")) {
                swedish = statement.getString();
            }
        }
        return swedish;
    }

    // --- a change

    /**
     * Checks {@code candidate} with the shapes, writes the changed concepts' descriptions and the change entry in one
     * transaction, then puts the new version in place. Returns the change's IRI. When another instance sharing the
     * store changed the codebook since this one's version was made, nothing is written: its version is read in, and
     * the researcher gets 409 to decide again on it.
     */
    private String commit(Model candidate, List<String> changed, String kind, String conceptIri, String username,
                          ChangeWords description, String relatedIri) {
        String version = seedVersion + VERSION_SEPARATOR + (changesHeld + 1);
        Resource ontologyHeader = candidate.createResource(LAR.Ontologi.getURI());
        ontologyHeader.removeAll(OWL.versionInfo).addProperty(OWL.versionInfo, version);
        Ontology next = validated(candidate);
        String changeIri = CHANGE_BASE + UUID.randomUUID();
        boolean changedMeanwhile = store.calculateWrite(() -> {
            Model graph = codebookGraph();
            if (changesIn(graph) != changesHeld) {
                return true;
            }
            for (String iri : changed) {
                Resource stored = graph.createResource(iri);
                Statement digest = stored.getProperty(LAR.seedDigest);
                String seedDigest = digest != null ? digest.getString()
                        : seed.contains(seed.createResource(iri), RDF.type, SKOS.Concept) ? seedDigest(iri) : null;
                stored.removeProperties();
                candidate.listStatements(candidate.createResource(iri), null, (RDFNode) null)
                        .filterDrop(s -> s.getPredicate().equals(SKOS.narrower))
                        .forEach(graph::add);
                if (seedDigest != null) {
                    stored.addProperty(LAR.seedDigest, seedDigest);
                }
            }
            Resource change = graph.createResource(changeIri).addProperty(RDF.type, PROV.Activity).addProperty(RDF.type, LAR.CodebookChange)
                    .addProperty(LAR.changeKind, kind)
                    .addProperty(LAR.changedConcept, graph.createResource(conceptIri))
                    .addProperty(PROV.wasAssociatedWith, graph.createResource(AnnotationIris.userIri(username)))
                    .addLiteral(PROV.startedAtTime, graph.createTypedLiteral(clock.instant().toString(), XSDDatatype.XSDdateTime))
                    .addProperty(DCTerms.description, description.swedish(), "sv")
                    .addProperty(DCTerms.description, description.english(), "en")
                    .addProperty(LAR.ontologyVersion, version);
            if (relatedIri != null) {
                change.addProperty(PROV.used, graph.createResource(relatedIri));
            }
            return false;
        });
        if (changedMeanwhile) {
            open();
            throw new OntologyException(409, "codebook_changed", "another researcher changed the codebook meanwhile, nothing of"
                    + " this change was saved: the codebook now shows their change; look again and make yours anew");
        }
        changesHeld++;
        running.replaceWith(next);
        return changeIri;
    }

    /** The candidate as an ontology, checked by the shapes: a broken rule is the caller's 409 {@code codebook_rule}. */
    private static Ontology validated(Model candidate) {
        try {
            return OntologyLoader.fromModel(candidate);
        } catch (OntologyException e) {
            if (e.status() == 422) {
                throw new OntologyException(409, "codebook_rule", "the change was refused, nothing changed: " + e.getMessage());
            }
            throw e;
        }
    }

    private Model codebookGraph() {
        return store.dataset().getNamedModel(LAR.CodebookGraph.getURI());
    }

    private static long changesIn(Model graph) {
        return graph.listSubjectsWithProperty(RDF.type, LAR.CodebookChange).toList().size();
    }

    /** The seed with the stored concepts laid over it: each replaces the shipped description of its IRI whole. */
    private Model effective(Model delta) {
        Model model = copy(seed);
        List<Resource> concepts = delta.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();
        for (Resource concept : concepts) {
            model.removeAll(concept, null, null);
            model.removeAll(null, SKOS.narrower, concept);
        }
        for (Resource concept : concepts) {
            delta.listStatements(concept, null, (RDFNode) null)
                    .filterDrop(s -> s.getPredicate().equals(LAR.seedDigest))
                    .forEach(model::add);
        }
        long changes = delta.listSubjectsWithProperty(RDF.type, LAR.CodebookChange).toList().size();
        if (changes > 0) {
            model.createResource(LAR.Ontologi.getURI()).removeAll(OWL.versionInfo)
                    .addProperty(OWL.versionInfo, seedVersion + VERSION_SEPARATOR + changes);
        }
        return model;
    }

    /** A digest of the shipped description of a concept (without {@code skos:narrower}, which the codebook does not keep). */
    private String seedDigest(String iri) {
        List<String> lines = new ArrayList<>();
        seed.listStatements(seed.createResource(iri), null, (RDFNode) null)
                .filterDrop(s -> s.getPredicate().equals(SKOS.narrower))
                .forEach(s -> lines.add(NodeFmtLib.strNT(s.getPredicate().asNode()) + " " + NodeFmtLib.strNT(s.getObject().asNode())));
        lines.sort(Comparator.naturalOrder());
        return Sha256.hex(String.join("\n", lines));
    }

    // --- the parts of a change

    private static void applyDraft(Resource concept, ConceptDraft draft) {
        Model model = concept.getModel();
        replaceInLanguage(concept, SKOS.prefLabel, "sv", draft.labelSv(), value -> concept.addProperty(SKOS.prefLabel, value, "sv"));
        replaceInLanguage(concept, SKOS.prefLabel, "en", blankToNull(draft.labelEn()),
                value -> concept.addProperty(SKOS.prefLabel, value, "en"));
        replaceInLanguage(concept, SKOS.definition, "sv", blankToNull(draft.definition()),
                value -> concept.addProperty(SKOS.definition, value, "sv"));
        if (draft.synonyms() != null) {
            removeInLanguage(concept, SKOS.altLabel, "sv");
            Set<String> synonyms = new LinkedHashSet<>();
            for (String synonym : draft.synonyms()) {
                if (synonym != null && !synonym.isBlank()) {
                    synonyms.add(synonym.strip());
                }
            }
            synonyms.forEach(synonym -> concept.addProperty(SKOS.altLabel, synonym, "sv"));
        }
        if (draft.colour() != null) {
            concept.removeAll(LAR.colour);
            if (!draft.colour().isBlank()) {
                concept.addProperty(LAR.colour, model.createTypedLiteral(draft.colour().strip(), XSDDatatype.XSDstring));
            }
        }
    }

    private static void replaceInLanguage(Resource concept, Property property, String language, String value,
                                          Consumer<String> add) {
        if (value == null) {
            return;
        }
        removeInLanguage(concept, property, language);
        add.accept(value.strip());
    }

    private static void removeInLanguage(Resource concept, Property property, String language) {
        concept.listProperties(property).filterKeep(s -> s.getObject().isLiteral() && s.getLanguage().equals(language))
                .toList().forEach(s -> concept.getModel().remove(s));
    }

    /** A concept of the theme scheme that may still change: known, in the scheme, not deprecated. */
    private Concept changeable(String iri, String role) {
        if (iri == null || iri.isBlank()) {
            throw OntologyException.badRequest("name the " + role);
        }
        if (blocked != null) {
            throw conflict("codebook_conflict", blocked);
        }
        Concept concept = running.concept(iri).filter(c -> c.scheme().equals(LAR.Teman.getURI()))
                .orElseThrow(() -> OntologyException.notFound("the " + role + " " + iri + " is not a concept of the theme scheme"));
        if (concept.deprecated()) {
            throw conflict("deprecated_concept", "the " + role + " " + quoted(concept.labelSv())
                    + " is deprecated (kept for history): it cannot be changed or receive annotations");
        }
        return concept;
    }

    private static void refuseTopTheme(Concept concept, String done) {
        if (concept.isTop()) {
            throw conflict("top_theme", "the top theme " + quoted(concept.labelSv()) + " cannot be " + done
                    + ": the nineteen top themes are fixed by the shipped ontology");
        }
    }

    /** An IRI under {@link #CONCEPT_BASE} from the folded Swedish label, numbered when taken. */
    private String newIri(String labelSv) {
        return newIri(labelSv, Set.of());
    }

    /** As {@link #newIri(String)}, leaving out {@code taken} too (IRIs given earlier in the same change). */
    private String newIri(String labelSv, Set<String> taken) {
        String slug = SwedishText.fold(labelSv).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String base = CONCEPT_BASE + (slug.isEmpty() ? "begrepp" : slug);
        String iri = base;
        for (int n = 2; taken.contains(iri) || running.concept(iri).isPresent() || seed.containsResource(seed.createResource(iri)); n++) {
            iri = base + "-" + n;
        }
        return iri;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw OntologyException.badRequest(name + " must not be empty");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static OntologyException conflict(String error, String detail) {
        return new OntologyException(409, error, detail);
    }

    private static String quoted(String label) {
        return ChangeWords.quotedSv(label);
    }

    private static String username(String agentIri) {
        String prefix = AnnotationIris.userIri("");
        return agentIri.startsWith(prefix) ? URLDecoder.decode(agentIri.substring(prefix.length()), StandardCharsets.UTF_8) : agentIri;
    }

    private static Model copy(Model model) {
        Model copy = ModelFactory.createDefaultModel();
        copy.add(model);
        copy.setNsPrefixes(model.getNsPrefixMap());
        return copy;
    }
}
