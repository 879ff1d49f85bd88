/**
 * RDF vocabulary classes in the shape of Jena's {@code org.apache.jena.vocabulary.SKOS}: {@link
 * org.lararena.ontology.vocabulary.LAR} for the project's own terms and IRIs, {@link
 * org.lararena.ontology.vocabulary.OA} (W3C Web Annotation) and {@link org.lararena.ontology.vocabulary.PROV}
 * (PROV-O) for the standard terms Jena does not ship. SKOS, RDF, RDFS, OWL, DCTerms and XSD come from Jena.
 *
 * <p>Constants only: no logic lives here.
 */
package org.lararena.ontology.vocabulary;
