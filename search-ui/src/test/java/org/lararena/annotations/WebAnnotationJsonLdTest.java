package org.lararena.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;
import org.lararena.ontology.vocabulary.PROV;

/** The JSON-LD reads back as W3C Web Annotation RDF (with the anno context from a local copy: no network). */
class WebAnnotationJsonLdTest {

    private static final String TEMA = LAR.BASE + "tema/";

    @Test
    void automaticAndManualAnnotationsReadBackWithTheirSelectorsInCodePoints() throws IOException {
        Dataset dataset = TDB2Factory.createDataset();
        RdfAnnotationStore store = new RdfAnnotationStore(dataset);
        String text = "🌲 Samverkan i Värmland";
        PassageText passage = new PassageText("doc-0", text);
        Suggestion samverkan = new Suggestion(TEMA + "samverkan", TEMA + "samverkan", 3, 12, "Samverkan", "samverkan", 0.9);
        store.storeAutomatic("doc", "v1", List.of(new AnnotationStore.PassageSuggestions(passage, List.of(samverkan))));
        store.addManual("doc", passage, 14, 22, TEMA + "samverkan", "v1", "forskare");
        List<StoredAnnotation> annotations = store.annotationsOf("doc");

        JsonObject document = WebAnnotationJsonLd.document(annotations);
        assertThat(document.getJsonArray("@context").getString(0)).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        Model model = parse(document);

        List<Resource> parsed = model.listSubjectsWithProperty(RDF.type, OA.Annotation).toList();
        assertThat(parsed).hasSize(2);
        Resource auto = model.createResource(AnnotationIris.annotationIri(annotations.get(0).id()));
        assertThat(auto.hasProperty(OA.motivatedBy, OA.classifying)).isTrue();
        assertThat(auto.getPropertyResourceValue(OA.hasBody).getURI()).isEqualTo(TEMA + "samverkan");
        assertThat(auto.hasProperty(LAR.reviewState, LAR.Suggested)).isTrue();
        assertThat(auto.getProperty(LAR.matchedTerm).getString()).isEqualTo("samverkan");
        assertThat(auto.getProperty(DCTerms.created).getLiteral().getDatatype()).isEqualTo(XSDDatatype.XSDdateTime);
        Resource target = auto.getPropertyResourceValue(OA.hasTarget);
        assertThat(target.hasProperty(RDF.type, OA.SpecificResource)).isTrue();
        assertThat(target.getPropertyResourceValue(OA.hasSource).getURI()).isEqualTo(AnnotationIris.passageIri("doc-0"));
        Resource quote = selector(target, OA.TextQuoteSelector);
        assertThat(quote.getProperty(OA.exact).getString()).isEqualTo("Samverkan");
        assertThat(quote.getProperty(OA.prefix).getString()).isEqualTo("🌲 ");
        assertThat(quote.getProperty(OA.suffix).getString()).isEqualTo(" i Värmland");
        Resource position = selector(target, OA.TextPositionSelector);
        assertThat(position.getProperty(OA.start).getInt()).as("code points: the tree is one").isEqualTo(2);
        assertThat(position.getProperty(OA.end).getInt()).isEqualTo(11);
        assertThat(position.getProperty(OA.start).getLiteral().getDatatype()).isEqualTo(XSDDatatype.XSDnonNegativeInteger);

        Resource manual = model.createResource(AnnotationIris.annotationIri(annotations.get(1).id()));
        assertThat(manual.hasProperty(OA.motivatedBy, OA.tagging)).isTrue();
        assertThat(selector(manual.getPropertyResourceValue(OA.hasTarget), OA.TextQuoteSelector).getProperty(OA.exact).getString())
                .isEqualTo("Värmland");
        assertThat(manual.getPropertyResourceValue(DCTerms.creator).getURI()).isEqualTo(AnnotationIris.userIri("forskare"));
        dataset.close();
    }

    @Test
    void theConsensusIsItsOwnResourceWithTheAdjudicatorAsCreatorDerivedFromTheAnnotationsThatStand() throws IOException {
        Dataset dataset = TDB2Factory.createDataset();
        RdfAnnotationStore store = new RdfAnnotationStore(dataset);
        PassageText passage = new PassageText("doc-0", "Samverkan och kontinuitet i Värmland");
        store.storeAutomatic("doc", "v1", List.of(new AnnotationStore.PassageSuggestions(passage, List.of(
                new Suggestion(TEMA + "samverkan", TEMA + "samverkan", 0, 9, "Samverkan", "samverkan", 0.9),
                new Suggestion(TEMA + "kontinuitet", TEMA + "kontinuitet", 14, 25, "kontinuitet", "kontinuitet", 0.9)))));
        StoredAnnotation tag = store.addManual("doc", passage, 28, 36, TEMA + "samverkan", "v1", "forskare2");
        String kept = store.annotationsOf("doc").get(0).id();
        store.settleConsensus("doc", Set.of(kept, tag.id()), "forskare", "forskare2");
        Consensus consensus = store.consensus("doc").orElseThrow();
        List<StoredAnnotation> annotations = store.annotationsOf("doc");

        Model model = parse(WebAnnotationJsonLd.document(annotations, "doc", consensus));
        Resource node = model.createResource(consensus.iri());
        assertThat(node.hasProperty(RDF.type, LAR.Consensus)).isTrue();
        assertThat(node.hasProperty(RDF.type, PROV.Entity)).isTrue();
        assertThat(node.getPropertyResourceValue(DCTerms.creator).getURI()).isEqualTo(AnnotationIris.userIri("forskare"));
        assertThat(node.getPropertyResourceValue(LAR.adoptedFrom).getURI()).isEqualTo(AnnotationIris.userIri("forskare2"));
        assertThat(node.getPropertyResourceValue(LAR.consensusOf).getURI()).isEqualTo(AnnotationIris.documentIri("doc"));
        assertThat(node.getProperty(DCTerms.created).getLiteral().getDatatype()).isEqualTo(XSDDatatype.XSDdateTime);
        assertThat(node.listProperties(PROV.wasDerivedFrom).toList()).extracting(st -> st.getResource().getURI())
                .containsExactlyInAnyOrder(AnnotationIris.annotationIri(kept), AnnotationIris.annotationIri(tag.id()));
        assertThat(model.listSubjectsWithProperty(RDF.type, OA.Annotation).toList()).as("the consensus is no annotation").hasSize(3);
        String dropped = annotations.stream().map(StoredAnnotation::id).filter(id -> !id.equals(kept) && !id.equals(tag.id())).findFirst().orElseThrow();
        assertThat(model.createResource(AnnotationIris.annotationIri(dropped)).hasProperty(LAR.reviewState, LAR.Rejected)).isTrue();

        Model neutral = parse(WebAnnotationJsonLd.document(annotations.stream().map(PersonAgents::withoutPerson).toList(), "doc",
                PersonAgents.withoutPerson(consensus)));
        Resource seenByPilot = neutral.createResource(consensus.iri());
        assertThat(seenByPilot.getPropertyResourceValue(DCTerms.creator).getURI()).isEqualTo(PersonAgents.NEUTRAL_IRI);
        assertThat(seenByPilot.getPropertyResourceValue(LAR.adoptedFrom).getURI()).isEqualTo(PersonAgents.NEUTRAL_IRI);
        assertThat(neutral.listObjects().toList()).as("no username to a pilot").noneMatch(o -> o.toString().contains("forskare2"));
        dataset.close();
    }

    private static Resource selector(Resource target, Resource type) {
        return target.listProperties(OA.hasSelector).toList().stream().map(s -> s.getResource())
                .filter(s -> s.hasProperty(RDF.type, type)).findFirst().orElseThrow();
    }

    /** Parses with Jena, the remote anno context replaced by the local copy of it. */
    private static Model parse(JsonObject document) throws IOException {
        JsonObject local;
        try (InputStream in = WebAnnotationJsonLdTest.class.getResourceAsStream("/jsonld/anno.jsonld")) {
            local = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("@context");
        }
        JsonArray context = document.getJsonArray("@context").copy();
        context.set(0, local);
        JsonObject offline = document.copy().put("@context", context);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(offline.encode(), Lang.JSONLD).parse(model);
        return model;
    }
}
