package org.lararena.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** A backup's manifest: written last, it vouches for every file; anything missing, changed or added is named. */
class BackupManifestTest {

    @TempDir
    Path backup;

    @BeforeEach
    void writeFiles() throws IOException {
        Files.createDirectories(backup.resolve("files/documents"));
        Files.writeString(backup.resolve("files/documents/a.txt"), "Intervju om vårdcentralen");
        Files.writeString(backup.resolve("files/audit.log"), "entry\n");
    }

    @Test
    void aSealedBackupVerifies() throws IOException {
        BackupManifest.seal(backup, new JsonObject().put("created", "now"));

        JsonObject manifest = BackupManifest.verify(backup);

        assertThat(manifest.getInteger("fileCount")).isEqualTo(2);
        assertThat(manifest.getString("created")).isEqualTo("now");
    }

    @Test
    void aBackupWithoutManifestIsIncomplete() {
        assertThatThrownBy(() -> BackupManifest.verify(backup)).isInstanceOf(LararenaException.class)
                .hasMessageContaining("not finished").hasMessageContaining(BackupManifest.FILE);
    }

    @Test
    void aChangedMissingOrAddedFileIsNamed() throws IOException {
        BackupManifest.seal(backup, new JsonObject());
        Files.writeString(backup.resolve("files/documents/a.txt"), "Intervju om vårdcentralen!");
        Files.delete(backup.resolve("files/audit.log"));
        Files.writeString(backup.resolve("files/extra.txt"), "x");

        assertThatThrownBy(() -> BackupManifest.verify(backup)).isInstanceOf(LararenaException.class)
                .hasMessageContaining("files/documents/a.txt has").hasMessageContaining("files/audit.log is missing")
                .hasMessageContaining("files/extra.txt is not part of the backup");
    }

    @Test
    void aFileOfTheSameSizeButOtherBytesFailsItsChecksum() throws IOException {
        BackupManifest.seal(backup, new JsonObject());
        Files.writeString(backup.resolve("files/audit.log"), "ENTRY\n");

        assertThatThrownBy(() -> BackupManifest.verify(backup)).hasMessageContaining("files/audit.log does not match its checksum");
    }

    @Test
    void aFolderThatDoesNotExistIsNotABackup() {
        assertThatThrownBy(() -> BackupManifest.verify(backup.resolve("nowhere"))).hasMessageContaining("is not a folder");
    }
}
