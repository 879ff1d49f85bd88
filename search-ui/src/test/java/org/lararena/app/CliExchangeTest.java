package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** The arguments of {@code ./lararena export} and {@code import}: usage errors before anything is sent. */
class CliExchangeTest {

    @Test
    void exportReadsTheFileTheDocumentsAndThePseudonymSwitch() {
        CliExchange.ExportOptions options = CliExchange.parseExport(List.of("--qdpx", "ut.qdpx", "--documents", "a,b", "--pseudonyms"));

        // A relative file is where the user ran the command (the launcher moves to the checkout; this test runs without it).
        assertThat(options).isEqualTo(new CliExchange.ExportOptions(Path.of("ut.qdpx").toAbsolutePath(), "a,b", true));
        assertThat(CliExchange.parseExport(List.of("--qdpx", "ut.qdpx")).documents()).as("all readable documents").isNull();
    }

    @Test
    void exportWithoutAFileOrWithAnUnknownArgumentIsAUsageError() {
        assertThatThrownBy(() -> CliExchange.parseExport(List.of("--documents", "a"))).isInstanceOf(LararenaException.class)
                .hasMessageContaining("--qdpx FILE");
        assertThatThrownBy(() -> CliExchange.parseExport(List.of("--qdpx"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CliExchange.parseExport(List.of("--qdpx", "x", "--format", "nvivo"))).hasMessageContaining("unknown argument --format");
    }

    @Test
    void importNeedsOneExistingFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("projekt.qdpx"), "zip");

        assertThat(CliExchange.parseImport(List.of(file.toString()))).isEqualTo(file);
        assertThatThrownBy(() -> CliExchange.parseImport(List.of())).hasMessageContaining("name one QDPX or QDC file");
        assertThatThrownBy(() -> CliExchange.parseImport(List.of(dir.resolve("saknas.qdpx").toString()))).hasMessageContaining("does not exist");
    }
}
