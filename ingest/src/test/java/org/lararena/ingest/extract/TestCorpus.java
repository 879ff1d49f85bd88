package org.lararena.ingest.extract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real documents ({@code <project dir>/../shared/corpus}), read in place and never
 * copied into the project. Tests that need it skip themselves where it is absent.
 */
public final class TestCorpus {

    private TestCorpus() {
    }

    /** A corpus file; skips the calling test with a clear message when the corpus or the file is absent. */
    public static Path file(String relativePath) {
        Path file = directory().resolve(relativePath);
        assumeTrue(Files.isRegularFile(file), () -> "Skipped: the shared corpus file ../shared/corpus/" + relativePath
                + " is absent (tests that read real documents need the shared corpus beside the project; looked in " + file + ")");
        return file;
    }

    /** The corpus directory, whether or not it exists. */
    public static Path directory() {
        return projectDirectory().resolve("..").resolve("shared").resolve("corpus").normalize();
    }

    /** Surefire's {@code lararena.project.dir}, else the nearest directory upwards that holds {@code mvnw}. */
    public static Path projectDirectory() {
        String configured = System.getProperty("lararena.project.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
