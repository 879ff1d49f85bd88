package org.lararena.ingest.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks at the directory of a zip-based file (DOCX, PPTX, ODT, ODP) before any parser inflates it. Parsers
 * build the main XML part as a tree in memory, so a part that inflates a thousandfold exhausts the heap
 * before any output limit can act; the directory tells the sizes for nothing.
 *
 * <p>The sizes in the directory can lie. That is why this is only the first line: the worker's heap limit
 * still stops a file that lies, and the file fails alone.
 */
final class ZipBombCheck {

    /** Parts smaller than this are never suspicious, however well they compress. */
    private static final long SMALL_PART_BYTES = 10L * 1024 * 1024;
    private static final int MAX_ENTRIES = 20_000;

    private ZipBombCheck() {
    }

    /** A description of the suspicious part, or {@code null} when the file looks sane or is no readable zip. */
    static String suspicion(Path file, long maxCompressionRatio) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return zip.size() + " entries";
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                long inflated = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                if (inflated > SMALL_PART_BYTES && inflated / compressed > maxCompressionRatio) {
                    return entry.getName() + " inflates from " + compressed + " to " + inflated + " bytes";
                }
            }
            return null;
        } catch (IOException notAZip) {
            // A damaged container is the parser's to report, with its own reason.
            return null;
        }
    }
}
