package org.lararena.ingest.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.extract.DocumentMetadata;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.extract.SpeakerCue;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.segment.Passage;

/** The layout a document is segmented by, from what the uploader declared and the format; text written for these tests. */
class TextPipelineTest {

    private final TextPipeline pipeline = new TextPipeline();

    @Test
    void aDeclaredInterviewWithOneLabelledLineGetsSpeakerTurnsAndNoNameInItsText() {
        ExtractedDocument extracted = plainText("""
                Anteckningar från samtalet på vårdcentralen

                Samtalet började med en genomgång av veckans uppföljningar och vilka patienter som ringts upp.

                KAJSA: Vi har hunnit ringa nästan alla, men några svarar aldrig.""");

        List<Passage> declared = segment(extracted, new UploadFields("Intervju", null, null, "samtal.txt"));
        List<Passage> undeclared = segment(extracted, UploadFields.NONE);

        assertThat(declared).extracting(Passage::speaker).contains("KAJSA");
        assertThat(declared).extracting(Passage::text).noneMatch(text -> text.contains("KAJSA"));
        // Undeclared, one label proves nothing: the text stays prose (and such an upload is restricted by default).
        assertThat(undeclared).extracting(Passage::speaker).containsOnlyNulls();
    }

    @Test
    void aDeclaredTranscriptIsTurnsAndADeclaredReportIsNot() {
        ExtractedDocument extracted = plainText("Inledning om dagen.\n\nPER: Välkomna hit allihop.");

        assertThat(segment(extracted, new UploadFields("transkript", null, null, null))).extracting(Passage::speaker).containsExactly(null, "PER");
        assertThat(segment(extracted, new UploadFields("rapport", null, null, null))).extracting(Passage::speaker).containsOnlyNulls();
    }

    @Test
    void webVttVoicesLeaveNoNameInThePassagesWhateverTheyLookLike() {
        List<SpeakerCue> cues = List.of(
                new SpeakerCue(Duration.ZERO, Duration.ofSeconds(3), "intervjuare", "Hur ser veckan ut?"),
                new SpeakerCue(Duration.ofSeconds(3), Duration.ofSeconds(9), "Anna-Lena von Ek Berg", "Vi har två hembesök om dagen."));
        ExtractedDocument extracted = new ExtractedDocument("text/vtt",
                "intervjuare: Hur ser veckan ut?\n\nAnna-Lena von Ek Berg: Vi har två hembesök om dagen.", List.of(), DocumentMetadata.NONE, cues);

        List<Passage> passages = segment(extracted, UploadFields.NONE);

        assertThat(passages).extracting(Passage::speaker).containsExactly("intervjuare", "Anna-Lena von Ek Berg");
        assertThat(passages).extracting(Passage::text).containsExactly("Hur ser veckan ut?", "Vi har två hembesök om dagen.");
    }

    @Test
    void aSpreadsheetIsAPassagePerRowWithItsSheetNameOnTheFirstRowOfEachSheet() {
        List<String> sheets = List.of("Svar\n\nFråga: Vad fungerade?\nSvar: Samverkan\n\nFråga: Vad saknades?\nSvar: Tid",
                "Workshop\n\nIdé: Fler hembesök");
        ExtractedDocument extracted = new ExtractedDocument("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                String.join("\f", sheets), sheets, DocumentMetadata.NONE, List.of());

        List<Passage> passages = segment(extracted, UploadFields.NONE);

        assertThat(passages).extracting(Passage::text).containsExactly("Svar\n\nFråga: Vad fungerade?\nSvar: Samverkan",
                "Fråga: Vad saknades?\nSvar: Tid", "Workshop\n\nIdé: Fler hembesök");
        assertThat(passages).extracting(Passage::page).containsExactly(1, 1, 2);
    }

    private List<Passage> segment(ExtractedDocument extracted, UploadFields upload) {
        RepairedText repaired = pipeline.repair(extracted);
        return pipeline.segment(extracted, repaired, upload);
    }

    private static ExtractedDocument plainText(String text) {
        return new ExtractedDocument("text/plain", text, List.of(), DocumentMetadata.NONE, List.of());
    }
}
