package org.lararena.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** The folder a backup goes into: a new or empty folder is taken, anything else refused before a byte is written. */
class BackupFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewFolderIsMadeAndAnEmptyOneTaken() {
        DataBackup.requireEmptyWritable(dir);
        DataBackup.requireEmptyWritable(dir.resolve("new/backup"));

        assertThat(dir.resolve("new/backup")).isEmptyDirectory();
    }

    @Test
    void aFolderWithFilesIsRefusedAndKeepsThem() throws IOException {
        Files.writeString(dir.resolve("earlier-backup.txt"), "keep me");

        assertThatThrownBy(() -> DataBackup.requireEmptyWritable(dir)).isInstanceOf(LararenaException.class)
                .hasMessageContaining("is not empty").hasMessageContaining(dir.toString());
        assertThat(Files.readString(dir.resolve("earlier-backup.txt"))).isEqualTo("keep me");
    }

    @Test
    void aFileIsNotABackupFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> DataBackup.requireEmptyWritable(file)).hasMessageContaining("is a file");
    }

    @Test
    void aFolderUnderAFileCannotBeMade() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> DataBackup.requireEmptyWritable(file.resolve("backup"))).isInstanceOf(LararenaException.class)
                .hasMessageContaining("cannot write to the backup folder");
    }
}
