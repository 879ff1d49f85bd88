package org.lararena.ingest.extract;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Tiny documents of every commonly uploaded format, written when a worker starts (into the worker's own
 * temporary directory, inside the extractor's work directory) for it to warm up on: each format's parser
 * classes are loaded and its hot paths compiled before the first real file arrives.
 */
final class WarmUpSamples {

    private static final String SENTENCE = "Uppvärmning av arbetaren inför de första filerna.";
    private static final String ODT_MIME = "application/vnd.oasis.opendocument.text";

    private WarmUpSamples() {
    }

    static List<Path> write(Path dir) throws IOException {
        return List.of(
                Files.writeString(dir.resolve("uppvarmning.html"), "<html><body><p>" + SENTENCE + "</p></body></html>"),
                pdf(dir.resolve("uppvarmning.pdf")),
                docx(dir.resolve("uppvarmning.docx")),
                pptx(dir.resolve("uppvarmning.pptx")),
                odt(dir.resolve("uppvarmning.odt")),
                Files.writeString(dir.resolve("uppvarmning.rtf"), "{\\rtf1\\ansi\\ansicpg1252 Uppv\\'e4rmning av arbetaren.\\par}",
                        StandardCharsets.US_ASCII),
                Files.writeString(dir.resolve("uppvarmning.eml"), ("From: Lärarena <uppvarmning@example.org>\nSubject: Uppvärmning\n"
                        + "Date: Tue, 14 May 2024 10:00:00 +0200\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
                        + SENTENCE + "\n").replace("\n", "\r\n")),
                Files.writeString(dir.resolve("uppvarmning.txt"), SENTENCE + "\n"),
                Files.writeString(dir.resolve("uppvarmning.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Arbetaren>" + SENTENCE + "\n"));
    }

    private static Path pdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(SENTENCE);
                content.endText();
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static Path docx(Path file) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText(SENTENCE);
            document.write(out);
        }
        return file;
    }

    private static Path pptx(Path file) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setAnchor(new Rectangle(40, 40, 600, 400));
            box.setText(SENTENCE);
            show.write(out);
        }
        return file;
    }

    private static Path odt(Path file) throws IOException {
        return openDocument(file, ODT_MIME, "<office:text><text:p>" + SENTENCE + "</text:p></office:text>");
    }

    /**
     * An OpenDocument file written by hand: the stored {@code mimetype} entry first, then {@code content.xml} with
     * the given body inside {@code <office:body>}, and the manifest.
     */
    static Path openDocument(Path file, String mimeType, String officeBody) throws IOException {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
                    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
                    xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.2">
                <office:body>%s</office:body></office:document-content>""".formatted(officeBody);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>""".formatted(mimeType);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mime = mimeType.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimeEntry = new ZipEntry("mimetype");
            mimeEntry.setMethod(ZipEntry.STORED);
            mimeEntry.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            mimeEntry.setCrc(crc.getValue());
            zip.putNextEntry(mimeEntry);
            zip.write(mime);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
