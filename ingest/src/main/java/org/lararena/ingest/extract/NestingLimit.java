package org.lararena.ingest.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.apache.tika.detect.Detector;
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
 * <p>Archives are counted apart as well: a document may lie inside at most {@code maxArchiveDepth} archives and
 * e-mails (an e-mail counts as one), so a zip in a zip attached to an e-mail is refused with its own reason. The
 * direct attachments of an e-mail and the entries of an archive are headed by their file names in the text
 * ("Bilaga: budget.xlsx"), so a reader sees where each part starts.
 *
 * <p>Throwing at the limit would not work: each level's parser catches what the level below throws and
 * records it as a warning, so the file would quietly come out without its deepest parts.
 */
final class NestingLimit implements EmbeddedDocumentExtractor {

    private final EmbeddedDocumentExtractor delegate;
    private final int maxDepth;
    private final ExpansionBudget budget;
    private final long maxCompressionRatio;
    private final int maxArchiveDepth;
    private final Detector detector;
    /** For each embedded document being parsed, innermost last: whether it is an archive (its entries are inside it). */
    private final Deque<Boolean> openArchives = new ArrayDeque<>();
    private final boolean fileIsEmail;
    private int archives;
    private boolean exceeded;
    private boolean archivesTooDeep;
    private String bomb;

    /**
     * @param budget              what all embedded documents together may expand to
     * @param maxCompressionRatio how far a part of an embedded zip (an attached archive, an embedded office file) may
     *                            inflate, as {@link ZipBombCheck} judges a top-level file
     * @param maxArchiveDepth     how many archives and e-mails may enclose a document
     * @param fileIsEmail         whether the file itself is an e-mail (its attachments are headed "Bilaga")
     * @param detector            tells an embedded archive from other embedded documents
     */
    NestingLimit(EmbeddedDocumentExtractor delegate, int maxDepth, ExpansionBudget budget, long maxCompressionRatio,
            int maxArchiveDepth, boolean fileIsEmail, Detector detector) {
        this.delegate = Objects.requireNonNull(delegate);
        this.maxDepth = maxDepth;
        this.budget = Objects.requireNonNull(budget);
        this.maxCompressionRatio = maxCompressionRatio;
        this.maxArchiveDepth = maxArchiveDepth;
        this.fileIsEmail = fileIsEmail;
        this.detector = Objects.requireNonNull(detector);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return !exceeded && !archivesTooDeep && !budget.exceeded() && bomb == null && delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (openArchives.size() >= maxDepth) {
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
            boolean archive = ArchiveUnpacker.isArchive(detector.detect(embedded, metadata).getBaseType().toString());
            int enclosing = archives + (fileIsEmail ? 1 : 0);
            if (archive && enclosing + 1 > maxArchiveDepth) {
                archivesTooDeep = true;
                return;
            }
            writeHeading(handler, metadata);
            openArchives.addLast(archive);
            archives += archive ? 1 : 0;
            try {
                delegate.parseEmbedded(new BudgetedStream(embedded), handler, metadata, outputHtml);
            } finally {
                archives -= openArchives.removeLast() ? 1 : 0;
            }
        }
    }

    /** Heads a direct attachment of an e-mail, or an entry of an archive, with its file name. */
    private void writeHeading(ContentHandler handler, Metadata metadata) throws SAXException {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        boolean insideArchive = !openArchives.isEmpty() && openArchives.peekLast();
        boolean attachment = openArchives.isEmpty() && fileIsEmail;
        if (name == null || name.isBlank() || !insideArchive && !attachment) {
            return;
        }
        String heading = "\n\n" + (attachment ? "Bilaga: " : "Fil: ") + FileTypes.shownName(name) + "\n\n";
        handler.characters(heading.toCharArray(), 0, heading.length());
    }

    /** Whether the file held documents nested deeper than the limit. */
    boolean exceeded() {
        return exceeded;
    }

    /** Whether the file held an archive inside more archives and e-mails than the limit allows. */
    boolean archivesTooDeep() {
        return archivesTooDeep;
    }

    /** Why the embedded content counts as a zip bomb (past the budget, or a part inflating too far); else null. */
    String bomb() {
        return bomb != null ? bomb : budget.exceeded() ? "embedded documents expanded past " + budget.maxBytes() + " bytes" : null;
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
            if (budget.exceeded()) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                budget.spend(1);
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (budget.exceeded()) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, budget.remaining()));
            if (read > 0) {
                budget.spend(read);
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(count);
            budget.spend(skipped);
            return skipped;
        }
    }
}
