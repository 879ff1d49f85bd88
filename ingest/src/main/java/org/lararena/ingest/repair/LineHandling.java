package org.lararena.ingest.repair;

/** What the repair does with single line breaks. */
public enum LineHandling {
    /**
     * Lines that extraction wrapped are rejoined into paragraphs, judged by their shape (the right choice for
     * PDF, plain text and most office files, where lines may be printed lines).
     */
    REJOIN_WRAPPED,
    /** Every line stays a line (slides, where each line is a title or a bullet even without a bullet sign). */
    KEEP
}
