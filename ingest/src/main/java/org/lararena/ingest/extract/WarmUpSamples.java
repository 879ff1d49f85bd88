package org.lararena.ingest.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Tiny documents of the commonest formats, written when a worker starts, for it to warm up on. */
final class WarmUpSamples {

    private static final String SENTENCE = "Uppvärmning av arbetaren.";

    private WarmUpSamples() {
    }

    static List<Path> write(Path dir) throws IOException {
        Path html = Files.writeString(dir.resolve("uppvarmning.html"), "<html><body><p>" + SENTENCE + "</p></body></html>");
        Path pdf = dir.resolve("uppvarmning.pdf");
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
            document.save(pdf.toFile());
        }
        Path docx = dir.resolve("uppvarmning.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            document.createParagraph().createRun().setText(SENTENCE);
            document.write(out);
        }
        return List.of(html, pdf, docx);
    }
}
