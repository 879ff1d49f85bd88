/**
 * Internal: the annotator's dictionary automaton. {@link org.lararena.ontology.annotate.TermDictionary} is built
 * once from all labels of the Teman scheme: a trie over word stems for single and multi-word terms (with
 * inflection, hyphenated forms and one gap word) and two character tries that find terms at the start or end of
 * long compounds. It yields raw {@link org.lararena.ontology.annotate.TermMatch}es; choosing among them and scoring
 * belongs to {@link org.lararena.ontology.PassageAnnotator}. Pure Java; not part of the module's API.
 */
package org.lararena.ontology.annotate;
