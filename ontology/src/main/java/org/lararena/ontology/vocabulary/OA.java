package org.lararena.ontology.vocabulary;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

/**
 * The terms of the W3C Web Annotation vocabulary ({@code http://www.w3.org/ns/oa#}) that Lärarena uses, in
 * the shape of Jena's {@code SKOS} vocabulary class (Jena ships none for it).
 */
public class OA {

    public static final String uri = "http://www.w3.org/ns/oa#";

    private static final Model m = ModelFactory.createDefaultModel();

    protected static Resource resource(String local) {
        return m.createResource(uri + local);
    }

    protected static Property property(String local) {
        return m.createProperty(uri, local);
    }

    public static String getURI() {
        return uri;
    }

    public static final Resource Annotation = resource("Annotation");
    public static final Resource SpecificResource = resource("SpecificResource");
    public static final Resource TextQuoteSelector = resource("TextQuoteSelector");
    public static final Resource TextPositionSelector = resource("TextPositionSelector");
    public static final Resource Motivation = resource("Motivation");
    public static final Resource classifying = resource("classifying");
    public static final Resource tagging = resource("tagging");

    public static final Property hasBody = property("hasBody");
    public static final Property hasTarget = property("hasTarget");
    public static final Property hasSource = property("hasSource");
    public static final Property hasSelector = property("hasSelector");
    public static final Property motivatedBy = property("motivatedBy");
    public static final Property exact = property("exact");
    public static final Property prefix = property("prefix");
    public static final Property suffix = property("suffix");
    public static final Property start = property("start");
    public static final Property end = property("end");
}
