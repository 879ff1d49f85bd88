package org.lararena.ingest.extract;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One document unpacked from an archive or a mailbox, to become a document of its own.
 *
 * @param path where it lay in the archive ({@code rapporter/2024/plan.docx}; inside a nested archive,
 *             {@code bilagor.zip/plan.docx}), or the message's name in a mailbox ({@code meddelande 12.eml})
 * @param file its bytes, in a directory of the extractor's that goes when {@link DocumentExtractor#release} is called
 */
public record ArchiveMember(String path, Path file) {

    public ArchiveMember {
        Objects.requireNonNull(path);
        Objects.requireNonNull(file);
    }

    /** Its file name, without folders. */
    public String filename() {
        return FileTypes.shownName(path);
    }
}
