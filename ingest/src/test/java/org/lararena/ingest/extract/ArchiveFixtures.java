package org.lararena.ingest.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Archives, mailboxes and e-mails built at test time from sentences written for these tests, with the JDK's zip and
 * gzip writers and Apache Commons Compress (tar, 7z).
 */
public final class ArchiveFixtures {

    private ArchiveFixtures() {
    }

    /** Entries in order: path inside the archive to its bytes. */
    public static Map<String, byte[]> entries(Object... pathsAndContents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Object content = pathsAndContents[i + 1];
            entries.put((String) pathsAndContents[i], content instanceof byte[] bytes ? bytes
                    : content instanceof Path file ? read(file) : content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                header.setSize(entry.getValue().length);
                tar.putArchiveEntry(header);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    /** A 7z archive, written with Commons Compress's {@code SevenZOutputFile} (LZMA2, its default). */
    public static Path sevenZ(Path file, Map<String, byte[]> entries) throws IOException {
        try (SevenZOutputFile sevenZ = new SevenZOutputFile(file.toFile())) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                SevenZArchiveEntry header = new SevenZArchiveEntry();
                header.setName(entry.getKey());
                header.setSize(entry.getValue().length);
                sevenZ.putArchiveEntry(header);
                sevenZ.write(entry.getValue());
                sevenZ.closeArchiveEntry();
            }
        }
        return file;
    }

    /** {@code megabytes} of one repeated character: a bomb once compressed. */
    public static byte[] zeros(int megabytes) {
        byte[] zeros = new byte[megabytes << 20];
        Arrays.fill(zeros, (byte) '0');
        return zeros;
    }

    /** An e-mail with a short text body, as an mbox or a .eml holds it. */
    public static String message(int number, String subject, String body) {
        return "From: Forskare " + number + " <forskare" + number + "@example.org>\nTo: team@example.org\nSubject: " + subject
                + "\nDate: Mon, 4 Mar 2024 10:00:00 +0100\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
    }

    /** An mbox of {@code count} messages, each with its number in its subject and body. */
    public static Path mbox(Path file, int count) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                out.write("From forskare" + i + "@example.org Mon Mar  4 10:00:00 2024\n");
                out.write(message(i, "Uppföljning " + i, "Hembesök nummer " + i + " i Värmland gick bra.\n>From början var det svårt."));
                out.write("\n");
            }
        }
        return file;
    }

    /** An e-mail whose attachments are given by file name and bytes, each base64-encoded. */
    public static Path emailWithAttachments(Path file, String body, Map<String, byte[]> attachments) throws IOException {
        StringBuilder message = new StringBuilder("From: Anna Forskare <anna@example.org>\nTo: team@example.org\nSubject: Underlag från workshoppen\n"
                + "Date: Tue, 14 Mar 2023 10:00:00 +0100\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"GRANS\"\n\n"
                + "--GRANS\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n");
        for (Map.Entry<String, byte[]> attachment : attachments.entrySet()) {
            message.append("--GRANS\nContent-Type: application/octet-stream; name=\"").append(attachment.getKey())
                    .append("\"\nContent-Disposition: attachment; filename=\"").append(attachment.getKey())
                    .append("\"\nContent-Transfer-Encoding: base64\n\n")
                    .append(Base64.getMimeEncoder().encodeToString(attachment.getValue())).append('\n');
        }
        message.append("--GRANS--\n");
        return Files.writeString(file, message.toString().replace("\n", "\r\n"));
    }
}
