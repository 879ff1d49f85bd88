/**
 * Internal: Swedish text handling shared by the label search and the annotator: case and diacritic folding
 * ({@code å→a, ä→a, ö→o, é→e}, OCR's {@code |} for l or i), tokenizing with character offsets and a light
 * suffix stripper. Pure Java; no Jena, no state. Not part of the module's API: callers use {@link
 * org.lararena.ontology.Ontology} and {@link org.lararena.ontology.PassageAnnotator}.
 */
package org.lararena.ontology.text;
