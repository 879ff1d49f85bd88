package org.lararena.ingest.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (attachments, archive entries, objects in office files) no deeper than a limit and
 * within one expansion budget, and remembers when a file tried to go deeper or inflate further, so that the whole
 * file can be refused afterwards. The budget counts the bytes read from every embedded document at every depth
 * together (an archive's entries as they inflate), so a zip bomb is caught wherever it hides: attached to an e-mail,
 * inside a DOCX, inside an archive inside either.
 *
 * <p>Throwing at the limit would not work: each level's parser catches what the level below throws and
 * records it as a warning, so the file would quietly come out without its deepest parts.
 */
final class NestingLimit implements EmbeddedDocumentExtractor {

    private final EmbeddedDocumentExtractor delegate;
    private final int maxDepth;
    private final long maxEmbeddedBytes;
    private int depth;
    private boolean exceeded;
    private long embeddedBytes;
    private boolean overBudget;

    private final long maxCompressionRatio;
    private String bomb;

    /**
     * @param maxEmbeddedBytes    how many bytes all embedded documents together may expand to
     * @param maxCompressionRatio how far a part of an embedded zip (an attached archive, an embedded office file) may
     *                            inflate, as {@link ZipBombCheck} judges a top-level file
     */
    NestingLimit(EmbeddedDocumentExtractor delegate, int maxDepth, long maxEmbeddedBytes, long maxCompressionRatio) {
        this.delegate = Objects.requireNonNull(delegate);
        this.maxDepth = maxDepth;
        this.maxEmbeddedBytes = maxEmbeddedBytes;
        this.maxCompressionRatio = maxCompressionRatio;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return !exceeded && !overBudget && bomb == null && delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (depth >= maxDepth) {
            exceeded = true;
            return;
        }
        // The spooled copy of an embedded zip is deleted afterwards; the stream itself is its container parser's.
        try (TemporaryResources spooled = new TemporaryResources()) {
            TikaInputStream embedded = TikaInputStream.get(stream, spooled, metadata);
            if (isZip(embedded)) {
                // Its directory tells how far it inflates before anything reads it (parsers stop reading a huge entry
                // early, so the budget alone would let a bomb pass as a million zeros).
                String suspicion = ZipBombCheck.suspicion(embedded.getPath(), maxCompressionRatio);
                if (suspicion != null) {
                    bomb = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY) + ": " + suspicion;
                    return;
                }
            }
            depth++;
            try {
                delegate.parseEmbedded(new BudgetedStream(embedded), handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }
    }

    /** Whether the file held documents nested deeper than the limit. */
    boolean exceeded() {
        return exceeded;
    }

    /** Why the embedded content counts as a zip bomb (past the budget, or a part inflating too far); else null. */
    String bomb() {
        return bomb != null ? bomb : overBudget ? "embedded documents expanded past " + maxEmbeddedBytes + " bytes" : null;
    }

    private static boolean isZip(TikaInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    /**
     * An embedded document's bytes, counted against the budget. At the limit it ends, as if the document did
     * (throwing would be swallowed by the parser above, see the class comment); the file is refused afterwards.
     */
    private final class BudgetedStream extends FilterInputStream {

        BudgetedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (spent(1)) {
                return -1;
            }
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (spent(0)) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, maxEmbeddedBytes - embeddedBytes + 1));
            if (read > 0) {
                spent(read);
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(count);
            spent(skipped);
            return skipped;
        }

        /** Counts {@code bytes}; whether the budget is spent. */
        private boolean spent(long bytes) {
            embeddedBytes += bytes;
            if (embeddedBytes > maxEmbeddedBytes) {
                overBudget = true;
            }
            return overBudget;
        }
    }
}
