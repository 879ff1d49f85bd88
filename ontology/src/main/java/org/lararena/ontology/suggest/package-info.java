/**
 * The suggester: what the annotator learns from researchers' decisions. {@link
 * org.lararena.ontology.suggest.SuggesterTraining} turns the decisions ({@link
 * org.lararena.ontology.suggest.TrainingPassage}s) into a versioned {@link
 * org.lararena.ontology.suggest.SuggesterModel}: how often each term's suggestions are accepted, terms learned from
 * researchers' own tags, a classifier per top theme and a calibration of the confidence, with an evaluation on
 * decisions held out of its training. {@link org.lararena.ontology.PassageAnnotator} applies the model in service.
 * Pure Java (Apache OpenNLP for the classifiers); reading decisions and keeping model files belong to the callers.
 */
package org.lararena.ontology.suggest;
