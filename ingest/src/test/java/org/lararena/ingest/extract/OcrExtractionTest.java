package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaConfig;

/** With Tesseract and its Swedish model installed, a scanned PDF is read by OCR instead of refused. */
class OcrExtractionTest {

    @TempDir
    Path dir;

    @Test
    void aScannedPdfIsReadWithSwedishOcrWhenTesseractIsInstalled() throws Exception {
        assumeTrue(InProcessExtraction.tesseractHasSwedish(), "Skipped: tesseract with the Swedish model (tesseract-ocr-swe) is not installed");
        Path file = GeneratedFixtures.scannedPdf(dir, "skannad.pdf", "Samverkan mellan kommun och region");

        try (DocumentExtractor extractor = new DocumentExtractor(LararenaConfig.Extraction.defaults())) {
            ExtractedDocument document = extractor.extract(file, "skannad.pdf", null);

            assertThat(document.text()).contains("Samverkan", "kommun", "region");
        }
    }

    @Test
    void anImageOfTextIsReadWithOcrWhenTesseractIsInstalled() throws Exception {
        assumeTrue(InProcessExtraction.tesseractHasSwedish(), "Skipped: tesseract with the Swedish model (tesseract-ocr-swe) is not installed");
        Path scan = GeneratedFixtures.scannedPdf(dir, "bild.pdf", "Hemsjukvården i Värmland");
        Path image = dir.resolve("bild.png");
        try (PDDocument document = Loader.loadPDF(scan.toFile())) {
            ImageIO.write(new PDFRenderer(document).renderImage(0), "png", image.toFile());
        }

        try (DocumentExtractor extractor = new DocumentExtractor(LararenaConfig.Extraction.defaults())) {
            assertThat(extractor.extract(image, "bild.png", null).text()).contains("Hemsjukvården", "Värmland");
        }
    }
}
