/**
 * The suggester in service: {@link org.lararena.ingest.suggester.DecisionLog} reads researchers' decisions from the
 * annotation store (with the passages' texts from the document store) as training data, and {@link
 * org.lararena.ingest.suggester.Suggester} trains a model from them in the background, keeps the model in service in
 * the data directory and hands it to the annotator. The model itself is {@code org.lararena.ontology.suggest}.
 */
package org.lararena.ingest.suggester;
