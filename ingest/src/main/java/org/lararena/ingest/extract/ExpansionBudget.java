package org.lararena.ingest.extract;

import org.lararena.platform.LararenaConfig;

/**
 * How many bytes everything packed inside one file (attachments, archive entries, objects in office files, at every
 * depth together) may expand to: as much as the file could fairly expand to ({@code maxCompressionRatio} times its
 * size), never less than the output below which nothing is called a zip bomb. Past it the file is refused with the
 * zip-bomb reason, wherever the bytes came from. Not thread-safe: one budget belongs to one extraction.
 */
final class ExpansionBudget {

    private final long maxBytes;
    private long spentBytes;

    private ExpansionBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The budget of a file of {@code fileSize} bytes under {@code config}. */
    static ExpansionBudget forFile(LararenaConfig.Extraction config, long fileSize) {
        return new ExpansionBudget(Math.max(config.zipBombThresholdCharacters(), saturatedProduct(config.maxCompressionRatio(), fileSize)));
    }

    private static long saturatedProduct(long a, long b) {
        long product = a * b;
        return b != 0 && (product / b != a || product < 0) ? Long.MAX_VALUE : product;
    }

    /** Counts {@code bytes} as spent; whether the budget is now exceeded. */
    boolean spend(long bytes) {
        spentBytes += bytes;
        return exceeded();
    }

    boolean exceeded() {
        return spentBytes > maxBytes;
    }

    /** How many more bytes may be read before the budget is exceeded (one more than fits, so that reading past it shows). */
    long remaining() {
        return Math.max(0, maxBytes - spentBytes + 1);
    }

    long maxBytes() {
        return maxBytes;
    }

    long spentBytes() {
        return spentBytes;
    }
}
