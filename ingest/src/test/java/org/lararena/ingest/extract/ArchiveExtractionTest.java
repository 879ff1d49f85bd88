package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;

/**
 * Archives (zip, tar, tar.gz, 7z) and mailboxes unpacked by the real extraction worker into one document each, their
 * limits with the reasons a researcher reads, and the attachments of e-mails headed by their file names.
 */
class ArchiveExtractionTest {

    private static final String NOTE = "Anteckning om fasta vårdkontakter för äldre i Örebro län.";
    private static final String PLAN = "Plan för uppföljning av hembesöken i Värmland under våren.";

    @TempDir
    static Path workDirectory;
    private static DocumentExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void startExtractor() throws ExtractionException {
        extractor = new DocumentExtractor(ExtractionSettings.withoutOcr().build(), workDirectory);
        extractor.warmUp();
    }

    @AfterAll
    static void stopExtractor() {
        extractor.close();
    }

    @Test
    void eachDocumentOfAZipIsUnpackedWithItsPathAndReadsAsItself() throws Exception {
        Path docx = GeneratedFixtures.docx(dir, "plan.docx", "Plan", "Anna Berg", List.of(PLAN));
        Path zip = Files.write(dir.resolve("underlag.zip"), ArchiveFixtures.zip(ArchiveFixtures.entries(
                "rapporter/", "", "rapporter/plan.docx", docx, "anteckning.txt", NOTE,
                "__MACOSX/rapporter/._plan.docx", "skräp", ".DS_Store", "skräp", "tom.txt", "")));

        ExtractedDocument archive = extractor.extract(zip, "underlag.zip", null);
        try {
            assertThat(archive.isArchive()).isTrue();
            assertThat(archive.members()).extracting(ArchiveMember::path).containsExactly("rapporter/plan.docx", "anteckning.txt");
            assertThat(archive.members()).extracting(ArchiveMember::filename).containsExactly("plan.docx", "anteckning.txt");
            assertThat(textOf(archive.members().get(0))).contains(PLAN);
            assertThat(textOf(archive.members().get(1))).isEqualTo(NOTE);
        } finally {
            extractor.release(archive);
        }
        assertThat(archive.members().get(0).file()).doesNotExist();
    }

    @Test
    void tarTarGzAnd7zAreUnpackedLikeZip() throws Exception {
        Map<String, byte[]> entries = ArchiveFixtures.entries("mapp/anteckning.txt", NOTE, "plan.txt", PLAN);
        Path tar = Files.write(dir.resolve("underlag.tar"), ArchiveFixtures.tar(entries));
        Path tarGz = Files.write(dir.resolve("underlag.tar.gz"), ArchiveFixtures.gzip(ArchiveFixtures.tar(entries)));
        Path sevenZ = ArchiveFixtures.sevenZ(dir.resolve("underlag.7z"), entries);

        for (Path file : List.of(tar, tarGz, sevenZ)) {
            withMembers(file, members -> {
                assertThat(members).as(file.getFileName().toString()).extracting(ArchiveMember::path)
                        .containsExactly("mapp/anteckning.txt", "plan.txt");
                assertThat(textOf(members.get(0))).isEqualTo(NOTE);
            });
        }
    }

    @Test
    void aZipInsideAZipIsUnpackedAndItsDocumentsNamedByThePathThroughIt() throws Exception {
        byte[] inner = ArchiveFixtures.zip(ArchiveFixtures.entries("anteckning.txt", NOTE));
        Path zip = Files.write(dir.resolve("yttre.zip"), ArchiveFixtures.zip(ArchiveFixtures.entries("bilagor/inre.zip", inner, "plan.txt", PLAN)));

        withMembers(zip, members -> {
            assertThat(members).extracting(ArchiveMember::path).containsExactly("bilagor/inre.zip/anteckning.txt", "plan.txt");
            assertThat(textOf(members.get(0))).isEqualTo(NOTE);
        });
    }

    @Test
    void realDocumentsInA7zComeOutAsTheyDoUploadedOneByOne() throws Exception {
        Path transcript = TestCorpus.file("naravardpodden-ep33-transkript.docx");
        Path report = TestCorpus.file("halsolabb-lagesrapport-2021.pdf");
        Path sevenZ = ArchiveFixtures.sevenZ(dir.resolve("korpus.7z"), ArchiveFixtures.entries(
                "transkript/" + transcript.getFileName(), transcript, report.getFileName().toString(), report));

        withMembers(sevenZ, members -> {
            assertThat(members).extracting(ArchiveMember::filename).containsExactly(transcript.getFileName().toString(),
                    report.getFileName().toString());
            assertThat(textOf(members.get(0))).isEqualTo(extractor.extract(transcript, transcript.getFileName().toString(), null).text());
            assertThat(extractor.extract(members.get(1).file(), members.get(1).filename(), null).pages())
                    .isEqualTo(extractor.extract(report, report.getFileName().toString(), null).pages());
        });
    }

    @Test
    void archivesNestedThreeDeepAreRefusedWithTheNestingReason() throws Exception {
        byte[] innermost = ArchiveFixtures.zip(ArchiveFixtures.entries("anteckning.txt", NOTE));
        byte[] middle = ArchiveFixtures.zip(ArchiveFixtures.entries("inre.zip", innermost));
        Path zip = Files.write(dir.resolve("djup.zip"), ArchiveFixtures.zip(ArchiveFixtures.entries("mitten.zip", middle)));

        assertRefusedLeavingNothing(zip, Kind.TOO_DEEPLY_NESTED, "arkiv i arkiv", "fler än 2 nivåer");
    }

    @Test
    void anArchiveOfTenThousandFilesIsRefusedWithTheLimitAndTheNextFileIsReadAtOnce() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            many.put("svar-" + i + ".txt", ("Svar nummer " + i + " om samverkan.").getBytes(StandardCharsets.UTF_8));
        }
        Path zip = Files.write(dir.resolve("manga.zip"), ArchiveFixtures.zip(many));
        Path note = Files.writeString(dir.resolve("anteckning.txt"), NOTE);

        assertRefusedLeavingNothing(zip, Kind.TOO_MANY_PARTS, "fler än 1 000 filer", "Dela upp det i mindre arkiv");
        assertThat(extractor.extract(note, "anteckning.txt", null).text()).isEqualTo(NOTE);
    }

    @Test
    void aBombInsideAnArchiveIsRefusedWithTheZipBombReason() throws Exception {
        Path zip = Files.write(dir.resolve("bomb.zip"), ArchiveFixtures.zip(ArchiveFixtures.entries("anteckning.txt", NOTE,
                "nollor.txt", ArchiveFixtures.zeros(64))));
        Path tarGz = Files.write(dir.resolve("bomb.tar.gz"), ArchiveFixtures.gzip(ArchiveFixtures.tar(ArchiveFixtures.entries(
                "nollor.txt", ArchiveFixtures.zeros(64)))));
        byte[] innerBomb = ArchiveFixtures.zip(ArchiveFixtures.entries("nollor.txt", ArchiveFixtures.zeros(64)));
        Path nested = Files.write(dir.resolve("inbaddad.zip"), ArchiveFixtures.zip(ArchiveFixtures.entries("inre.zip", innerBomb)));

        for (Path file : List.of(zip, tarGz, nested)) {
            assertRefusedLeavingNothing(file, Kind.ZIP_BOMB, "zip-bomb");
        }
    }

    @Test
    void eachMessageOfAnMboxIsUnpackedAsAnEmailOfItsOwn() throws Exception {
        Path mbox = ArchiveFixtures.mbox(dir.resolve("inkorg.mbox"), 3);

        withMembers(mbox, members -> {
            assertThat(members).extracting(ArchiveMember::path).containsExactly("meddelande 1.eml", "meddelande 2.eml", "meddelande 3.eml");
            ExtractedDocument second = extractor.extract(members.get(1).file(), "meddelande 2.eml", null);
            assertThat(second.mediaType()).isEqualTo("message/rfc822");
            assertThat(second.metadata().title()).isEqualTo("Uppföljning 2");
            assertThat(second.text()).contains("Hembesök nummer 2 i Värmland", "From början var det svårt")
                    .doesNotContain("nummer 1 ", "nummer 3 ", ">From");
        });
    }

    @Test
    void anMboxOfTenThousandMessagesIsRefusedWithTheLimit() throws Exception {
        Path mbox = ArchiveFixtures.mbox(dir.resolve("stor.mbox"), 10_000);

        assertRefusedLeavingNothing(mbox, Kind.TOO_MANY_PARTS, "10 000 meddelanden", "gränsen på 1 000");
    }

    @Test
    void anArchiveInsideAnArchiveAttachedToAnEmailIsRefusedWithTheNestingReason() throws Exception {
        Path email = GeneratedFixtures.emailWithNestedArchives(dir, "arkiv-i-arkiv.eml", 2);

        assertRefusedLeavingNothing(email, Kind.TOO_DEEPLY_NESTED, "arkiv i arkiv", "e-brev", "fler än 2 nivåer");
    }

    @Test
    void theAttachmentsOfAnEmailArePartsOfItEachHeadedByItsFileName() throws Exception {
        Path docx = GeneratedFixtures.docx(dir, "plan.docx", "Plan", "Anna Berg", List.of(PLAN));
        byte[] zip = ArchiveFixtures.zip(ArchiveFixtures.entries("anteckning.txt", NOTE));
        Path email = ArchiveFixtures.emailWithAttachments(dir.resolve("underlag.eml"), "Här kommer underlaget från workshoppen.",
                ArchiveFixtures.entries("plan.docx", docx, "anteckningar.zip", zip));

        String text = extractor.extract(email, "underlag.eml", null).text();

        assertThat(text).containsSubsequence("Här kommer underlaget från workshoppen.", "Bilaga: plan.docx", PLAN,
                "Bilaga: anteckningar.zip", "Fil: anteckning.txt", NOTE);
    }

    @Test
    void aCsvOfAMillionRowsIsRefusedWithTheRowLimitAndTheNextFileIsReadAtOnce() throws Exception {
        Path csv = dir.resolve("enkat.csv");
        try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Fråga;Svar\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write("Ja;" + i + "\n");
            }
        }
        Path note = Files.writeString(dir.resolve("anteckning.txt"), NOTE);

        assertRefusedLeavingNothing(csv, Kind.TOO_MANY_PARTS, "fler än 100 000 rader");
        assertThat(extractor.extract(note, "anteckning.txt", null).text()).isEqualTo(NOTE);
    }

    @Test
    void aWorkbookWithMoreRowsThanTheLimitIsRefusedWithIt() throws Exception {
        Path xlsx = dir.resolve("enkat.xlsx");
        try (var workbook = new XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            var sheet = workbook.createSheet("Svar");
            for (int i = 0; i < 300; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(i == 0 ? "Fråga" : "Vad fungerade?");
                row.createCell(1).setCellValue(i == 0 ? "Svar" : "Samverkan med kommunen, svar " + i);
            }
            workbook.write(out);
        }
        LararenaConfig.Extraction.ContainerLimits fewRows = new LararenaConfig.Extraction.ContainerLimits(1000, 1L << 30, 2, 1000, 200);

        try (DocumentExtractor limited = new DocumentExtractor(ExtractionSettings.withoutOcr().containers(fewRows).build())) {
            ExtractionException failure = catchThrowableOfType(ExtractionException.class, () -> limited.extract(xlsx, "enkat.xlsx", null));

            assertThat(failure).isNotNull();
            assertThat(failure.kind()).isEqualTo(Kind.TOO_MANY_PARTS);
            assertThat(failure.reason()).contains("fler än 200 rader");
        }
    }

    /** Checks the documents unpacked from {@code file} while they exist, and releases them afterwards. */
    private static void withMembers(Path file, ThrowingConsumer<List<ArchiveMember>> check) throws ExtractionException {
        ExtractedDocument archive = extractor.extract(file, file.getFileName().toString(), null);
        try {
            check.accept(archive.members());
        } finally {
            extractor.release(archive);
        }
    }

    private static String textOf(ArchiveMember member) throws ExtractionException {
        return extractor.extract(member.file(), member.filename(), null).text();
    }

    /** The file is refused for {@code kind} with a reason that says all of {@code reasonParts}, and leaves nothing unpacked. */
    private static void assertRefusedLeavingNothing(Path file, Kind kind, String... reasonParts) throws IOException {
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> extractor.extract(file, file.getFileName().toString(), null));
        assertThat(failure).as("extraction of " + file.getFileName() + " should fail").isNotNull();
        assertThat(failure.kind()).as(file.getFileName().toString()).isEqualTo(kind);
        assertThat(failure.reason()).contains(reasonParts);
        assertNothingLeftUnpacked();
    }

    /** A refused archive leaves none of what was unpacked before the limit was reached. */
    private static void assertNothingLeftUnpacked() throws IOException {
        Path unpacked = workDirectory.resolve("unpacked");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> left = Files.list(unpacked)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }
}
