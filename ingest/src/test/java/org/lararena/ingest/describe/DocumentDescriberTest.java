package org.lararena.ingest.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.DocumentMetadata;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.repair.TextRepairer;
import org.lararena.ingest.repair.Vocabulary;
import org.lararena.ingest.segment.Layout;
import org.lararena.ingest.segment.Passage;
import org.lararena.ingest.segment.Segmenter;
import org.lararena.ontology.OntologyFixtures;

/** What the describer decides about documents written for these tests. */
class DocumentDescriberTest {

    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private final DocumentDescriber describer = new DocumentDescriber();
    private final TextRepairer repairer = new TextRepairer(Vocabulary.bundled());

    @TempDir
    Path dir;

    @Test
    void theUploadersTypeTitleAndDateWinOverEverythingInTheFile() throws Exception {
        DocumentDescription description = describe(new UploadFields("Mötesanteckningar", "Möte om hemsjukvård", LocalDate.of(2023, 3, 14), "x.txt"),
                "text/plain", new DocumentMetadata("Annat", null, Instant.parse("2020-01-01T00:00:00Z"), null),
                "KAJSA: Hej.\n\nLISBETH: Hej.\n\nKAJSA: Ja.");

        assertThat(description.documentType()).isEqualTo("motesanteckningar");
        assertThat(description.title()).isEqualTo("Möte om hemsjukvård");
        assertThat(description.date()).isEqualTo(LocalDate.of(2023, 3, 14));
    }

    @Test
    void aSlideDeckIsAPresentation() throws Exception {
        assertThat(describe(UploadFields.NONE, PPTX, DocumentMetadata.NONE, "Lägesbild\fTack!").documentType()).isEqualTo("presentation");
    }

    @Test
    void speakerTurnsMakeAnInterviewOrATranscriptWhenTheNameSaysPodcast() throws Exception {
        String turns = "I: Hur började det?\n\nR: Med en kartläggning.\n\nI: Och sedan?\n\nR: Workshoppar.";
        String podcast = "ANNA: Välkommen till podden.\n\nERIK: Tack.\n\nANNA: Berätta.";

        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE, turns).documentType()).isEqualTo("intervju");
        assertThat(describe(new UploadFields(null, null, null, "podd-avsnitt-4.txt"), "text/plain", DocumentMetadata.NONE, podcast)
                .documentType()).isEqualTo("transkript");
    }

    @Test
    void notesAndWorkshopsAreRecognisedFromTheirOpeningAndOtherTextIsAReport() throws Exception {
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE,
                "Minnesanteckningar från arbetsgruppen\n\nNärvarande: Anna, Erik").documentType()).isEqualTo("motesanteckningar");
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE,
                "Dokumentation från workshop om uppföljning\n\nVi arbetade i tre grupper.").documentType()).isEqualTo("workshop");
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE,
                "Lägesbild för piloten\n\nArbetet fortsätter.").documentType()).isEqualTo("rapport");
    }

    @Test
    void theTitleComesFromMetadataUnlessItIsAFileNameAndElseFromTheFirstLine() throws Exception {
        assertThat(describe(UploadFields.NONE, "application/pdf", new DocumentMetadata("Lägesrapport 3", null, null, null),
                "Text.").title()).isEqualTo("Lägesrapport 3");
        assertThat(describe(UploadFields.NONE, "application/pdf", new DocumentMetadata("Microsoft Word - rapport.docx", null, null, null),
                "# Arbetet i Kronoberg\n\nText.").title()).isEqualTo("Arbetet i Kronoberg");
    }

    @Test
    void anInterviewIsNeverTitledByItsFirstQuestion() throws Exception {
        String unlabelled = "Hur fungerar samverkan mellan kommun och region?\n\nDen fungerar bättre nu.";
        String turns = "I: Hur fungerar samverkan?\n\nR: Bättre nu.\n\nI: Varför?\n\nR: Vi träffas varje vecka.";

        assertThat(describe(new UploadFields("intervju", null, LocalDate.of(2024, 3, 1), "int-07.docx", "Värmland"), "text/plain",
                DocumentMetadata.NONE, unlabelled).title()).isEqualTo("Intervju – Värmland, 2024-03-01");
        assertThat(describe(new UploadFields(null, null, LocalDate.of(2024, 3, 1), "int-07.txt"), "text/plain",
                DocumentMetadata.NONE, turns).title()).isEqualTo("Intervju – 2024-03-01");
    }

    @Test
    void anInterviewIsTitledByItsMetadataOrAHeadingBeforeTheFirstTurn() throws Exception {
        String headed = "Intervju med vårdcentralens chef\n\nI: Hur fungerar samverkan?\n\nR: Bättre nu.\n\nI: Varför?";

        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE, headed).title()).isEqualTo("Intervju med vårdcentralens chef");
        assertThat(describe(UploadFields.NONE, "application/pdf", new DocumentMetadata("Baslinjeintervju 4", null, null, null),
                "I: Hur fungerar samverkan?\n\nR: Bättre nu.").title()).isEqualTo("Baslinjeintervju 4");
    }

    @Test
    void theDateIsTheFirstDateInTheOpeningBeforeTheFilesCreationDate() throws Exception {
        DocumentMetadata created = new DocumentMetadata(null, null, Instant.parse("2026-01-05T10:00:00Z"), null);

        assertThat(describe(UploadFields.NONE, "text/plain", created, "Möte den 3 februari 2022 i Växjö.").date())
                .isEqualTo(LocalDate.of(2022, 2, 3));
        assertThat(describe(UploadFields.NONE, "text/plain", created, "Datum: 2021-11-30").date()).isEqualTo(LocalDate.of(2021, 11, 30));
        assertThat(describe(UploadFields.NONE, "text/plain", created, "Inget datum här.").date()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aPilotRegionIsSetOnlyWhenOneClearlyPredominates() throws Exception {
        String aboutOrebro = "I Örebro län har piloten arbetat med psykisk hälsa. Region Örebro län och kommunerna i Örebro "
                + "samarbetar. Även Värmland nämns. Örebro fortsätter.";
        String aboutAll = "Värmland, Örebro och Västernorrland är piloter. Värmland, Örebro och Västernorrland samarbetar. "
                + "Värmland, Örebro och Västernorrland lär av varandra.";

        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE, aboutOrebro).pilotRegion()).isEqualTo("orebro");
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE, aboutAll).pilotRegion()).isNull();
    }

    @Test
    void theDocumentTypesAndPilotsAreTheOntologys() throws Exception {
        DocumentDescriber withKronoberg = new DocumentDescriber(OntologyFixtures.shippedWith(OntologyFixtures.FOCUS_GROUP + OntologyFixtures.KRONOBERG));
        String aboutKronoberg = "Region Kronoberg har prövat mobila team. Kronobergs kommuner deltar. I Kronoberg fortsätter arbetet.";
        String unlabelled = "I: Hur började det?\n\nR: Med en kartläggning.\n\nI: Och sedan?\n\nR: Workshoppar.";
        UploadFields focusGroup = new UploadFields("Fokusgrupp", null, LocalDate.of(2024, 5, 2), "samtal.txt");

        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE, aboutKronoberg).pilotRegion()).isNull();
        assertThat(describe(withKronoberg, UploadFields.NONE, "text/plain", DocumentMetadata.NONE, aboutKronoberg).pilotRegion())
                .isEqualTo("kronoberg");
        assertThat(withKronoberg.pilotName("kronoberg")).isEqualTo("Kronoberg");
        assertThat(describe(focusGroup, "text/plain", DocumentMetadata.NONE, unlabelled).documentType()).isEqualTo("intervju");
        DocumentDescription described = describe(withKronoberg, focusGroup, "text/plain", DocumentMetadata.NONE, unlabelled);
        assertThat(described.documentType()).isEqualTo("fokusgrupp");
        assertThat(described.title()).as("a conversation without a heading is named by its type").isEqualTo("Fokusgrupp – 2024-05-02");
        assertThat(withKronoberg.namesSpeakers("Fokusgrupp")).isTrue();
    }

    @Test
    void theLanguageIsToldFromStopWords() throws Exception {
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE,
                "Det här är en text om vård och omsorg som vi har skrivit för att testa.").language()).isEqualTo("sv");
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE,
                "This is a text about the care of older people and how it is organised in the region.").language()).isEqualTo("en");
        assertThat(describe(UploadFields.NONE, "text/plain", DocumentMetadata.NONE, "Kronoberg 2023").language()).isNull();
    }

    @Test
    void theSizeAndHashAreThoseOfTheOriginalBytes() throws Exception {
        Path original = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));

        DocumentDescription description = describer.describe(original, UploadFields.NONE,
                new ExtractedDocument("text/plain", "abc", List.of(), DocumentMetadata.NONE, List.of()), repairer.repair("abc"), List.of());

        assertThat(description.sizeBytes()).isEqualTo(3);
        assertThat(description.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private DocumentDescription describe(UploadFields upload, String mediaType, DocumentMetadata metadata, String text) throws Exception {
        return describe(describer, upload, mediaType, metadata, text);
    }

    private DocumentDescription describe(DocumentDescriber describer, UploadFields upload, String mediaType, DocumentMetadata metadata,
            String text) throws Exception {
        Path original = Files.writeString(dir.resolve("original"), text);
        ExtractedDocument extracted = new ExtractedDocument(mediaType, text, List.of(), metadata, List.of());
        RepairedText repaired = repairer.repair(text);
        List<Passage> passages = new Segmenter().segment(repaired, mediaType.equals(PPTX) ? Layout.SLIDES : Layout.AUTO);
        return describer.describe(original, upload, extracted, repaired, passages);
    }
}
