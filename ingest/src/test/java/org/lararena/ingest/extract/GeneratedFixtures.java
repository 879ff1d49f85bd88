package org.lararena.ingest.extract;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Binary fixtures built at test time from Swedish sentences written for these tests (see the README in
 * {@code src/test/resources/org/lararena/ingest/extract}), with the POI and PDFBox that Tika brings along.
 */
public final class GeneratedFixtures {

    /** Written for these tests; not from any real document. */
    public static final List<String> PARAGRAPHS = List.of(
            "Arbetsgruppen i Kronoberg träffades i mars för att planera nästa steg i samverkan mellan kommun och region.",
            "Deltagarna beskrev hur hemsjukvården och vårdcentralen delar information om äldre patienter med många kontakter.",
            "Nästa möte handlar om hur invånarnas erfarenheter kan följas upp över tid.");

    private GeneratedFixtures() {
    }

    public static Path docx(Path dir, String name, String title, String author, List<String> paragraphs) throws IOException {
        Path file = dir.resolve(name);
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator(author);
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
        }
        return file;
    }

    public static Path pptx(Path dir, String name, List<List<String>> slides) throws IOException {
        Path file = dir.resolve(name);
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            for (List<String> lines : slides) {
                XSLFSlide slide = show.createSlide();
                XSLFTextBox box = slide.createTextBox();
                box.setAnchor(new Rectangle(40, 40, 600, 400));
                box.setText(String.join("\n", lines));
            }
            show.write(out);
        }
        return file;
    }

    /** A PDF with a text layer, one page per entry (Helvetica's WinAnsi encoding has å, ä and ö). */
    public static Path pdf(Path dir, String name, List<String> pages) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(50, 780);
                    for (String line : text.split("\n")) {
                        content.showText(line);
                        content.newLineAtOffset(0, -16);
                    }
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** A PDF whose only page is a picture of text, as a scanner makes it: no text layer at all. */
    public static Path scannedPdf(Path dir, String name, String line) throws IOException {
        Path file = dir.resolve(name);
        BufferedImage image = new BufferedImage(1700, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.SERIF, Font.PLAIN, 64));
        graphics.drawString(line, 60, 220);
        graphics.dispose();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(1700, 400));
            document.addPage(page);
            PDImageXObject picture = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(picture, 0, 0, 1700, 400);
            }
            document.save(file.toFile());
        }
        return file;
    }

    public static Path encryptedPdf(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Path plain = pdf(dir, "okrypterad-" + name, List.of(PARAGRAPHS.get(0)));
        try (PDDocument document = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("ägare-hemlig", "läsare-hemlig", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    /** A DOCX encrypted with a password the way Word does it (agile encryption in an OLE2 container). */
    public static Path encryptedDocx(Path dir, String name) throws Exception {
        Path plain = docx(dir, "okrypterad-" + name, "Hemligt", "Testförfattare", PARAGRAPHS);
        Path file = dir.resolve(name);
        try (POIFSFileSystem fileSystem = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("lösenord");
            try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream encrypted = encryptor.getDataStream(fileSystem)) {
                opc.save(encrypted);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fileSystem.writeFilesystem(out);
            }
        }
        return file;
    }

    /** The first half of a file, as an interrupted upload leaves it. */
    public static Path truncated(Path source, Path dir, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A DOCX whose document part inflates from a few kilobytes to hundreds of megabytes. */
    public static Path zipBombDocx(Path dir, String name) throws IOException {
        return docxWithDocumentPart(dir, name, GeneratedFixtures::writeHugeDocumentPart);
    }

    /** Writes the main XML part of a DOCX. */
    @FunctionalInterface
    public interface DocumentPartWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A valid DOCX whose main part ({@code word/document.xml}) is replaced by what {@code documentPart} writes. */
    public static Path docxWithDocumentPart(Path dir, String name, DocumentPartWriter documentPart) throws IOException {
        Path template = docx(dir, "mall-" + name, "Mall", "Test", List.of("Kort text."));
        Path file = dir.resolve(name);
        try (ZipFile zip = new ZipFile(template.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    documentPart.write(out);
                } else {
                    zip.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private static void writeHugeDocumentPart(OutputStream out) throws IOException {
        out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                .getBytes(StandardCharsets.UTF_8));
        byte[] block = "vård ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2_000; i++) {
            out.write(block);
        }
        out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
    }

    /** An e-mail whose attachment is a zip inside a zip inside a zip ... {@code depth} levels deep. */
    public static Path emailWithNestedArchives(Path dir, String name, int depth) throws IOException {
        byte[] content = "Innersta anteckningen om samverkan.".getBytes(StandardCharsets.UTF_8);
        String innerName = "anteckning.txt";
        for (int level = 0; level < depth; level++) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                zip.putNextEntry(new ZipEntry(innerName));
                zip.write(content);
                zip.closeEntry();
            }
            content = zipped.toByteArray();
            innerName = "niva-" + level + ".zip";
        }
        String attachment = Base64.getMimeEncoder().encodeToString(content);
        String message = """
                From: Forskare <forskare@example.org>
                To: Arbetsgrupp <grupp@example.org>
                Subject: Arkiv i arkiv
                Date: Tue, 14 Mar 2023 10:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="GRANS"

                --GRANS
                Content-Type: text/plain; charset=UTF-8

                Här kommer materialet från workshoppen.
                --GRANS
                Content-Type: application/zip; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                --GRANS--
                """.formatted(innerName, innerName, attachment).replace("\n", "\r\n");
        return Files.writeString(dir.resolve(name), message);
    }

    /** An OpenDocument file (ODT or ODP) written by hand: the mimetype entry first and stored, then content.xml. */
    public static Path openDocument(Path dir, String name, String mimeType, String officeBody) throws IOException {
        return WarmUpSamples.openDocument(dir.resolve(name), mimeType, officeBody);
    }

    /** The first bytes of a Linux program: what an executable renamed to .pdf looks like. */
    public static Path executable(Path dir, String name) throws IOException {
        byte[] elf = new byte[512];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        return Files.write(dir.resolve(name), elf);
    }

    public static Path png(Path dir, String name) throws IOException {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
