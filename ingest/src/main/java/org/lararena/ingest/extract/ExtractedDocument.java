package org.lararena.ingest.extract;

import java.util.List;
import java.util.Objects;

/**
 * A file's content as extracted, before any repair.
 *
 * @param mediaType   the type found from the content (not the one the upload declared), such as
 *                    {@code application/pdf}
 * @param text        the text as the parser gave it; when the format has pages it is the pages joined by a
 *                    form feed ({@code \f}), so page boundaries survive in the text alone
 * @param pages       the text of each page or slide, in order; empty when the format has no pages
 * @param metadata    what the file says about itself
 * @param speakerCues the cues of a WebVTT or SRT file; empty for other formats
 * @param members     the documents of an archive or a mailbox, each to become a document of its own (the archive
 *                    itself then has no text); empty for other formats
 */
public record ExtractedDocument(String mediaType, String text, List<String> pages, DocumentMetadata metadata,
        List<SpeakerCue> speakerCues, List<ArchiveMember> members) {

    /** A document that is no archive. */
    public ExtractedDocument(String mediaType, String text, List<String> pages, DocumentMetadata metadata, List<SpeakerCue> speakerCues) {
        this(mediaType, text, pages, metadata, speakerCues, List.of());
    }

    /** An archive or mailbox: no text of its own, its documents unpacked. */
    static ExtractedDocument archive(String mediaType, List<ArchiveMember> members) {
        return new ExtractedDocument(mediaType, "", List.of(), DocumentMetadata.NONE, List.of(), members);
    }

    /** Separates pages in {@link #text()}. */
    public static final char PAGE_BREAK = '\f';

    public ExtractedDocument {
        Objects.requireNonNull(mediaType);
        Objects.requireNonNull(text);
        pages = List.copyOf(pages);
        metadata = metadata == null ? DocumentMetadata.NONE : metadata;
        speakerCues = List.copyOf(speakerCues);
        members = List.copyOf(members);
    }

    /** Whether the file was an archive or a mailbox, whose documents are {@link #members()}. */
    public boolean isArchive() {
        return !members.isEmpty();
    }

    /** Whether the format has pages or slides. */
    public boolean hasPages() {
        return !pages.isEmpty();
    }

    /**
     * Whether the file is a slide deck (PPTX, PPT, ODP, or Markdown in sections separated by thematic breaks):
     * its pages are slides.
     */
    public boolean isSlideDeck() {
        return DocumentFormat.of(mediaType)
                .filter(format -> format == DocumentFormat.SLIDES || format == DocumentFormat.MARKDOWN && hasPages())
                .isPresent();
    }

    /** Whether the file is a spreadsheet (Excel, OpenDocument, CSV, TSV): its pages are sheets, its blocks rows. */
    public boolean isSpreadsheet() {
        return DocumentFormat.of(mediaType).filter(format -> format == DocumentFormat.SPREADSHEET || format == DocumentFormat.DELIMITED_TABLE)
                .isPresent();
    }

    /** Whether the file is subtitles (WebVTT, SRT): its text is speaker turns rendered from cues. */
    public boolean isSubtitles() {
        return DocumentFormat.of(mediaType).filter(format -> format == DocumentFormat.WEB_VTT || format == DocumentFormat.SRT).isPresent();
    }
}
