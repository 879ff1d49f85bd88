package org.lararena.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.services.ServiceStartException;

/**
 * TDB2's settings file as {@code ./lararena up} and the managed Fuseki write it. What the sizes do to a store, before
 * and after a compaction, is {@code TdbNodeCachesTest} in the ontology module (a JVM per case).
 */
class TdbNodeCachesSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void settingsThatCannotBeWrittenAreRefusedNamingTheFile() throws Exception {
        // A file where the data directory should be: the settings' folder cannot be made.
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file");
        Path settings = notAFolder.resolve(TdbNodeCaches.SETTINGS_FILE);

        assertThatThrownBy(() -> TdbNodeCaches.write(settings, 1_000_000)).isInstanceOf(ServiceStartException.class)
                .hasMessageContaining(settings.toString()).hasMessageContaining("writable");
        assertThat(notAFolder).hasContent("a file");
    }
}
