package org.lararena.ingest.extract;

import java.util.Map;
import java.util.Optional;

/**
 * The formats Lärarena reads, keyed by the media types Tika detects for them. Anything not listed is refused
 * with a reason, so that an executable or an unknown archive never reaches a parser by accident.
 */
enum DocumentFormat {
    PDF(Reader.TIKA, true),
    WORD(Reader.TIKA, false),
    OPEN_DOCUMENT_TEXT(Reader.TIKA, false),
    RICH_TEXT(Reader.TIKA, false),
    SLIDES(Reader.TIKA, true),
    HTML(Reader.TIKA, false),
    XML(Reader.TIKA, false),
    EMAIL(Reader.TIKA, false),
    /** Excel and OpenDocument workbooks: one page per sheet, one passage per row. */
    SPREADSHEET(Reader.TIKA, true),
    /** CSV and TSV: a sheet of rows. */
    DELIMITED_TABLE(Reader.TABLE, true),
    PLAIN_TEXT(Reader.TEXT, false),
    MARKDOWN(Reader.TEXT, false),
    WEB_VTT(Reader.SUBTITLES, false),
    SRT(Reader.SUBTITLES, false),
    /** Read only when OCR is available. */
    IMAGE(Reader.TIKA, false),
    /** Zip, tar, tar.gz, 7z and mbox: each document or message inside becomes a document of its own. */
    ARCHIVE(Reader.UNPACKER, false);

    /**
     * Who reads the format: Tika's parsers, our own text decoder, our own subtitle parser, the CSV reader, or the
     * unpacker of archives and mailboxes.
     */
    enum Reader { TIKA, TEXT, SUBTITLES, TABLE, UNPACKER }

    private static final Map<String, DocumentFormat> BY_MEDIA_TYPE = Map.ofEntries(
            Map.entry("application/pdf", PDF),
            Map.entry("application/msword", WORD),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", WORD),
            Map.entry("application/vnd.ms-word.document.macroenabled.12", WORD),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template", WORD),
            Map.entry("application/vnd.oasis.opendocument.text", OPEN_DOCUMENT_TEXT),
            Map.entry("application/vnd.oasis.opendocument.text-template", OPEN_DOCUMENT_TEXT),
            Map.entry("application/rtf", RICH_TEXT),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", SLIDES),
            Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.12", SLIDES),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.slideshow", SLIDES),
            Map.entry("application/vnd.ms-powerpoint", SLIDES),
            Map.entry("application/vnd.oasis.opendocument.presentation", SLIDES),
            Map.entry("application/vnd.ms-excel", SPREADSHEET),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SPREADSHEET),
            Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", SPREADSHEET),
            Map.entry("application/vnd.ms-excel.sheet.binary.macroenabled.12", SPREADSHEET),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", SPREADSHEET),
            Map.entry("text/csv", DELIMITED_TABLE),
            Map.entry("text/tab-separated-values", DELIMITED_TABLE),
            Map.entry("text/html", HTML),
            Map.entry("application/xhtml+xml", HTML),
            Map.entry("application/xml", XML),
            Map.entry("text/xml", XML),
            Map.entry("message/rfc822", EMAIL),
            Map.entry("application/vnd.ms-outlook", EMAIL),
            Map.entry("text/plain", PLAIN_TEXT),
            Map.entry("text/x-web-markdown", MARKDOWN),
            Map.entry("text/markdown", MARKDOWN),
            Map.entry("text/vtt", WEB_VTT),
            Map.entry("application/x-subrip", SRT),
            Map.entry("image/png", IMAGE),
            Map.entry("image/jpeg", IMAGE),
            Map.entry("image/tiff", IMAGE),
            Map.entry("application/zip", ARCHIVE),
            Map.entry("application/x-tar", ARCHIVE),
            Map.entry("application/x-gtar", ARCHIVE),
            Map.entry("application/gzip", ARCHIVE),
            Map.entry("application/x-gzip", ARCHIVE),
            Map.entry("application/x-7z-compressed", ARCHIVE),
            Map.entry(ArchiveUnpacker.MBOX, ARCHIVE));

    private final Reader reader;
    private final boolean paged;

    DocumentFormat(Reader reader, boolean paged) {
        this.reader = reader;
        this.paged = paged;
    }

    Reader reader() {
        return reader;
    }

    /** Whether the format has pages or slides that the extracted text keeps apart. */
    boolean paged() {
        return paged;
    }

    /**
     * The format of a media type without parameters, such as {@code text/plain}. Every other {@code text/*} type
     * ({@code text/x-robots}, {@code text/tab-separated-values}, {@code text/x-java-source}), and Usenet articles
     * ({@code message/news}, headers and text), is read as plain text.
     */
    static Optional<DocumentFormat> of(String baseMediaType) {
        DocumentFormat listed = BY_MEDIA_TYPE.get(baseMediaType);
        if (listed == null && (baseMediaType.startsWith("text/") || baseMediaType.equals("message/news"))) {
            return Optional.of(PLAIN_TEXT);
        }
        return Optional.ofNullable(listed);
    }
}
