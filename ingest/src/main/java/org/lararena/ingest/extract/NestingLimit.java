package org.lararena.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (attachments, archive entries, objects in office files) no deeper than a limit,
 * and remembers when a file tried to go deeper so that the whole file can be refused afterwards.
 *
 * <p>Throwing at the limit would not work: each level's parser catches what the level below throws and
 * records it as a warning, so the file would quietly come out without its deepest parts.
 */
final class NestingLimit implements EmbeddedDocumentExtractor {

    private final EmbeddedDocumentExtractor delegate;
    private final int maxDepth;
    private int depth;
    private boolean exceeded;

    NestingLimit(EmbeddedDocumentExtractor delegate, int maxDepth) {
        this.delegate = Objects.requireNonNull(delegate);
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return !exceeded && delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (depth >= maxDepth) {
            exceeded = true;
            return;
        }
        depth++;
        try {
            delegate.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    /** Whether the file held documents nested deeper than the limit. */
    boolean exceeded() {
        return exceeded;
    }
}
