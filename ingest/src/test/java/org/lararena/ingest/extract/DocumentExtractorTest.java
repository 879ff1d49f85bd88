package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.ExtractionException.Kind;

/** Extraction of each supported format, and a clear reason for each kind of file that cannot be read. */
class DocumentExtractorTest {

    private static DocumentExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void startExtractor() throws ExtractionException {
        extractor = new DocumentExtractor(ExtractionSettings.withoutOcr().build());
        extractor.warmUp();
    }

    @AfterAll
    static void stopExtractor() {
        extractor.close();
    }

    // ---- formats

    @Test
    void docxGivesItsParagraphsTitleAndAuthor() throws Exception {
        Path file = GeneratedFixtures.docx(dir, "anteckningar.docx", "Möte i Kronoberg", "Anna Berg", GeneratedFixtures.PARAGRAPHS);

        ExtractedDocument document = extractor.extract(file, "anteckningar.docx", null);

        assertThat(document.text()).contains(GeneratedFixtures.PARAGRAPHS);
        assertThat(document.metadata().title()).isEqualTo("Möte i Kronoberg");
        assertThat(document.metadata().author()).isEqualTo("Anna Berg");
        assertThat(document.pages()).isEmpty();
    }

    @Test
    void pptxGivesOnePagePerSlide() throws Exception {
        Path file = GeneratedFixtures.pptx(dir, "bildspel.pptx", List.of(
                List.of("Hälsolabb i Kronoberg", "Lägesbild hösten 2023"),
                List.of("Vad har vi lärt oss?", "Samverkan tar tid", "Invånarna vill ha en fast kontakt")));

        ExtractedDocument document = extractor.extract(file, "bildspel.pptx", null);

        assertThat(document.pages()).hasSize(2);
        assertThat(document.pages().get(0)).contains("Lägesbild hösten 2023").doesNotContain("Samverkan tar tid");
        assertThat(document.pages().get(1)).contains("Samverkan tar tid", "Invånarna vill ha en fast kontakt");
    }

    @Test
    void pdfGivesOnePagePerPageJoinedByFormFeeds() throws Exception {
        Path file = GeneratedFixtures.pdf(dir, "rapport.pdf", List.of("Första sidan om vårdcentralen.", "Andra sidan om hemsjukvården."));

        ExtractedDocument document = extractor.extract(file, "rapport.pdf", null);

        assertThat(document.mediaType()).isEqualTo("application/pdf");
        assertThat(document.pages()).hasSize(2);
        assertThat(document.pages().get(1)).contains("Andra sidan om hemsjukvården.");
        assertThat(document.text().split("\f")).hasSize(2);
    }

    @Test
    void odtGivesItsText() throws Exception {
        Path file = GeneratedFixtures.openDocument(dir, "plan.odt", "application/vnd.oasis.opendocument.text",
                "<office:text><text:h text:outline-level=\"1\">Plan för våren</text:h><text:p>"
                        + GeneratedFixtures.PARAGRAPHS.get(1) + "</text:p></office:text>");

        ExtractedDocument document = extractor.extract(file, "plan.odt", null);

        assertThat(document.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(document.text()).contains("Plan för våren", GeneratedFixtures.PARAGRAPHS.get(1));
    }

    @Test
    void odpGivesTheTextOfItsSlides() throws Exception {
        Path file = GeneratedFixtures.openDocument(dir, "bilder.odp", "application/vnd.oasis.opendocument.presentation",
                "<office:presentation>"
                        + "<draw:page draw:name=\"sida1\"><draw:frame><draw:text-box><text:p>Första bilden om samverkan</text:p></draw:text-box></draw:frame></draw:page>"
                        + "<draw:page draw:name=\"sida2\"><draw:frame><draw:text-box><text:p>Andra bilden om uppföljning</text:p></draw:text-box></draw:frame></draw:page>"
                        + "</office:presentation>");

        ExtractedDocument document = extractor.extract(file, "bilder.odp", null);

        assertThat(document.mediaType()).isEqualTo("application/vnd.oasis.opendocument.presentation");
        assertThat(document.text()).contains("Första bilden om samverkan", "Andra bilden om uppföljning");
    }

    @Test
    void legacyWordDocGivesItsParagraphsSwedishLettersTitleAndAuthor() throws Exception {
        ExtractedDocument document = extractor.extract(resource("arbetsmote-hembesok.doc"), "arbetsmote-hembesok.doc", null);

        assertThat(document.mediaType()).isEqualTo("application/msword");
        assertThat(DocumentFormat.of(document.mediaType())).contains(DocumentFormat.WORD);
        assertThat(document.text()).contains(
                "Minnesanteckningar från arbetsmöte om mobila hembesök\n",
                "ÖRJAN: Bättre än jag väntade mig. Vi har hunnit träffa fjorton patienter, och nästan alla säger att de slipper en jobbig resa till mottagningen.\n",
                "MÄRTA: Det svåra är körtiderna.",
                "Beslut: Hembesöken samlas geografiskt från och med april.");
        // One line per paragraph of the document, in order: no paragraph is run into the next.
        assertThat(document.text().lines().filter(line -> !line.isBlank()).toList()).hasSize(8)
                .element(2).asString().startsWith("ÅSA: Vi börjar med uppföljningen av hembesöken.");
        assertThat(document.metadata().title()).isEqualTo("Arbetsmöte om mobila hembesök");
        assertThat(document.metadata().author()).isEqualTo("Åsa Lindqvist");
        assertThat(document.pages()).isEmpty();
    }

    @Test
    void aTruncatedLegacyWordDocIsRefusedAsCorrupt() throws Exception {
        Path file = GeneratedFixtures.truncated(resource("arbetsmote-hembesok.doc"), dir, "avkortad.doc");

        ExtractionException failure = failureOf(file, "avkortad.doc");

        assertThat(failure.kind()).isEqualTo(Kind.CORRUPT);
        assertThat(failure.reason()).isEqualTo("Filen är trasig eller avkortad och kunde inte läsas.");
    }

    @Test
    void rtfDecodesItsSwedishLetters() throws Exception {
        ExtractedDocument document = extractor.extract(resource("utdrag.rtf"), "utdrag.rtf", null);

        assertThat(document.mediaType()).isEqualTo("application/rtf");
        assertThat(document.text()).contains("Arbetet med nära vård fortsätter i höst.");
    }

    @Test
    void htmlGivesItsBodyTextAndTitleButNotItsScripts() throws Exception {
        ExtractedDocument document = extractor.extract(resource("lagesbild.html"), "lagesbild.html", null);

        assertThat(document.text()).contains("Invånarna efterfrågar en fast kontakt i vården.").doesNotContain("document.write");
        assertThat(document.metadata().title()).isEqualTo("Lägesbild för piloten");
    }

    @Test
    void markdownIsReadAsText() throws Exception {
        ExtractedDocument document = extractor.extract(resource("motesanteckningar.md"), "motesanteckningar.md", null);

        assertThat(document.mediaType()).isEqualTo("text/markdown");
        assertThat(document.text()).contains("Nästa workshop hålls i april.");
    }

    @Test
    void emailGivesSubjectSenderDateAndBody() throws Exception {
        ExtractedDocument document = extractor.extract(resource("inbjudan.eml"), "inbjudan.eml", null);

        assertThat(document.mediaType()).isEqualTo("message/rfc822");
        assertThat(document.text()).contains("Välkomna till lärseminariet om personcentrerad vård den 20 april.");
        assertThat(document.metadata().title()).isEqualTo("Inbjudan till lärseminarium");
        assertThat(document.metadata().author()).contains("Anna Berg");
        assertThat(document.metadata().created()).isEqualTo(Instant.parse("2023-03-14T09:00:00Z"));
    }

    @Test
    void webVttVoicesBecomeSpeakerCuesAndTurns() throws Exception {
        ExtractedDocument document = extractor.extract(resource("workshop-intervju.vtt"), "workshop-intervju.vtt", null);

        assertThat(document.mediaType()).isEqualTo("text/vtt");
        assertThat(document.speakerCues()).hasSize(4);
        SpeakerCue second = document.speakerCues().get(1);
        assertThat(second.speaker()).isEqualTo("Sara Lind");
        assertThat(second.start()).isEqualTo(Duration.ofSeconds(5));
        assertThat(document.speakerCues().get(2).text()).isEqualTo("Sedan bjöd vi in kommunens sjuksköterskor till vårdcentralen.");
        assertThat(document.text()).isEqualTo("""
                Intervjuare: Hur började arbetet med hemsjukvården hos er?

                Sara Lind: Vi startade med en gemensam kartläggning av patienternas kontakter. \
                Sedan bjöd vi in kommunens sjuksköterskor till vårdcentralen.

                Intervjuare: Vad var svårast?""");
    }

    @Test
    void srtSpeakerLabelsBecomeSpeakerCues() throws Exception {
        ExtractedDocument document = extractor.extract(resource("fokusgrupp.srt"), "fokusgrupp.srt", null);

        assertThat(document.mediaType()).isEqualTo("application/x-subrip");
        assertThat(document.speakerCues()).extracting(SpeakerCue::speaker).containsExactly("MODERATOR", "DELTAGARE 2", "MODERATOR");
        assertThat(document.speakerCues().get(1).end()).isEqualTo(Duration.ofMillis(7250));
    }

    @Test
    void srtContentUploadedAsTxtIsStillReadAsSubtitles() throws Exception {
        Path renamed = Files.copy(resource("fokusgrupp.srt"), dir.resolve("fokusgrupp.txt"));

        ExtractedDocument document = extractor.extract(renamed, "fokusgrupp.txt", null);

        assertThat(document.speakerCues()).hasSize(3);
    }

    // ---- encodings of plain text

    @Test
    void windows1252TextComesOutWithItsSwedishLettersAndQuotes() throws Exception {
        String text = "Målbilden för vården i Västernorrland: ”Hälsa för alla” – även för äldre.\n";
        Path file = Files.write(dir.resolve("ansi.txt"), text.getBytes(Charset.forName("windows-1252")));

        assertThat(extractor.extract(file, "ansi.txt", null).text()).isEqualTo(text);
    }

    @Test
    void iso88591TextComesOutWithItsSwedishLetters() throws Exception {
        String text = "Återkoppling från Örebro län om äldres hälsa.\n";
        Path file = Files.write(dir.resolve("latin1.txt"), text.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(extractor.extract(file, "latin1.txt", null).text()).isEqualTo(text);
    }

    @Test
    void utf16WithByteOrderMarkAndUtf8WithAndWithoutMarkAreDecoded() throws Exception {
        String text = "Samverkan mellan kommun och region – på riktigt.\n";
        Path utf16 = Files.write(dir.resolve("utf16.txt"), text.getBytes(StandardCharsets.UTF_16));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[utf8.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withMark, 3, utf8.length);
        Path utf8WithMark = Files.write(dir.resolve("utf8bom.txt"), withMark);
        Path utf8Plain = Files.write(dir.resolve("utf8.txt"), utf8);

        assertThat(extractor.extract(utf16, "utf16.txt", null).text()).isEqualTo(text);
        assertThat(extractor.extract(utf8WithMark, "utf8bom.txt", null).text()).isEqualTo(text);
        assertThat(extractor.extract(utf8Plain, "utf8.txt", null).text()).isEqualTo(text);
    }

    // ---- files that cannot be read, each with its reason

    @Test
    void anEmptyFileIsRefusedAsEmpty() throws Exception {
        Path file = Files.write(dir.resolve("tom.docx"), new byte[0]);

        ExtractionException failure = failureOf(file, "tom.docx");

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY);
        assertThat(failure.reason()).isEqualTo("Filen är tom.");
    }

    @Test
    void aFileOfOnlyWhitespaceIsRefusedAsHavingNoText() throws Exception {
        Path file = Files.writeString(dir.resolve("blank.txt"), "  \n\n\t \n");

        assertThat(failureOf(file, "blank.txt").kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedAsUnsupported() throws Exception {
        Path file = GeneratedFixtures.executable(dir, "rapport.pdf");

        ExtractionException failure = failureOf(file, "rapport.pdf");

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_TYPE);
        assertThat(failure.reason()).startsWith("Filtypen stöds inte: ").contains("program").doesNotContain("application/");
        assertThat(failure.statusCode()).isEqualTo(415);
    }

    @Test
    void anImageIsRefusedWhenOcrIsOff() throws Exception {
        Path file = GeneratedFixtures.png(dir, "foto.png");

        ExtractionException failure = failureOf(file, "foto.png");

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_TYPE);
        assertThat(failure.reason()).contains("bild", "OCR");
    }

    @Test
    void aRarArchiveIsRefusedWithAdviceToUploadTheDocumentsOneByOne() throws Exception {
        // RAR is not unpacked (zip, tar, tar.gz and 7z are: ArchiveExtractionTest); its signature alone names it.
        byte[] rar = new byte[64];
        System.arraycopy(new byte[] {'R', 'a', 'r', '!', 0x1a, 0x07, 0x01, 0x00}, 0, rar, 0, 8);
        Path file = Files.write(dir.resolve("paket.rar"), rar);

        ExtractionException failure = failureOf(file, "paket.rar");

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_TYPE);
        assertThat(failure.reason()).contains("RAR-arkiv", "ett och ett").doesNotContain("application/");
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAsEncrypted() throws Exception {
        Path file = GeneratedFixtures.encryptedPdf(dir, "skyddad.pdf");

        ExtractionException failure = failureOf(file, "skyddad.pdf");

        assertThat(failure.kind()).isEqualTo(Kind.ENCRYPTED);
        assertThat(failure.reason()).startsWith("Filen är krypterad eller lösenordsskyddad.");
    }

    @Test
    void aPasswordProtectedDocxIsRefusedAsEncrypted() throws Exception {
        Path file = GeneratedFixtures.encryptedDocx(dir, "skyddad.docx");

        assertThat(failureOf(file, "skyddad.docx").kind()).isEqualTo(Kind.ENCRYPTED);
    }

    @Test
    void aTruncatedDocxIsRefusedAsCorrupt() throws Exception {
        Path whole = GeneratedFixtures.docx(dir, "hel.docx", "Hel", "Test", GeneratedFixtures.PARAGRAPHS);
        Path file = GeneratedFixtures.truncated(whole, dir, "avkortad.docx");

        ExtractionException failure = failureOf(file, "avkortad.docx");

        assertThat(failure.kind()).isEqualTo(Kind.CORRUPT);
        assertThat(failure.reason()).isEqualTo("Filen är trasig eller avkortad och kunde inte läsas.");
    }

    @Test
    void aTruncatedPdfIsRefusedAsCorrupt() throws Exception {
        Path whole = GeneratedFixtures.pdf(dir, "hel.pdf", List.of("Första sidan.", "Andra sidan.", "Tredje sidan."));
        Path file = GeneratedFixtures.truncated(whole, dir, "avkortad.pdf");

        ExtractionException failure = failureOf(file, "avkortad.pdf");

        assertThat(failure.kind()).isEqualTo(Kind.CORRUPT);
        assertThat(failure.reason()).isEqualTo("Filen är trasig eller avkortad och kunde inte läsas.");
    }

    @Test
    void anExcelWorkbookBecomesASheetPerPageAndARowPerBlockWithItsColumnHeaders() throws Exception {
        Path file = dir.resolve("enkät.xlsx");
        try (var workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            var answers = workbook.createSheet("Svar");
            String[][] rows = {{"Nr", "Vad fungerade bäst?", "Vad kan bli bättre?"}, {"1", "Samverkan med kommunen", "Uppföljningen"},
                {"2", "Fast vårdkontakt", ""}, {"3", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = answers.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            var figures = workbook.createSheet("Siffror");
            figures.createRow(0).createCell(0).setCellValue(42);
            workbook.createSheet("Workshop").createRow(0).createCell(0).setCellValue("Idéer från workshopen om hembesök");
            workbook.write(out);
        }

        ExtractedDocument document = extractor.extract(file, "enkät.xlsx", null);

        assertThat(document.isSpreadsheet()).isTrue();
        assertThat(document.pages()).containsExactly(
                "Svar\n\nNr: 1\nVad fungerade bäst?: Samverkan med kommunen\nVad kan bli bättre?: Uppföljningen"
                        + "\n\nNr: 2\nVad fungerade bäst?: Fast vårdkontakt",
                "Workshop\n\nIdéer från workshopen om hembesök");
    }

    @Test
    void aWorkbookOfNumbersOnlyIsRefusedAsHavingNoText() throws Exception {
        Path file = dir.resolve("budget.xls");
        try (var workbook = new HSSFWorkbook(); var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Budget");
            for (int r = 0; r < 3; r++) {
                sheet.createRow(r).createCell(0).setCellValue(1000.0 * r);
            }
            workbook.write(out);
        }

        ExtractionException failure = failureOf(file, "budget.xls");

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY);
        assertThat(failure.reason()).startsWith("Kalkylbladet innehåller bara siffror");
    }

    @Test
    void aSemicolonSeparatedCsvIsReadAsRowsWithTheirHeaders() throws Exception {
        Path file = Files.writeString(dir.resolve("svar.csv"), "Fråga;Svar\n\"Vad fungerade?\";\"Samverkan; och tid\"\nHur ofta?;12\n");

        ExtractedDocument document = extractor.extract(file, "svar.csv", null);

        assertThat(document.pages()).containsExactly("svar\n\nFråga: Vad fungerade?\nSvar: Samverkan; och tid\n\nFråga: Hur ofta?\nSvar: 12");
    }

    @Test
    void anEmailSavedWithALeadingMboxFromLineIsReadAsThatEmail() throws Exception {
        String message = "From: Anna Forskare <anna@example.org>\nTo: team@example.org\nSubject: Uppföljning av hembesöken\n"
                + "Date: Mon, 4 Mar 2024 10:00:00 +0100\nContent-Type: text/plain; charset=UTF-8\n\n"
                + "Hembesöken i Värmland fortsätter under våren.\n";
        Path single = Files.writeString(dir.resolve("uppfoljning.eml"), "From anna@example.org Mon Mar  4 10:00:00 2024\n" + message);
        Path two = Files.writeString(dir.resolve("inkorg.mbox"), "From anna@example.org Mon Mar  4 10:00:00 2024\n" + message
                + "\nFrom erik@example.org Tue Mar  5 10:00:00 2024\n" + message);

        ExtractedDocument document = extractor.extract(single, "uppfoljning.eml", null);

        assertThat(document.mediaType()).isEqualTo("message/rfc822");
        assertThat(document.text()).contains("Hembesöken i Värmland fortsätter").doesNotContain("From anna@example.org Mon");
        ExtractedDocument mailbox = extractor.extract(two, "inkorg.mbox", null);
        extractor.release(mailbox);
        assertThat(mailbox.members()).as("an mbox of two messages is two e-mails").hasSize(2);
    }

    @Test
    void aZipBombAttachedToAnEmailIsRefusedWithTheZipBombReason() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("nollor.txt"));
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        String message = "From: Anna Forskare <anna@example.org>\nTo: team@example.org\nSubject: Underlag\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"grans\"\n\n--grans\nContent-Type: text/plain; charset=UTF-8\n\n"
                + "Här kommer underlaget från workshopen.\n--grans\nContent-Type: application/zip; name=\"underlag.zip\"\n"
                + "Content-Disposition: attachment; filename=\"underlag.zip\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(bomb.toByteArray()) + "\n--grans--\n";
        Path file = Files.writeString(dir.resolve("underlag.eml"), message);

        ExtractionException failure = failureOf(file, "underlag.eml");

        assertThat(failure.kind()).isEqualTo(Kind.ZIP_BOMB);
        assertThat(failure.reason()).contains("zip-bomb");
    }

    @Test
    void anEmailWithAnOrdinaryZipAttachmentIsReadWithIt() throws Exception {
        ByteArrayOutputStream attachment = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(attachment)) {
            zip.putNextEntry(new ZipEntry("anteckning.txt"));
            zip.write("Anteckning om fasta vårdkontakter i Örebro.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String message = "From: Anna Forskare <anna@example.org>\nTo: team@example.org\nSubject: Underlag\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"grans\"\n\n--grans\nContent-Type: text/plain; charset=UTF-8\n\n"
                + "Här kommer underlaget.\n--grans\nContent-Type: application/zip; name=\"underlag.zip\"\n"
                + "Content-Disposition: attachment; filename=\"underlag.zip\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(attachment.toByteArray()) + "\n--grans--\n";
        Path file = Files.writeString(dir.resolve("underlag.eml"), message);

        assertThat(extractor.extract(file, "underlag.eml", null).text()).contains("Här kommer underlaget", "fasta vårdkontakter i Örebro");
    }

    @Test
    void aRecordingIsRefusedWithAdviceToUploadATranscript() throws Exception {
        Path file = dir.resolve("intervju.wav");
        ByteBuffer wav = ByteBuffer.allocate(44 + 800).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 800).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(800);
        Files.write(file, wav.array());

        ExtractionException failure = failureOf(file, "intervju.wav");

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED_TYPE);
        assertThat(failure.reason()).contains("ljud", "utskrift", "VTT, SRT eller DOCX").doesNotContain("audio/");
    }

    @Test
    void everyTextTypeIsReadAsText() throws Exception {
        Path robots = Files.writeString(dir.resolve("robots.txt"), "User-agent: *\nDisallow: /intervjuer/\n");
        Path table = Files.writeString(dir.resolve("svar.tsv"), "Fråga\tSvar\nVad fungerade?\tSamverkan med kommunen\n");
        Path news = Files.writeString(dir.resolve("inlagg.nws"), "Path: news.example!not-for-mail\nFrom: forskare@example.org\n"
                + "Newsgroups: se.halsa.vard\nSubject: Samverkan\nMessage-ID: <1@example.org>\n\nSamverkan mellan kommun och region.\n");

        assertThat(extractor.extract(robots, "robots.txt", null)).extracting(ExtractedDocument::mediaType, d -> d.text().contains("Disallow"))
                .containsExactly("text/x-robots", true);
        assertThat(extractor.extract(table, "svar.tsv", null)).extracting(ExtractedDocument::mediaType, d -> d.text().contains("Svar: Samverkan med kommunen"))
                .containsExactly("text/tab-separated-values", true);
        assertThat(extractor.extract(news, "inlagg.nws", null)).extracting(ExtractedDocument::mediaType, d -> d.text().contains("kommun och region"))
                .containsExactly("message/news", true);
    }

    @Test
    void plainTextUploadedUnderADocxNameIsReadAsText() throws Exception {
        Path file = Files.writeString(dir.resolve("anteckning.docx"), "Anteckning om samverkan mellan kommun och region.");

        ExtractedDocument document = extractor.extract(file, "anteckning.docx", null);

        assertThat(document.mediaType()).isEqualTo("text/plain");
        assertThat(document.text()).isEqualTo("Anteckning om samverkan mellan kommun och region.");
    }

    @Test
    void garbageUnderADocxNameIsRefusedAndNotMistakenForText() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = Files.write(dir.resolve("brus.docx"), noise);

        ExtractionException failure = failureOf(file, "brus.docx");

        assertThat(failure.kind()).isIn(Kind.UNSUPPORTED_TYPE, Kind.CORRUPT);
    }

    @Test
    void aDocxThatInflatesToHundredsOfMegabytesIsRefusedAsAZipBomb() throws Exception {
        Path file = GeneratedFixtures.zipBombDocx(dir, "bomb.docx");

        ExtractionException failure = failureOf(file, "bomb.docx");

        assertThat(failure.kind()).isEqualTo(Kind.ZIP_BOMB);
        assertThat(failure.reason()).contains("zip-bomb");
    }

    @Test
    void anEmailWithArchivesNestedTooDeeplyIsRefused() throws Exception {
        Path file = GeneratedFixtures.emailWithNestedArchives(dir, "djup.eml", 8);

        ExtractionException failure = failureOf(file, "djup.eml");

        assertThat(failure.kind()).isEqualTo(Kind.TOO_DEEPLY_NESTED);
        assertThat(failure.reason()).contains("arkiv i arkiv", "fler än 2 nivåer");
    }

    @Test
    void anEmailWithAShallowArchiveGivesTheTextInside() throws Exception {
        Path file = GeneratedFixtures.emailWithNestedArchives(dir, "grund.eml", 1);

        ExtractedDocument document = extractor.extract(file, "grund.eml", null);

        assertThat(document.text()).contains("Här kommer materialet från workshoppen.", "Innersta anteckningen om samverkan.");
    }

    @Test
    void anXmlExternalEntityIsNeverResolvedButTheRestOfTheFileIsRead() throws Exception {
        String passwd = Files.isReadable(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0:0";

        ExtractedDocument document = extractor.extract(resource("extern-entitet.xml"), "extern-entitet.xml", null);

        assertThat(document.text()).contains("Före entiteten.", "Efter entiteten.")
                .doesNotContain("root:").doesNotContain(passwd.lines().findFirst().orElse("root:"));
    }

    @Test
    void anExternalEntityInsideADocxIsNeverResolved() throws Exception {
        Path file = GeneratedFixtures.docxWithDocumentPart(dir, "entitet.docx", out -> out.write(
                ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                        + "<w:p><w:r><w:t>Före &e; efter</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8)));

        String text;
        try {
            text = extractor.extract(file, "entitet.docx", null).text();
        } catch (ExtractionException refused) {
            text = refused.reason() + refused.detail();
        }

        assertThat(text).doesNotContain("root:");
    }

    @Test
    void aScannedPdfWithoutOcrIsRefusedWithTheReasonNotReturnedEmpty() throws Exception {
        Path file = GeneratedFixtures.scannedPdf(dir, "skannad.pdf", "Samverkan mellan kommun och region");

        ExtractionException failure = failureOf(file, "skannad.pdf");

        assertThat(failure.kind()).isEqualTo(Kind.SCANNED_WITHOUT_OCR);
        assertThat(failure.reason()).contains("saknar textlager", "OCR");
        assertThat(failure.detail()).as("these tests turn OCR off").contains("scanned PDF without text layer; OCR turned off");
    }

    @Test
    void textLongerThanTheLimitIsRefusedWithTheLimitInTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("lang.txt"), "vård och omsorg ".repeat(2000));
        try (DocumentExtractor small = new DocumentExtractor(ExtractionSettings.withoutOcr().maxOutputCharacters(10_000).build())) {
            ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                    () -> small.extract(file, "lang.txt", null));

            assertThat(failure.kind()).isEqualTo(Kind.TOO_MUCH_TEXT);
            assertThat(failure.reason()).contains("10 000 tecken");
        }
    }

    static Path resource(String name) throws IOException {
        Path file = Files.createTempFile("fixture-", "-" + name);
        try (InputStream in = DocumentExtractorTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private static ExtractionException failureOf(Path file, String name) {
        ExtractionException failure = catchThrowableOfType(ExtractionException.class, () -> extractor.extract(file, name, null));
        assertThat(failure).as("extraction of " + name + " should fail").isNotNull();
        return failure;
    }
}
