/**
 * The pipeline's steps as worker verticles (they do blocking work: Tika, file I/O, bulk indexing). Each
 * consumes one address of {@link org.lararena.ingest.IngestAddresses} and sends to the next; every status
 * change is saved in the {@link org.lararena.ingest.store.DocumentStore} before it is published, so a
 * restart resumes what was unfinished. {@link org.lararena.ingest.pipeline.DocumentAnnotation} (annotate and store a
 * document's suggestions) serves both the annotation step and {@link org.lararena.ingest.pipeline.Reannotation}
 * (annotating indexed documents again after an ontology change).
 *
 * <p>Each step consumes its address on its own instance only ({@code localConsumer}): a document's original and
 * passages are in the data directory of the instance that received it, so in a cluster of instances its work must
 * stay there. Status events are published cluster-wide, so every instance's event stream shows them.
 */
package org.lararena.ingest.pipeline;
