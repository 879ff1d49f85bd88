package org.lararena.annotations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.TdbAnnotationStore;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.PROV;

/**
 * A document's annotations as W3C Web Annotation JSON-LD: the standard context {@code
 * http://www.w3.org/ns/anno.jsonld}, plus the few {@code lar:} terms (matched term, confidence, review state,
 * ontology version), one node per annotation in {@code @graph}. Reads back as the same RDF the store holds for
 * body, target, selectors, motivation, creator and created.
 */
public final class WebAnnotationJsonLd {

    /** The media type of the response. */
    public static final String MEDIA_TYPE = "application/ld+json";
    public static final String ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

    private WebAnnotationJsonLd() {
    }

    public static JsonObject document(List<StoredAnnotation> annotations) {
        JsonObject own = new JsonObject()
                .put("lar", LAR.getURI())
                .put("prov", PROV.getURI())
                .put("matchedTerm", "lar:matchedTerm")
                .put("confidence", new JsonObject().put("@id", "lar:confidence").put("@type", "xsd:decimal"))
                .put("reviewState", new JsonObject().put("@id", "lar:reviewState").put("@type", "@id"))
                .put("ontologyVersion", "lar:ontologyVersion")
                .put("documentId", "lar:documentId");
        JsonArray graph = new JsonArray();
        annotations.forEach(a -> graph.add(annotation(a)));
        return new JsonObject().put("@context", new JsonArray().add(ANNO_CONTEXT).add(own)).put("@graph", graph);
    }

    static JsonObject annotation(StoredAnnotation a) {
        JsonObject quote = new JsonObject().put("type", "TextQuoteSelector").put("exact", a.exact())
                .put("prefix", a.prefix()).put("suffix", a.suffix());
        JsonObject position = new JsonObject().put("type", "TextPositionSelector").put("start", a.start()).put("end", a.end());
        JsonObject target = new JsonObject().put("type", "SpecificResource")
                .put("source", TdbAnnotationStore.passageIri(a.passageId()))
                .put("selector", new JsonArray().add(quote).add(position));
        JsonObject creator = a.manual()
                ? new JsonObject().put("id", a.creatorIri()).put("type", new JsonArray().add("Person").add("prov:Person")).put("nickname", a.creator())
                : new JsonObject().put("id", a.creatorIri()).put("type", new JsonArray().add("Software").add("prov:SoftwareAgent")).put("name", a.creator());
        JsonObject annotation = new JsonObject()
                .put("id", TdbAnnotationStore.annotationIri(a.id()))
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
}
