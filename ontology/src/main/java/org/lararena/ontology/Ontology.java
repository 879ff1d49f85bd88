package org.lararena.ontology;

import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.vocabulary.LAR;

/**
 * A typed view of the running, validated ontology: concepts by IRI, the nineteen top themes of {@code
 * scheme:teman}, the broader hierarchy and a diacritic-insensitive label search for type-ahead. Obtain one from
 * {@link OntologyLoader}.
 *
 * <p>Each version is immutable. The growing codebook ({@code codebook/Codebook}) puts a newer, validated version in
 * place with {@link #replaceWith}, so every holder of this object (facets, type-ahead, the annotator) follows a
 * change without a restart. Thread-safe: each method reads one version; a caller that needs several answers from one
 * version takes a {@link #snapshot()}.
 */
public final class Ontology {

    private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv"));

    /** One version of the ontology and what is derived from it. */
    private record Version(Model model, String version, Map<String, Concept> concepts, List<Concept> topThemes,
                           Map<String, String> topThemeOf, List<DocumentType> documentTypes, List<Pilot> pilots) {}

    private volatile Version current;

    Ontology(Model source) {
        Model copy = ModelFactory.createDefaultModel();
        copy.add(source);
        copy.setNsPrefixes(source.getNsPrefixMap());
        Map<String, Concept> concepts = readConcepts(copy);
        List<Concept> topThemes = concepts.values().stream()
                .filter(c -> c.scheme().equals(LAR.Teman.getURI()) && c.isTop() && !c.deprecated())
                .sorted(Comparator.comparing(Concept::labelSv, SWEDISH))
                .toList();
        this.current = new Version(ModelFactory.createModelForGraph(new GraphReadOnly(copy.getGraph())), readVersion(copy),
                concepts, topThemes, computeTopThemes(concepts, topThemes), readDocumentTypes(copy, concepts), readPilots(copy, concepts));
    }

    /** This version, unaffected by later {@link #replaceWith} calls. */
    public Ontology snapshot() {
        return new Ontology(current);
    }

    private Ontology(Version version) {
        this.current = version;
    }

    /**
     * Puts {@code newer}'s version in place of this one: every holder of this object sees it from now on. Only the
     * codebook calls this, with an ontology {@link OntologyLoader#fromModel} has validated.
     */
    public void replaceWith(Ontology newer) {
        this.current = Objects.requireNonNull(newer, "newer").current;
    }

    /** The {@code owl:versionInfo} of the ontology, or {@code "unversioned"}. */
    public String version() {
        return current.version();
    }

    /** The whole ontology as a read-only Jena model (for storing it in a named graph). */
    public Model model() {
        return current.model();
    }

    /** All concepts of all schemes. */
    public Collection<Concept> concepts() {
        return current.concepts().values();
    }

    /** The concepts of one scheme, e.g. {@code LAR.Teman.getURI()}. */
    public List<Concept> concepts(String schemeIri) {
        return current.concepts().values().stream().filter(c -> c.scheme().equals(schemeIri)).toList();
    }

    public Optional<Concept> concept(String iri) {
        return Optional.ofNullable(current.concepts().get(iri));
    }

    /** The concept with this IRI, or a {@code 404} {@link OntologyException}. */
    public Concept require(String iri) {
        Version version = current;
        Concept concept = version.concepts().get(iri);
        if (concept == null) {
            throw OntologyException.notFound("no concept " + iri + " in ontology version " + version.version());
        }
        return concept;
    }

    /** The top concepts of {@code scheme:teman}, in Swedish alphabetical order. */
    public List<Concept> topThemes() {
        return current.topThemes();
    }

    /** The Swedish labels of the top themes, in Swedish alphabetical order: the themes a learning module may name. */
    public List<String> topThemeLabels() {
        return current.topThemes().stream().map(Concept::labelSv).toList();
    }

    /** The concepts of {@code scheme:dokumenttyper}, by notation in alphabetical order. */
    public List<DocumentType> documentTypes() {
        return current.documentTypes();
    }

    /** The document type with this notation ({@code intervju}), if the ontology has one. */
    public Optional<DocumentType> documentType(String notation) {
        return current.documentTypes().stream().filter(type -> type.notation().equals(notation)).findFirst();
    }

    /** Whether {@code notation} names a document type whose text is speaker turns naming people; false for null. */
    public boolean namesSpeakers(String notation) {
        return documentType(notation).map(DocumentType::namesSpeakers).orElse(false);
    }

    /** The concepts of {@code scheme:piloter}, in Swedish alphabetical order of their labels. */
    public List<Pilot> pilots() {
        return current.pilots();
    }

    /**
     * The top theme a concept of {@code scheme:teman} falls under (the concept itself for a top theme).
     *
     * @return empty for a concept of another scheme
     * @throws OntologyException {@code 404} for an unknown IRI
     */
    public Optional<Concept> topTheme(String iri) {
        Version version = current;
        if (!version.concepts().containsKey(iri)) {
            require(iri);
        }
        return Optional.ofNullable(version.topThemeOf().get(iri)).map(version.concepts()::get);
    }

    /** The concept and all concepts broader than it, nearest first. */
    public Set<String> broaderClosure(String iri) {
        Version version = current;
        if (!version.concepts().containsKey(iri)) {
            require(iri);
        }
        return broaderClosure(version.concepts(), iri);
    }

    private static Set<String> broaderClosure(Map<String, Concept> concepts, String iri) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(iri));
        while (!queue.isEmpty()) {
            String next = queue.removeFirst();
            Concept concept = concepts.get(next);
            if (concept != null && closure.add(next)) {
                queue.addAll(concept.broader());
            }
        }
        return Collections.unmodifiableSet(closure);
    }

    /** The Swedish preferred label of a concept. */
    public String labelSv(String iri) {
        return require(iri).labelSv();
    }

    /** A concept's Swedish label, or the IRI itself for one the ontology no longer knows (after a codebook change). */
    public String labelSvOrIri(String iri) {
        return concept(iri).map(Concept::labelSv).orElse(iri);
    }

    /** The IRI of the top theme with this Swedish label (as learning modules name themes). */
    public Optional<String> topThemeIri(String labelSv) {
        return topThemes().stream().filter(theme -> theme.labelSv().equals(labelSv)).map(Concept::iri).findFirst();
    }

    /** Type-ahead: concepts with a label that starts with {@code text}, ignoring case and diacritics. */
    public List<Concept> findByLabel(String text) {
        return findByLabel(text, null, 20);
    }

    /**
     * Type-ahead: concepts of {@code schemeIri} (any scheme when null) with a preferred, alternative or hidden
     * label, or a word of one, that starts with {@code text}, ignoring case and diacritics ("tillganglig" finds
     * Tillgänglighet). A match at the start of a label ranks before one at a later word, a preferred label before
     * other labels, a shorter label before a longer one.
     */
    public List<Concept> findByLabel(String text, String schemeIri, int limit) {
        Objects.requireNonNull(text, "text");
        String query = SwedishText.fold(text.strip());
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Concept> concepts = current.concepts();
        Map<String, Integer> best = new HashMap<>();
        for (Concept concept : concepts.values()) {
            if (concept.deprecated() || schemeIri != null && !concept.scheme().equals(schemeIri)) {
                continue;
            }
            for (Concept.Label label : searchableLabels(concept)) {
                int rank = rank(query, SwedishText.fold(label.text()), concept.prefLabels().containsValue(label.text()));
                if (rank >= 0) {
                    best.merge(concept.iri(), rank, Math::min);
                }
            }
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(e -> concepts.get(e.getKey()).labelSv(), SWEDISH))
                .limit(limit)
                .map(e -> concepts.get(e.getKey()))
                .toList();
    }

    private static List<Concept.Label> searchableLabels(Concept concept) {
        List<Concept.Label> labels = new ArrayList<>();
        concept.prefLabels().forEach((lang, text) -> labels.add(new Concept.Label(text, lang)));
        labels.addAll(concept.altLabels());
        labels.addAll(concept.hiddenLabels());
        return labels;
    }

    /**
     * Lower is better; -1 when the label does not match. The label's start before a later word's start, then a
     * preferred label before others, then the shorter label.
     */
    private static int rank(String query, String label, boolean preferred) {
        int position;
        if (label.startsWith(query)) {
            position = 0;
        } else if (label.contains(" " + query) || label.contains("-" + query)) {
            position = 1;
        } else {
            return -1;
        }
        return position * 10_000 + (preferred ? 0 : 1_000) + Math.min(label.length(), 999);
    }

    private static Map<String, String> computeTopThemes(Map<String, Concept> concepts, List<Concept> topThemes) {
        Map<String, String> result = new HashMap<>();
        Set<String> tops = new LinkedHashSet<>();
        topThemes.forEach(t -> tops.add(t.iri()));
        for (Concept concept : concepts.values()) {
            if (!concept.scheme().equals(LAR.Teman.getURI())) {
                continue;
            }
            for (String candidate : broaderClosure(concepts, concept.iri())) {
                if (tops.contains(candidate)) {
                    result.put(concept.iri(), candidate);
                    break;
                }
            }
        }
        return Map.copyOf(result);
    }

    private static List<DocumentType> readDocumentTypes(Model model, Map<String, Concept> concepts) {
        return concepts.values().stream().filter(c -> c.scheme().equals(LAR.Dokumenttyper.getURI()))
                .map(concept -> {
                    Resource resource = model.getResource(concept.iri());
                    Statement speakers = resource.getProperty(LAR.namesSpeakers);
                    return new DocumentType(notation(resource), concept.labelSv(), speakers != null && speakers.getBoolean());
                })
                .sorted(Comparator.comparing(DocumentType::notation))
                .toList();
    }

    private static List<Pilot> readPilots(Model model, Map<String, Concept> concepts) {
        return concepts.values().stream().filter(c -> c.scheme().equals(LAR.Piloter.getURI()))
                .map(concept -> {
                    Resource resource = model.getResource(concept.iri());
                    Statement stem = resource.getProperty(LAR.nameStem);
                    return new Pilot(notation(resource), concept.labelSv(), Optional.ofNullable(stem).map(Statement::getString));
                })
                .sorted(Comparator.comparing(Pilot::labelSv, SWEDISH))
                .toList();
    }

    /** A document type's or pilot's short code (the shapes require exactly one). */
    private static String notation(Resource resource) {
        return resource.getRequiredProperty(SKOS.notation).getString();
    }

    private static String readVersion(Model model) {
        Statement statement = model.getProperty(LAR.Ontologi, OWL.versionInfo);
        return statement == null ? "unversioned" : statement.getString();
    }

    private static Map<String, Concept> readConcepts(Model model) {
        Map<String, Concept> result = new TreeMap<>();
        model.listSubjectsWithProperty(RDF.type, SKOS.Concept).forEach(resource -> {
            if (!resource.isURIResource()) {
                return;
            }
            Resource scheme = resource.getPropertyResourceValue(SKOS.inScheme);
            Map<String, String> prefLabels = new TreeMap<>();
            for (Concept.Label label : labels(resource, SKOS.prefLabel)) {
                prefLabels.putIfAbsent(label.language(), label.text());
            }
            Map<String, String> definitions = new TreeMap<>();
            for (Concept.Label label : labels(resource, SKOS.definition)) {
                definitions.putIfAbsent(label.language(), label.text());
            }
            List<Concept.Label> weak = labels(resource, LAR.weakLabel);
            List<Concept.Label> hidden = new ArrayList<>(labels(resource, SKOS.hiddenLabel));
            hidden.removeAll(weak);
            result.put(resource.getURI(), new Concept(
                    resource.getURI(),
                    scheme == null ? "" : scheme.getURI(),
                    prefLabels,
                    labels(resource, SKOS.altLabel),
                    hidden,
                    weak,
                    definitions,
                    iris(resource, SKOS.broader),
                    narrowerOf(model, resource),
                    resource.hasLiteral(OWL.deprecated, true),
                    iris(resource, DCTerms.isReplacedBy).stream().findFirst().orElse(null),
                    Optional.ofNullable(resource.getProperty(LAR.colour)).map(Statement::getString).orElse(null)));
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    private static List<Concept.Label> labels(Resource resource, Property property) {
        List<Concept.Label> labels = new ArrayList<>();
        resource.listProperties(property).forEach(statement -> {
            RDFNode object = statement.getObject();
            if (object.isLiteral()) {
                Literal literal = object.asLiteral();
                labels.add(new Concept.Label(literal.getLexicalForm(), literal.getLanguage()));
            }
        });
        labels.sort(Comparator.comparing(Concept.Label::language).thenComparing(Concept.Label::text));
        return labels;
    }

    private static List<String> iris(Resource resource, Property property) {
        Set<String> iris = new TreeSet<>();
        resource.listProperties(property).forEach(s -> {
            if (s.getObject().isURIResource()) {
                iris.add(s.getObject().asResource().getURI());
            }
        });
        return List.copyOf(iris);
    }

    /** Narrower from both directions: {@code skos:narrower} stated and the inverse of {@code skos:broader}. */
    private static List<String> narrowerOf(Model model, Resource resource) {
        Set<String> iris = new TreeSet<>(iris(resource, SKOS.narrower));
        model.listSubjectsWithProperty(SKOS.broader, resource).forEach(r -> {
            if (r.isURIResource()) {
                iris.add(r.getURI());
            }
        });
        return List.copyOf(iris);
    }
}
