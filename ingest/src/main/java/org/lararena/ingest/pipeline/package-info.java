/**
 * The pipeline's steps as worker verticles (they do blocking work: Tika, file I/O, bulk indexing). Each
 * consumes one address of {@link org.lararena.ingest.IngestAddresses} and sends to the next; every status
 * change is saved in the {@link org.lararena.ingest.store.DocumentStore} before it is published, so a
 * restart resumes what was unfinished.
 */
package org.lararena.ingest.pipeline;
