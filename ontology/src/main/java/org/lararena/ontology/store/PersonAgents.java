package org.lararena.ontology.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lararena.ontology.vocabulary.LAR;

/**
 * The people (researchers) who made or reviewed annotations, as everyone but researchers may see them: not by
 * username but as one neutral agent, the role {@value #NEUTRAL_NAME}. Researchers see the real agents; the others
 * see the same history with every person replaced, on every path (the annotation list, its JSON-LD, SPARQL, who
 * uploaded a document). Capitalised, it can never be a username (Keycloak keeps usernames in lower case).
 */
public final class PersonAgents {

    /** The name every person is shown by to non-researchers. */
    public static final String NEUTRAL_NAME = "Forskare";
    /** The IRI every person's agent is shown by to non-researchers. */
    public static final String NEUTRAL_IRI = LAR.BASE + "agent/role/forskare";
    public static final Node NEUTRAL_NODE = NodeFactory.createURI(NEUTRAL_IRI);

    private static final String PERSON_PREFIX = AnnotationIris.userIri("");

    private PersonAgents() {
    }

    /** Whether {@code node} is the IRI of a person ({@link AnnotationIris#userIri}). */
    public static boolean isPerson(Node node) {
        return node != null && node.isURI() && node.getURI().startsWith(PERSON_PREFIX);
    }

    /** The annotation as a non-researcher sees it: a manual one's creator is the neutral agent. */
    public static StoredAnnotation withoutPerson(StoredAnnotation a) {
        if (!a.manual() && !isPerson(a.creatorIri() == null ? null : NodeFactory.createURI(a.creatorIri()))) {
            return a;
        }
        return new StoredAnnotation(a.id(), a.documentId(), a.passageId(), a.start(), a.end(), a.exact(), a.prefix(), a.suffix(),
                a.conceptIri(), a.manual(), a.state(), a.matchedTerm(), a.confidence(), NEUTRAL_NAME, NEUTRAL_IRI, a.created(),
                a.ontologyVersion());
    }

    /** The consensus as a non-researcher sees it: the adjudicator, and the coder adopted unless it is the annotator, as the neutral agent. */
    public static Consensus withoutPerson(Consensus c) {
        String adopted = c.adoptedFrom() == null || AnnotationIris.ANNOTATOR_CODER.equals(c.adoptedFrom()) ? c.adoptedFrom() : NEUTRAL_NAME;
        return new Consensus(c.iri(), NEUTRAL_NAME, c.created(), adopted, c.annotationIds());
    }
}
