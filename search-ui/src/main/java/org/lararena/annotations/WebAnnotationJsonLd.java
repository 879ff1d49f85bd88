package org.lararena.annotations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.PROV;

/**
 * A document's annotations as W3C Web Annotation JSON-LD: the standard context {@code
 * http://www.w3.org/ns/anno.jsonld}, plus the few {@code lar:} terms (matched term, confidence, review state,
 * ontology version), one node per annotation in {@code @graph}. Reads back as the same RDF the store holds for
 * body, target, selectors, motivation, creator and created. Where the document has a consensus, {@code @graph} also
 * holds it as the store does: a {@code lar:Consensus} ({@code prov:Entity}) whose {@code dcterms:creator} is the
 * adjudicator and which {@code prov:wasDerivedFrom} each annotation that stands.
 */
public final class WebAnnotationJsonLd {

    /** The media type of the response. */
    public static final String MEDIA_TYPE = "application/ld+json";
    public static final String ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

    private WebAnnotationJsonLd() {
    }

    public static JsonObject document(List<StoredAnnotation> annotations) {
        return document(annotations, null, null);
    }

    /**
     * The annotations of document {@code documentId} and, unless null, its consensus. To everyone but researchers pass
     * both with the people replaced ({@link PersonAgents}).
     */
    public static JsonObject document(List<StoredAnnotation> annotations, String documentId, Consensus consensus) {
        JsonObject own = new JsonObject()
                .put("lar", LAR.getURI())
                .put("prov", PROV.getURI())
                .put("matchedTerm", "lar:matchedTerm")
                .put("confidence", new JsonObject().put("@id", "lar:confidence").put("@type", "xsd:decimal"))
                .put("reviewState", new JsonObject().put("@id", "lar:reviewState").put("@type", "@id"))
                .put("ontologyVersion", "lar:ontologyVersion")
                .put("documentId", "lar:documentId")
                .put("wasDerivedFrom", new JsonObject().put("@id", "prov:wasDerivedFrom").put("@type", "@id"))
                .put("adoptedFrom", new JsonObject().put("@id", "lar:adoptedFrom").put("@type", "@id"))
                .put("consensusOf", new JsonObject().put("@id", "lar:consensusOf").put("@type", "@id"));
        JsonArray graph = new JsonArray();
        annotations.forEach(a -> graph.add(annotation(a)));
        if (consensus != null) {
            graph.add(consensus(consensus, documentId));
        }
        return new JsonObject().put("@context", new JsonArray().add(ANNO_CONTEXT).add(own)).put("@graph", graph);
    }

    static JsonObject annotation(StoredAnnotation a) {
        JsonObject quote = new JsonObject().put("type", "TextQuoteSelector").put("exact", a.exact())
                .put("prefix", a.prefix()).put("suffix", a.suffix());
        JsonObject position = new JsonObject().put("type", "TextPositionSelector").put("start", a.start()).put("end", a.end());
        JsonObject target = new JsonObject().put("type", "SpecificResource")
                .put("source", AnnotationIris.passageIri(a.passageId()))
                .put("selector", new JsonArray().add(quote).add(position));
        JsonObject creator = a.manual() ? person(a.creatorIri(), a.creator()) : software(a.creatorIri(), a.creator());
        JsonObject annotation = new JsonObject()
                .put("id", AnnotationIris.annotationIri(a.id()))
                .put("type", "Annotation")
                .put("motivation", a.manual() ? "tagging" : "classifying")
                .put("body", a.conceptIri())
                .put("target", target)
                .put("creator", creator)
                .put("created", a.created() == null ? null : a.created().toString())
                .put("documentId", a.documentId())
                .put("reviewState", a.state().resource().getURI());
        if (a.matchedTerm() != null) {
            annotation.put("matchedTerm", a.matchedTerm());
        }
        if (a.confidence() != null) {
            annotation.put("confidence", a.confidence().toString());
        }
        if (a.ontologyVersion() != null) {
            annotation.put("ontologyVersion", a.ontologyVersion());
        }
        return annotation;
    }

    /** The consensus as its own layer with provenance: who settled it, when, from whose layer, and the annotations that stand. */
    static JsonObject consensus(Consensus consensus, String documentId) {
        JsonArray derivedFrom = new JsonArray();
        consensus.annotationIds().forEach(id -> derivedFrom.add(AnnotationIris.annotationIri(id)));
        JsonObject node = new JsonObject()
                .put("id", consensus.iri())
                .put("type", new JsonArray().add("lar:Consensus").add("prov:Entity"))
                .put("creator", agent(consensus.adjudicator()))
                .put("created", consensus.created() == null ? null : consensus.created().toString())
                .put("documentId", documentId)
                .put("consensusOf", AnnotationIris.documentIri(documentId))
                .put("wasDerivedFrom", derivedFrom);
        if (consensus.adoptedFrom() != null) {
            node.put("adoptedFrom", agent(consensus.adoptedFrom()));
        }
        return node;
    }

    /** A coder as an agent: the annotator, the neutral role everyone but researchers sees, or a researcher. */
    private static JsonObject agent(String coder) {
        if (AnnotationIris.ANNOTATOR_CODER.equals(coder)) {
            return software(AnnotationIris.annotatorIri(), AnnotationIris.ANNOTATOR_NAME);
        }
        return PersonAgents.NEUTRAL_NAME.equals(coder) ? person(PersonAgents.NEUTRAL_IRI, coder) : person(AnnotationIris.userIri(coder), coder);
    }

    private static JsonObject person(String iri, String nickname) {
        return new JsonObject().put("id", iri).put("type", new JsonArray().add("Person").add("prov:Person")).put("nickname", nickname);
    }

    private static JsonObject software(String iri, String name) {
        return new JsonObject().put("id", iri).put("type", new JsonArray().add("Software").add("prov:SoftwareAgent")).put("name", name);
    }
}
