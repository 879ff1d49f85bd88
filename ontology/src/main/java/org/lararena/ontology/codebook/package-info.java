/**
 * The growing codebook: researchers' run-time changes to the theme scheme (add, edit, move, merge, deprecate), kept
 * in their own named graph over the shipped ontology, each checked by the ontology's SHACL shapes, logged as PROV
 * and put in place in the running {@link org.lararena.ontology.Ontology}. Nothing here knows HTTP or Vert.x.
 */
package org.lararena.ontology.codebook;
