/**
 * The growing codebook's HTTP side: {@code /api/codebook} for researchers, over the ontology module's
 * {@link org.lararena.ontology.codebook.Codebook}. The *Kodbok* page is in {@code org.lararena.web.pages}.
 */
package org.lararena.codebook;
