/**
 * The Lärarena ontology: what callers need. {@link org.lararena.ontology.OntologyLoader} reads and validates the
 * SKOS Turtle files against the SHACL rules; {@link org.lararena.ontology.Ontology} is the immutable typed view
 * (concepts, top themes, hierarchy, label search, and the lists the rest of the platform reads from it: the
 * {@link org.lararena.ontology.DocumentType}s and {@link org.lararena.ontology.Pilot}s); {@link org.lararena.ontology.PassageAnnotator} suggests themes
 * for a passage as {@link org.lararena.ontology.Suggestion}s; {@link org.lararena.ontology.OntologyException} is
 * the module's one exception.
 *
 * <p>Pure Java and Jena: no Vert.x, no other Lärarena module. Internals live in {@code text} (Swedish folding,
 * tokenizing, stemming) and {@code annotate} (the dictionary automaton); RDF terms in {@code vocabulary}.
 */
package org.lararena.ontology;
