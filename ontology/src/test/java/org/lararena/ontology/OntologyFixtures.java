package org.lararena.ontology;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

/** Test ontologies: the shipped one with a few concepts of the test's own added, validated like any other. */
public final class OntologyFixtures {

    /** Prefixes {@code skos:}, {@code lar:}, {@code scheme:}, {@code tema:}, {@code dokumenttyp:} and {@code pilot:}. */
    public static final String PREFIXES = """
            @prefix skos:        <http://www.w3.org/2004/02/skos/core#> .
            @prefix lar:         <https://w3id.org/lararena/vocab#> .
            @prefix scheme:      <https://w3id.org/lararena/scheme/> .
            @prefix tema:        <https://w3id.org/lararena/tema/> .
            @prefix dokumenttyp: <https://w3id.org/lararena/dokumenttyp/> .
            @prefix pilot:       <https://w3id.org/lararena/pilot/> .
            """;

    /** A document type the shipped ontology lacks, {@code fokusgrupp}, whose text names speakers. */
    public static final String FOCUS_GROUP = """
            dokumenttyp:fokusgrupp a skos:Concept ; skos:inScheme scheme:dokumenttyper ; skos:notation "fokusgrupp" ;
                lar:namesSpeakers true ;
                skos:prefLabel "Fokusgrupp"@sv , "Focus group"@en ; skos:definition "Ett gruppsamtal."@sv .
            """;

    /** A pilot the shipped ontology lacks, {@code kronoberg}, guessed from words starting with "kronoberg". */
    public static final String KRONOBERG = """
            pilot:kronoberg a skos:Concept ; skos:inScheme scheme:piloter ; skos:notation "kronoberg" ;
                lar:nameStem "kronoberg" ;
                skos:prefLabel "Kronoberg"@sv , "Kronoberg"@en ; skos:definition "Pilotområdet Kronoberg."@sv .
            """;

    private OntologyFixtures() {
    }

    /** The shipped ontology plus {@code turtle} (written with {@link #PREFIXES}), checked by the shapes. */
    public static Ontology shippedWith(String turtle) {
        Model model = ModelFactory.createDefaultModel().add(OntologyLoader.shipped().model());
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(model);
        return OntologyLoader.fromModel(model);
    }
}
