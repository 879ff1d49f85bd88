package org.lararena.ingest.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;

/**
 * The framed protocol between {@link DocumentExtractor} and an {@link ExtractionWorker}, over the worker's
 * stdin and stdout. A request is a path, a declared name and a declared type; a response starts with a
 * status byte and carries either the whole {@link ExtractedDocument} or the failure. Strings are an
 * {@code int} byte length ({@code -1} for null) and UTF-8 bytes, so the size of every read is checked before
 * anything is allocated.
 */
final class WorkerProtocol {

    private static final byte READY = 0;
    private static final byte SUCCESS = 1;
    private static final byte FAILURE = 2;
    /** Headroom over the text limit for page copies, metadata and cues. */
    private static final int FRAME_SLACK_BYTES = 16 * 1024 * 1024;

    private WorkerProtocol() {
    }

    /** @param unpackDirectory where the documents of an archive go (the worker creates it only for an archive) */
    record Request(String path, String declaredFilename, String declaredMediaType, String unpackDirectory) {
    }

    // ---- configuration, passed once as the worker's command-line arguments

    static List<String> arguments(LararenaConfig.Extraction config) {
        return List.of(String.valueOf(config.timePerFile().toMillis()), String.valueOf(config.workerHeapMegabytes()),
                String.valueOf(config.maxOutputCharacters()), String.valueOf(config.maxPackageDepth()),
                String.valueOf(config.maxCompressionRatio()), String.valueOf(config.zipBombThresholdCharacters()),
                String.valueOf(config.maxXmlDepth()), String.valueOf(config.workers()),
                String.valueOf(config.filesPerWorker()), String.valueOf(config.ocr()),
                String.valueOf(config.containers().maxArchiveFiles()), String.valueOf(config.containers().maxArchiveBytes()),
                String.valueOf(config.containers().maxArchiveDepth()), String.valueOf(config.containers().maxMailboxMessages()),
                String.valueOf(config.containers().maxSpreadsheetRows()));
    }

    static LararenaConfig.Extraction config(String[] arguments) {
        return new LararenaConfig.Extraction(Duration.ofMillis(Long.parseLong(arguments[0])), Integer.parseInt(arguments[1]),
                Integer.parseInt(arguments[2]), Integer.parseInt(arguments[3]), Long.parseLong(arguments[4]),
                Long.parseLong(arguments[5]), Integer.parseInt(arguments[6]), Integer.parseInt(arguments[7]),
                Integer.parseInt(arguments[8]), Boolean.parseBoolean(arguments[9]),
                new LararenaConfig.Extraction.ContainerLimits(Integer.parseInt(arguments[10]), Long.parseLong(arguments[11]),
                        Integer.parseInt(arguments[12]), Integer.parseInt(arguments[13]), Integer.parseInt(arguments[14])));
    }

    // ---- requests

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        writeString(out, request.path());
        writeString(out, request.declaredFilename());
        writeString(out, request.declaredMediaType());
        writeString(out, request.unpackDirectory());
        out.flush();
    }

    /** The next request, or {@code null} when the parent closed the stream (the worker should exit). */
    static Request readRequest(DataInputStream in) throws IOException {
        String path;
        try {
            path = readString(in, 64 * 1024);
        } catch (EOFException closed) {
            return null;
        }
        return new Request(path, readString(in, 64 * 1024), readString(in, 1024), readString(in, 64 * 1024));
    }

    // ---- start-up

    /** Sent once by the worker when its parsers are loaded, so that start-up never counts against a file's time. */
    static void writeReady(DataOutputStream out) throws IOException {
        out.writeByte(READY);
        out.flush();
    }

    static void readReady(DataInputStream in) throws IOException {
        byte status = in.readByte();
        if (status != READY) {
            throw new IOException("the extraction worker started with status byte " + status + " instead of ready");
        }
    }

    // ---- responses

    static void writeDocument(DataOutputStream out, ExtractedDocument document) throws IOException {
        out.writeByte(SUCCESS);
        writeString(out, document.mediaType());
        // The text of a paged document is its pages joined: sending both would double the largest frames.
        boolean textIsJoinedPages = document.hasPages() && document.text().equals(joined(document.pages()));
        out.writeBoolean(textIsJoinedPages);
        writeString(out, textIsJoinedPages ? null : document.text());
        out.writeInt(document.pages().size());
        for (String page : document.pages()) {
            writeString(out, page);
        }
        DocumentMetadata metadata = document.metadata();
        writeString(out, metadata.title());
        writeString(out, metadata.author());
        out.writeLong(metadata.created() == null ? Long.MIN_VALUE : metadata.created().toEpochMilli());
        writeString(out, metadata.language());
        out.writeInt(document.speakerCues().size());
        for (SpeakerCue cue : document.speakerCues()) {
            out.writeLong(cue.start().toMillis());
            out.writeLong(cue.end().toMillis());
            writeString(out, cue.speaker());
            writeString(out, cue.text());
        }
        out.writeInt(document.members().size());
        for (ArchiveMember member : document.members()) {
            writeString(out, member.path());
            writeString(out, member.file().toString());
        }
        out.flush();
    }

    static void writeFailure(DataOutputStream out, ExtractionException failure) throws IOException {
        out.writeByte(FAILURE);
        writeString(out, failure.kind().name());
        writeString(out, failure.reason());
        writeString(out, failure.detail());
        out.flush();
    }

    /** Reads one response: the document, or the worker's failure rethrown here. */
    static ExtractedDocument readResponse(DataInputStream in, int maxOutputCharacters) throws IOException, ExtractionException {
        int maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, 4L * maxOutputCharacters + FRAME_SLACK_BYTES);
        byte status = in.readByte();
        if (status == FAILURE) {
            Kind kind = Kind.valueOf(readString(in, 1024));
            throw new ExtractionException(kind, readString(in, 64 * 1024), readString(in, 1024 * 1024));
        }
        if (status != SUCCESS) {
            throw new IOException("unexpected status byte " + status + " from the extraction worker");
        }
        String mediaType = readString(in, 1024);
        boolean textIsJoinedPages = in.readBoolean();
        String text = readString(in, maxBytes);
        int pageCount = readCount(in);
        List<String> pages = new ArrayList<>(pageCount);
        for (int i = 0; i < pageCount; i++) {
            pages.add(readString(in, maxBytes));
        }
        if (textIsJoinedPages) {
            text = joined(pages);
        }
        String title = readString(in, 64 * 1024);
        String author = readString(in, 64 * 1024);
        long created = in.readLong();
        String language = readString(in, 1024);
        int cueCount = readCount(in);
        List<SpeakerCue> cues = new ArrayList<>(cueCount);
        for (int i = 0; i < cueCount; i++) {
            Duration start = Duration.ofMillis(in.readLong());
            Duration end = Duration.ofMillis(in.readLong());
            cues.add(new SpeakerCue(start, end, readString(in, 64 * 1024), readString(in, maxBytes)));
        }
        int memberCount = readCount(in);
        List<ArchiveMember> members = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            members.add(new ArchiveMember(readString(in, 64 * 1024), Path.of(readString(in, 64 * 1024))));
        }
        DocumentMetadata metadata = new DocumentMetadata(title, author,
                created == Long.MIN_VALUE ? null : Instant.ofEpochMilli(created), language);
        return new ExtractedDocument(mediaType, text, pages, metadata, cues, members);
    }

    private static String joined(List<String> pages) {
        return String.join(String.valueOf(ExtractedDocument.PAGE_BREAK), pages);
    }

    private static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1_000_000) {
            throw new IOException("implausible count " + count + " from the extraction worker");
        }
        return count;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, int maxBytes) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > maxBytes) {
            throw new IOException("frame of " + length + " bytes is outside 0.." + maxBytes);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
