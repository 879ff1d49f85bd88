package org.lararena.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The project's own files, for tests that hold documentation to the code (the configuration table, the OpenAPI
 * document): the checkout (the build sets {@code lararena.project.dir}) and every module's main sources.
 */
public final class ProjectSources {

    private ProjectSources() {
    }

    /** The checkout's root directory. */
    public static Path projectDirectory() {
        return Path.of(System.getProperty("lararena.project.dir", "..")).toAbsolutePath().normalize();
    }

    /** Every {@code .java} file under a module's {@code src/main/java}: never tests, build output or the data directory. */
    public static List<Path> mainJavaSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(projectDirectory())) {
            for (Path root : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        return sources;
    }

    /** A file's text (UTF-8). */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What of {@code names} is not among {@code among}, sorted: the difference a failing check reports. */
    public static Set<String> missing(Set<String> names, Set<String> among) {
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(among);
        return missing;
    }
}
