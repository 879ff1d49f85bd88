/**
 * Turns an uploaded file into an {@link org.lararena.ingest.extract.ExtractedDocument}: its real media type,
 * its raw text, its pages or slides, its metadata and, for subtitles, its speaker cues; or, for an archive or
 * a mailbox, the files of the documents inside ({@link org.lararena.ingest.extract.ArchiveMember}), unpacked by the
 * worker, to be stored as documents of their own.
 *
 * <p>Callers use only {@link org.lararena.ingest.extract.DocumentExtractor}, its
 * {@link org.lararena.platform.LararenaConfig.Extraction} and {@link org.lararena.ingest.extract.ExtractionException}.
 * Parsing never runs in the caller's process: the extractor keeps a small pool of warm child JVMs
 * ({@link org.lararena.ingest.extract.ExtractionWorker}), each with its own heap limit, and kills one that
 * overruns its time, so a file that hangs or exhausts memory fails alone. Everything else here is internal
 * and package-private.
 *
 * <p>This package does not repair, split or describe text (see {@code repair}, {@code segment},
 * {@code describe}) and knows nothing of Vert.x.
 */
package org.lararena.ingest.extract;
