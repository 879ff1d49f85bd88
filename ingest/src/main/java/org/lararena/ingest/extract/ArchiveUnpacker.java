package org.lararena.ingest.extract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;

/**
 * Unpacks an archive (zip, tar, tar.gz, 7z) or a mailbox (mbox) into one file per document, so that each becomes a
 * document of its own. Runs inside the extraction worker, under its time and memory limits, and writes only into the
 * directory it is given. Archives inside the archive are unpacked too (their documents are named by the path through
 * them, {@code bilagor.zip/plan.docx}); a single gzip-compressed file is that file.
 *
 * <p>Everything written counts against one {@link ExpansionBudget} (the file's, as for embedded documents), so a
 * bomb at any depth is refused with the zip-bomb reason; besides it, the configured {@link
 * LararenaConfig.Extraction.ContainerLimits} bound the number of documents, the bytes unpacked, how deeply archives nest and
 * the number of messages of a mailbox. A limit refuses the whole file: nothing of it is kept. Folders, links,
 * operating-system leftovers ({@code __MACOSX/}, {@code .DS_Store}, {@code Thumbs.db}) and empty entries are
 * skipped. Apache Commons Compress reads the formats (Tika uses it for the same).
 */
final class ArchiveUnpacker {

    /** What a mailbox is detected as. */
    static final String MBOX = "application/mbox";
    private static final String ZIP = "application/zip";
    private static final String SEVEN_Z = "application/x-7z-compressed";
    private static final Set<String> TAR = Set.of("application/x-tar", "application/x-gtar");
    private static final Set<String> GZIP = Set.of("application/gzip", "application/x-gzip");
    /** Archive types whose documents Lärarena unpacks; other archives (RAR, bzip2) are refused by name. */
    private static final Set<String> UNPACKED = Set.of(ZIP, SEVEN_Z, "application/x-tar", "application/x-gtar", "application/gzip",
            "application/x-gzip", MBOX);
    /** Every archive type, those not unpacked included: an embedded one counts against the nesting of archives. */
    private static final Set<String> ARCHIVES = Set.of(ZIP, SEVEN_Z, "application/x-tar", "application/x-gtar", "application/gzip",
            "application/x-gzip", "application/x-bzip2", "application/x-rar-compressed", "application/vnd.rar", "application/x-xz");
    /** The most a 7z decoder may allocate for its dictionary; the worker's heap is the last line. */
    private static final int SEVEN_Z_MEMORY_KIB = 256 * 1024;
    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final LararenaConfig.Extraction.ContainerLimits limits;
    private final ExpansionBudget budget;
    private final Detector detector;
    private final Path directory;
    private final List<ArchiveMember> members = new ArrayList<>();
    private long unpackedBytes;
    /** Documents (and archives inside) written so far, counted against the limit. */
    private int filesWritten;
    /** Names the files written, never reused: an inner archive's file is still being read while its entries are written. */
    private int fileNumber;

    ArchiveUnpacker(LararenaConfig.Extraction config, ExpansionBudget budget, Detector detector, Path directory) {
        this.limits = config.containers();
        this.budget = Objects.requireNonNull(budget);
        this.detector = Objects.requireNonNull(detector);
        this.directory = Objects.requireNonNull(directory);
    }

    /** Whether Lärarena unpacks files of this type into documents of their own. */
    static boolean unpacks(String mediaType) {
        return UNPACKED.contains(mediaType);
    }

    /** Whether the type is an archive of any kind (including those Lärarena does not unpack). */
    static boolean isArchive(String mediaType) {
        return ARCHIVES.contains(mediaType);
    }

    /**
     * The documents of an archive or mailbox, each in a file of its own.
     *
     * @throws ExtractionException when a limit is passed, the budget is spent, the archive is encrypted or damaged, or
     *                             it holds no documents
     */
    List<ArchiveMember> unpack(Path file, String mediaType, String filename) throws ExtractionException {
        try {
            Files.createDirectories(directory);
            unpack(file, mediaType, filename, "", 1);
        } catch (PasswordRequiredException e) {
            throw new ExtractionException(Kind.ENCRYPTED, "Arkivet är lösenordsskyddat. Packa upp det och ladda upp dokumenten ett och ett.",
                    mediaType + ": " + e, e);
        } catch (IOException | UncheckedIOException e) {
            throw new ExtractionException(Kind.CORRUPT, mediaType.equals(MBOX) ? "E-postlådan är trasig och kunde inte delas upp."
                    : "Arkivet är trasigt eller avkortat och kunde inte packas upp.", mediaType + ": " + e, e);
        }
        if (members.isEmpty()) {
            throw new ExtractionException(Kind.EMPTY, mediaType.equals(MBOX) ? "E-postlådan innehåller inga meddelanden."
                    : "Arkivet innehåller inga dokument.", "no documents in a " + mediaType);
        }
        return List.copyOf(members);
    }

    /** Unpacks {@code file}, which lies in the outermost archive at {@code prefix}, {@code depth} archives deep. */
    private void unpack(Path file, String mediaType, String filename, String prefix, int depth) throws IOException, ExtractionException {
        if (depth > limits.maxArchiveDepth()) {
            throw new ExtractionException(Kind.TOO_DEEPLY_NESTED, "Arkivet innehåller arkiv i arkiv i fler än " + limits.maxArchiveDepth()
                    + " nivåer och avvisas. Packa upp de inre arkiven och ladda upp dem var för sig.",
                    "archives nested deeper than " + limits.maxArchiveDepth() + " at " + prefix);
        }
        if (mediaType.equals(ZIP)) {
            unpackZip(file, prefix, depth);
        } else if (mediaType.equals(SEVEN_Z)) {
            unpackSevenZ(file, prefix, depth);
        } else if (TAR.contains(mediaType)) {
            try (InputStream in = Files.newInputStream(file)) {
                unpackTar(in, prefix, depth);
            }
        } else if (GZIP.contains(mediaType)) {
            unpackGzip(file, filename, prefix, depth);
        } else if (mediaType.equals(MBOX)) {
            splitMailbox(file, prefix);
        } else {
            throw new IllegalArgumentException("not an archive: " + mediaType);
        }
    }

    private void unpackZip(Path file, String prefix, int depth) throws IOException, ExtractionException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : (Iterable<ZipArchiveEntry>) () -> zip.getEntriesInPhysicalOrder().asIterator()) {
                if (skipped(entry)) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new ExtractionException(Kind.ENCRYPTED, "Arkivet är krypterat eller använder en packningsmetod som inte stöds ("
                            + entry.getName() + "). Packa upp det och ladda upp dokumenten ett och ett.",
                            "unreadable zip entry " + entry.getName() + " (encrypted or unsupported method)");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    add(in, prefix + entry.getName(), depth, prefix + entry.getName() + "/");
                }
            }
        }
    }

    private void unpackSevenZ(Path file, String prefix, int depth) throws IOException, ExtractionException {
        try (SevenZFile sevenZ = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KIB).get()) {
            for (SevenZArchiveEntry entry = sevenZ.getNextEntry(); entry != null; entry = sevenZ.getNextEntry()) {
                if (skipped(entry) || !entry.hasStream()) {
                    continue;
                }
                add(sevenZ.getInputStream(entry), prefix + entry.getName(), depth, prefix + entry.getName() + "/");
            }
        }
    }

    private void unpackTar(InputStream in, String prefix, int depth) throws IOException, ExtractionException {
        try (ArchiveInputStream<TarArchiveEntry> tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (skipped(entry) || !entry.isFile()) {
                    continue;
                }
                add(tar, prefix + entry.getName(), depth, prefix + entry.getName() + "/");
            }
        }
    }

    /** A tar.gz is a tar; any other gzip-compressed file is the file it holds, named without {@code .gz}. */
    private void unpackGzip(Path file, String filename, String prefix, int depth) throws IOException, ExtractionException {
        String inner = filename == null ? "dokument" : FileTypes.shownName(filename).replaceFirst("(?i)\\.t?gz$", "")
                + (filename.toLowerCase(Locale.ROOT).endsWith(".tgz") ? ".tar" : "");
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(file))) {
            // Not a level of its own: a tar.gz is one archive to the person who made it, its entries named as in it.
            add(in, prefix + inner, depth - 1, prefix);
        }
    }

    /**
     * Writes one entry to a file of its own, counted against the limits; an archive inside is unpacked in turn (and its
     * file removed, its documents named after {@code innerPrefix}), anything else becomes a document.
     */
    private void add(InputStream in, String path, int depth, String innerPrefix) throws IOException, ExtractionException {
        Path target = nextFile();
        long written = copyWithinLimits(in, target);
        if (written == 0) {
            Files.delete(target);
            filesWritten--;
            return;
        }
        String mediaType = detect(target, path);
        if (unpacks(mediaType) && !(mediaType.equals(MBOX) && messagesIn(target) <= 1)) {
            filesWritten--;
            unpack(target, mediaType, path, innerPrefix, depth + 1);
            Files.delete(target);
        } else {
            members.add(new ArchiveMember(path, target));
        }
    }

    /** A new file for the next document, when the limit on their number allows one more. */
    private Path nextFile() throws ExtractionException {
        if (++filesWritten > limits.maxArchiveFiles()) {
            throw new ExtractionException(Kind.TOO_MANY_PARTS, "Arkivet innehåller fler än " + spaced(limits.maxArchiveFiles())
                    + " filer och avvisas. Dela upp det i mindre arkiv.", "more than " + limits.maxArchiveFiles() + " files");
        }
        return directory.resolve(String.format(Locale.ROOT, "%06d", ++fileNumber));
    }

    /** Counts bytes unpacked against the expansion budget, which refuses the file as a zip bomb once it is spent. */
    private void spend(long bytes) throws ExtractionException {
        if (budget.spend(bytes)) {
            throw new ExtractionException(Kind.ZIP_BOMB, InProcessExtraction.ZIP_BOMB_REASON,
                    "unpacked past the expansion budget of " + budget.maxBytes() + " bytes");
        }
    }

    private long copyWithinLimits(InputStream in, Path target) throws IOException, ExtractionException {
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                written += read;
                unpackedBytes += read;
                spend(read);
                if (unpackedBytes > limits.maxArchiveBytes()) {
                    throw new ExtractionException(Kind.TOO_MANY_PARTS, "Arkivet packas upp till mer än "
                            + spaced(limits.maxArchiveBytes() / (1024 * 1024)) + " MB och avvisas. Dela upp det i mindre arkiv.",
                            "archive unpacked past " + limits.maxArchiveBytes() + " bytes");
                }
            }
        }
        return written;
    }

    /**
     * Splits an mbox at its "From " lines into one e-mail each. Lines are read as ISO-8859-1, which maps every byte to
     * one character and back, so each message keeps its bytes; a quoted {@code >From } line loses one {@code >}.
     */
    private void splitMailbox(Path file, String prefix) throws IOException, ExtractionException {
        int messages = messagesIn(file);
        if (messages > limits.maxMailboxMessages()) {
            throw new ExtractionException(Kind.TOO_MANY_PARTS, "E-postlådan innehåller " + spaced(messages) + " meddelanden, fler än gränsen på "
                    + spaced(limits.maxMailboxMessages()) + ". Dela upp den i mindre e-postlådor, eller exportera de meddelanden som behövs.",
                    messages + " messages, more than " + limits.maxMailboxMessages());
        }
        int number = 0;
        BufferedWriter message = null;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            boolean afterBlank = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (afterBlank && line.startsWith("From ")) {
                    if (message != null) {
                        message.close();
                    }
                    number++;
                    Path target = nextFile();
                    message = Files.newBufferedWriter(target, StandardCharsets.ISO_8859_1);
                    members.add(new ArchiveMember(prefix + "meddelande " + number + ".eml", target));
                } else if (message != null) {
                    String unquoted = line.matches(">+From .*") ? line.substring(1) : line;
                    message.write(unquoted);
                    message.write('\n');
                    spend(unquoted.length() + 1L);
                }
                afterBlank = line.isEmpty();
            }
        } finally {
            if (message != null) {
                message.close();
            }
        }
    }

    /** How many messages an mbox holds: its lines that start with "From " at the start or after a blank line. */
    static int messagesIn(Path file) throws IOException {
        int count = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            boolean afterBlank = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (afterBlank && line.startsWith("From ")) {
                    count++;
                }
                afterBlank = line.isEmpty();
            }
        }
        return count;
    }

    private String detect(Path file, String path) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, FileTypes.shownName(path));
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, metadata).getBaseType().toString();
        }
    }

    /** Folders and what operating systems leave in archives: never a researcher's document. */
    private static boolean skipped(ArchiveEntry entry) {
        String name = entry.getName().replace('\\', '/');
        String base = FileTypes.shownName(name);
        return entry.isDirectory() || name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || base.startsWith(".")
                || base.equalsIgnoreCase("Thumbs.db") || base.equalsIgnoreCase("desktop.ini") || base.isEmpty();
    }

    /** 10000 as "10 000", as Swedish writes it. */
    private static String spaced(long number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }
}
