package org.lararena.ontology.vocabulary;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

/**
 * Lärarena's own RDF terms, in the shape of Jena's {@code SKOS} vocabulary class. Everything the project
 * mints lives under {@link #BASE}; the terms of this class under {@link #uri} ({@code lar:}).
 */
public class LAR {

    /** The project's one namespace: concepts, schemes, graphs, annotations and agents live below it. */
    public static final String BASE = "https://w3id.org/lararena/";

    /** The namespace of the terms of this class. */
    public static final String uri = BASE + "vocab#";

    private static final Model m = ModelFactory.createDefaultModel();

    protected static Resource resource(String local) {
        return m.createResource(uri + local);
    }

    protected static Property property(String local) {
        return m.createProperty(uri, local);
    }

    /** The namespace of the vocabulary as a string. */
    public static String getURI() {
        return uri;
    }

    // Concept schemes
    public static final String SCHEME_BASE = BASE + "scheme/";
    public static final Resource Teman = m.createResource(SCHEME_BASE + "teman");
    public static final Resource Nivaer = m.createResource(SCHEME_BASE + "nivaer");
    public static final Resource Aktorer = m.createResource(SCHEME_BASE + "aktorer");
    public static final Resource Piloter = m.createResource(SCHEME_BASE + "piloter");
    public static final Resource Malgrupper = m.createResource(SCHEME_BASE + "malgrupper");
    public static final Resource Dokumenttyper = m.createResource(SCHEME_BASE + "dokumenttyper");
    public static final Resource Malbilder = m.createResource(SCHEME_BASE + "malbilder");

    /** The ontology as a whole (an {@code owl:Ontology} with {@code owl:versionInfo}). */
    public static final Resource Ontologi = m.createResource(BASE + "ontologi");

    /** The named graph that holds the ontology in an annotation store. */
    public static final Resource OntologyGraph = m.createResource(BASE + "graph/ontologi");

    /** The named graph holding one document's annotations and their history. */
    public static Resource documentGraph(String documentId) {
        return m.createResource(BASE + "graph/document/" + documentId);
    }

    /**
     * The named graph of the growing codebook: the concepts researchers added or changed at run time (each described
     * whole, without {@code skos:narrower}) and the change log. The shipped ontology is the seed it is laid over.
     */
    public static final Resource CodebookGraph = m.createResource(BASE + "graph/kodbok");

    // The remote store's optimistic concurrency (docs/scaling.md)
    /**
     * The named graph, in a remote store only, that holds each written graph's revision: {@code <graph> lar:revision
     * "token"}. Never readable through the SPARQL endpoint.
     */
    public static final Resource RevisionGraph = m.createResource(BASE + "graph/revisions");
    /** The named graph, in a remote store only, of commit markers a writer reads back to learn that its update applied. */
    public static final Resource CommitGraph = m.createResource(BASE + "graph/commits");
    /** A graph's revision: a fresh token at every committed change, the guard of the next one. */
    public static final Property revision = property("revision");
    /** On a commit marker: the revision the commit made. */
    public static final Property committed = property("committed");

    // Codebook vocabulary
    /** A concept's colour in the researchers' codebook, {@code #rrggbb}. */
    public static final Property colour = property("colour");
    /**
     * On a concept of the codebook graph: a digest of the shipped description it overrides, taken at its first
     * change, so that a newer shipped version that changed the same concept is reported at start.
     */
    public static final Property seedDigest = property("seedDigest");
    /** A {@code prov:Activity} that changed the codebook: who, when, what, and the ontology version it made. */
    public static final Resource CodebookChange = resource("CodebookChange");
    /** What a codebook change did: {@code add}, {@code edit}, {@code move}, {@code merge} or {@code deprecate}. */
    public static final Property changeKind = property("changeKind");
    /** The concept a codebook change is about. */
    public static final Property changedConcept = property("changedConcept");
    /** On an annotation moved by a merge: the concept it had before (the merge is its {@code prov:wasInfluencedBy}). */
    public static final Property formerConcept = property("formerConcept");

    // Annotator vocabulary on concepts
    /**
     * An ambiguous term that signals the concept only together with other evidence. A sub-property of
     * {@code skos:hiddenLabel}: SKOS tools see a hidden label, the annotator gives it a low weight.
     */
    public static final Property weakLabel = property("weakLabel");

    /**
     * On a document type: its text is speaker turns naming people ({@code xsd:boolean}), so it is split into turns,
     * restricted by default and its original is for researchers only.
     */
    public static final Property namesSpeakers = property("namesSpeakers");
    /** On a pilot: the lower-case start of the words naming it in running text ("värml" for Värmland, värmländsk). */
    public static final Property nameStem = property("nameStem");

    // Annotation vocabulary
    /** The dictionary term that produced an automatic annotation. */
    public static final Property matchedTerm = property("matchedTerm");
    /** The annotator's confidence in an automatic annotation, 0..1 ({@code xsd:decimal}). */
    public static final Property confidence = property("confidence");
    /**
     * The team's review state of an annotation, what search and pilots see: one of the four state resources below,
     * derived from every researcher's latest decision (docs/team-coding.md). Each researcher's own decisions are the
     * review activities they are associated with.
     */
    public static final Property reviewState = property("reviewState");
    /** The version of the ontology an annotation was made against. */
    public static final Property ontologyVersion = property("ontologyVersion");
    /** The document an annotation graph belongs to (on the annotation). */
    public static final Property documentId = property("documentId");
    /**
     * On a passage: its text as extraction kept it. An automatic suggestion no researcher has decided on is stored
     * without a quote selector; its quote is this text at its position selector (docs/architecture.md).
     */
    public static final Property text = property("text");

    public static final Resource ReviewState = resource("ReviewState");
    public static final Resource Suggested = resource("Suggested");
    public static final Resource Accepted = resource("Accepted");
    public static final Resource Rejected = resource("Rejected");
    public static final Resource Retracted = resource("Retracted");

    /** A {@code prov:Activity} that changed the review state of an annotation (or created it). */
    public static final Resource ReviewActivity = resource("ReviewActivity");
    /** The state an annotation had before a review activity (absent when the activity created it). */
    public static final Property fromState = property("fromState");
    /** The state an annotation had after a review activity. */
    public static final Property toState = property("toState");
    /** Why a state changed, in words, e.g. "superseded by a new automatic annotation run". */
    public static final Property reason = property("reason");

    // Team coding
    /** One researcher's coding status of one document (in the document's graph). */
    public static final Resource CodingStatus = resource("CodingStatus");
    /** The document a coding status is about. */
    public static final Property statusOf = property("statusOf");
    /** The researcher (an agent) whose status it is. */
    public static final Property coder = property("coder");
    /** {@code "in_progress"} or {@code "done"}. */
    public static final Property codingState = property("codingState");
    /** On a document: whether researchers code it blind ({@code xsd:boolean}); absent means the default for its type. */
    public static final Property blindCoding = property("blindCoding");
    /**
     * A document's consensus layer: the annotations that stand after adjudication ({@code prov:wasDerivedFrom} each
     * of them, {@code dcterms:creator} the adjudicator). Where a document has one, it decides what search sees.
     */
    public static final Resource Consensus = resource("Consensus");
    /** On a consensus: the document it settles. */
    public static final Property consensusOf = property("consensusOf");
    /** On a consensus: the coder (an agent) whose layer was adopted, when one was. */
    public static final Property adoptedFrom = property("adoptedFrom");
}
