package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File types as researchers know them, and what to do with one that is not read. */
class FileTypesTest {

    @Test
    void namesTypesByTheirCommonNamesAndFamilies() {
        assertThat(FileTypes.name("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isEqualTo("Excel-kalkylblad");
        assertThat(FileTypes.name("application/msword")).isEqualTo("Word-dokument");
        assertThat(FileTypes.name("audio/mpeg")).isEqualTo("ljudfil (MPEG)");
        assertThat(FileTypes.name("video/x-matroska")).isEqualTo("videofil (MATROSKA)");
        assertThat(FileTypes.name("application/x-unheard-of")).isEqualTo("okänd filtyp (application/x-unheard-of)");
    }

    @Test
    void saysWhatToDoWithAnUnreadType() {
        assertThat(FileTypes.unsupportedReason("application/vnd.apple.keynote"))
                .isEqualTo("Filtypen stöds inte: Keynote-presentation. Spara eller exportera filen som PDF eller DOCX och ladda upp den igen.");
        assertThat(FileTypes.unsupportedReason("video/mp4")).contains("utskrift", "VTT, SRT eller DOCX");
        assertThat(FileTypes.unsupportedReason("application/x-7z-compressed")).contains("7z-arkiv", "Packa upp");
    }
}
