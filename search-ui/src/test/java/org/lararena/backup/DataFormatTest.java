package org.lararena.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaException;

/** The data directory's format version: stamped when new, migrated when older, refused untouched when newer. */
class DataFormatTest {

    @TempDir
    Path data;

    @Test
    void aNewDirectoryIsStampedWithTheCurrentVersion() throws IOException {
        assertThat(DataFormat.prepare(data)).isEqualTo(DataFormat.CURRENT);

        assertThat(Files.readString(data.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT));
    }

    @Test
    void anUnversionedDirectoryWithDataIsFormatZeroAndIsMigrated() throws IOException {
        Files.createDirectories(data.resolve("documents"));
        Files.writeString(data.resolve("documents/record.json"), "{}");

        assertThat(DataFormat.prepare(data)).isZero();

        assertThat(Files.readString(data.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT));
        assertThat(Files.readString(data.resolve("documents/record.json"))).isEqualTo("{}");
    }

    @Test
    void aNewerDirectoryIsRefusedAndLeftAsItWas() throws IOException {
        Files.writeString(data.resolve(DataFormat.FILE), (DataFormat.CURRENT + 1) + "\n");

        assertThatThrownBy(() -> DataFormat.prepare(data)).isInstanceOf(LararenaException.class)
                .hasMessageContaining("newer Lärarena").hasMessageContaining("format version " + (DataFormat.CURRENT + 1));
        assertThat(Files.readString(data.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT + 1));
    }

    @Test
    void aVersionFileThatIsNotANumberIsRefused() throws IOException {
        Files.writeString(data.resolve(DataFormat.FILE), "banana");

        assertThatThrownBy(() -> DataFormat.prepare(data)).isInstanceOf(LararenaException.class).hasMessageContaining("'banana'");
    }

    @Test
    void aFailedStepLeavesTheOldVersionAndRunsAgainAtTheNextStart() throws IOException {
        Files.writeString(data.resolve(DataFormat.FILE), "1\n");
        AtomicInteger runs = new AtomicInteger();
        DataFormat.Migration flaky = step(1, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IOException("disk went away");
            }
        });
        DataFormat.Migration second = step(2, () -> Files.writeString(data.resolve("migrated"), "yes"));

        assertThatThrownBy(() -> DataFormat.prepare(data, 3, List.of(flaky, second))).hasMessageContaining("disk went away")
                .hasMessageContaining("stays at version 1");
        assertThat(Files.readString(data.resolve(DataFormat.FILE)).strip()).as("not half-migrated").isEqualTo("1");

        assertThat(DataFormat.prepare(data, 3, List.of(flaky, second))).isEqualTo(1);
        assertThat(Files.readString(data.resolve(DataFormat.FILE)).strip()).isEqualTo("3");
        assertThat(data.resolve("migrated")).exists();
    }

    private interface Step {
        void run() throws IOException;
    }

    private static DataFormat.Migration step(int from, Step action) {
        return new DataFormat.Migration() {
            @Override
            public int from() {
                return from;
            }

            @Override
            public String description() {
                return "test step from " + from;
            }

            @Override
            public void apply(Path dataDir) throws IOException {
                action.run();
            }
        };
    }
}
