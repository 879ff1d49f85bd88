package org.lararena.ingest.segment;

/** How a document is laid out, which decides how it is split. */
public enum Layout {
    /** Decide from the text: speaker turns when it has them, else paragraphs. */
    AUTO,
    /** Running text: reports, meeting notes, workshop records. Paragraphs and lists. */
    PROSE,
    /** Interviews and transcripts: one passage per speaker turn (long turns split, keeping the speaker). */
    TRANSCRIPT,
    /** Presentations: one passage per slide (long slides split by blocks). */
    SLIDES,
    /**
     * Spreadsheets: one passage per row (a block), never merged with the next; each page is a sheet whose first block,
     * its name, goes with its first row.
     */
    ROWS
}
