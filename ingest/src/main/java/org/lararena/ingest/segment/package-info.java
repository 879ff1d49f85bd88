/**
 * Splits repaired text into {@link org.lararena.ingest.segment.Passage passages}: the units that are
 * annotated, indexed and shown as search hits. Paragraphs for reports (small ones merged, long ones split at
 * sentence boundaries), speaker turns for interviews and transcripts, one passage per slide for
 * presentations, list items kept together for meeting notes.
 *
 * <p>Callers use {@link org.lararena.ingest.segment.Segmenter} with a
 * {@link org.lararena.ingest.segment.Layout}. Every passage's text is exactly the repaired text between its
 * offsets. This package does not change text (that is {@code repair}'s work).
 */
package org.lararena.ingest.segment;
