package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerDistributionsTest {

    @TempDir
    Path dir;

    @Test
    void unpacksWithoutTheTopFolderAndMakesBinScriptsExecutable() throws IOException {
        Path zip = zip("server-1.0/bin/start", "#!/bin/sh", "server-1.0/config/app.yml", "a: 1");

        Path home = ServerDistributions.unpackOnce(zip, dir.resolve("server"));

        assertThat(home.resolve("config/app.yml")).hasContent("a: 1");
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/start"))).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void aSecondUnpackOfTheSameZipKeepsWhatIsThere() throws IOException {
        Path zip = zip("server-1.0/data.txt", "original");
        Path home = ServerDistributions.unpackOnce(zip, dir.resolve("server"));
        Files.writeString(home.resolve("state.txt"), "written by the server");

        ServerDistributions.unpackOnce(zip, dir.resolve("server"));

        assertThat(home.resolve("state.txt")).hasContent("written by the server");
    }

    @Test
    void anUnpackingCutOffHalfWayIsDoneAgain() throws IOException {
        Path zip = zip("server-1.0/data.txt", "complete");
        Path target = Files.createDirectories(dir.resolve("server"));
        Files.writeString(target.resolve("data.txt"), "half");

        ServerDistributions.unpackOnce(zip, target);

        assertThat(target.resolve("data.txt")).hasContent("complete");
    }

    @Test
    void refusesEntriesThatWouldLandOutsideTheTarget() throws IOException {
        Path zip = zip("server-1.0/../../escaped.txt", "bad");

        assertThatThrownBy(() -> ServerDistributions.unpackOnce(zip, dir.resolve("deep/server")))
                .isInstanceOf(ServiceStartException.class).hasMessageContaining("escapes");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void aMissingDistributionSaysHowToBuildIt() {
        ServerDistributions distributions = new ServerDistributions(dir, "9", "26", "plugin");

        assertThatThrownBy(distributions::elasticsearchZip).hasMessageContaining("elasticsearch.zip").hasMessageContaining("mvnw");
    }

    private Path zip(String... namesAndContents) throws IOException {
        Path zip = dir.resolve("dist-" + System.nanoTime() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }
}
