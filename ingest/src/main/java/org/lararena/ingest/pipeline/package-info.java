/**
 * The pipeline's steps as worker verticles (they do blocking work: Tika, file I/O, bulk indexing). Each
 * consumes one address of {@link org.lararena.ingest.IngestAddresses} and sends to the next; every status
 * change is saved in the {@link org.lararena.ingest.store.DocumentStore} before it is published, so a
 * restart resumes what was unfinished. {@link org.lararena.ingest.pipeline.DocumentAnnotation} (annotate and store a
 * document's suggestions) serves both the annotation step and {@link org.lararena.ingest.pipeline.Reannotation}
 * (annotating indexed documents again after an ontology change).
 */
package org.lararena.ingest.pipeline;
