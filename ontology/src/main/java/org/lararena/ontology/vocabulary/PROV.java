package org.lararena.ontology.vocabulary;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

/**
 * The terms of PROV-O ({@code http://www.w3.org/ns/prov#}) that Lärarena uses, in the shape of Jena's
 * {@code SKOS} vocabulary class (Jena ships none for it).
 */
public class PROV {

    public static final String uri = "http://www.w3.org/ns/prov#";

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

    public static final Resource Activity = resource("Activity");
    public static final Resource Agent = resource("Agent");
    public static final Resource Person = resource("Person");
    public static final Resource SoftwareAgent = resource("SoftwareAgent");
    public static final Resource Entity = resource("Entity");

    public static final Property wasAssociatedWith = property("wasAssociatedWith");
    public static final Property startedAtTime = property("startedAtTime");
    public static final Property used = property("used");
    public static final Property generated = property("generated");
    public static final Property wasDerivedFrom = property("wasDerivedFrom");
    public static final Property wasRevisionOf = property("wasRevisionOf");
    public static final Property wasInfluencedBy = property("wasInfluencedBy");
}
