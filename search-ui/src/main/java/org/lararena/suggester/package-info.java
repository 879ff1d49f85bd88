/**
 * The suggester's API: the model in service and its evaluation for researchers, training and reset for admins. The
 * model and its training are {@code org.lararena.ingest.suggester} and {@code org.lararena.ontology.suggest}.
 */
package org.lararena.suggester;
