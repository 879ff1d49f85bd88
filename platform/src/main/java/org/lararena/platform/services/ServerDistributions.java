package org.lararena.platform.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The server distributions the build copied into {@code platform/target/services} (from Maven Central, and the
 * project's own plugin zip), and the one way they are unpacked.
 */
public record ServerDistributions(Path directory, String elasticsearchVersion, String keycloakVersion, String analysisPluginName) {

    /** Overrides where the distributions are looked for (tests set it; {@code ./lararena} does not need to). */
    public static final String DIRECTORY_PROPERTY = "lararena.services.dir";

    /** Finds the distributions for the checkout at {@code home}. */
    public static ServerDistributions locate(Path home) {
        Properties versions = new Properties();
        try (InputStream in = ServerDistributions.class.getResourceAsStream("distributions.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new ServiceStartException("distributions.properties is missing from the platform jar: rebuild with ./mvnw package", e);
        }
        String override = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = override != null ? Path.of(override) : home.resolve("platform/target/services");
        return new ServerDistributions(directory, versions.getProperty("elasticsearch.version"),
                versions.getProperty("keycloak.version"), versions.getProperty("analysis.plugin.name"));
    }

    public Path elasticsearchZip() {
        return existing("elasticsearch.zip");
    }

    public Path keycloakZip() {
        return existing("keycloak-quarkus-dist.zip");
    }

    public Path analysisPluginZip() {
        return existing("lararena-analysis-sv.zip");
    }

    private Path existing(String name) {
        Path zip = directory.resolve(name);
        if (!Files.isRegularFile(zip)) {
            throw new ServiceStartException(zip + " is missing: build the project first (./mvnw -DskipTests package, which ./lararena up runs for you)");
        }
        return zip;
    }

    /**
     * Unpacks {@code zip} into {@code target} unless a complete earlier unpacking of the same zip is there. A marker
     * written last tells a complete unpacking from one cut off half-way, which is unpacked again.
     */
    public static Path unpackOnce(Path zip, Path target) {
        Path marker = target.resolve(".lararena-unpacked");
        try {
            String stamp = Files.size(zip) + ":" + Files.getLastModifiedTime(zip).toMillis();
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
                return target;
            }
            deleteTree(target);
            unzip(zip, target, true);
            Files.writeString(marker, stamp);
            return target;
        } catch (IOException e) {
            throw new ServiceStartException("could not unpack " + zip + " into " + target + " (" + e.getMessage()
                    + "); is there space left on the device?", e);
        }
    }

    /**
     * Extracts a zip, dropping its single top folder when {@code stripTopFolder}. Refuses entries that would land
     * outside {@code target}, and marks the scripts under {@code bin/} executable (zip keeps no modes).
     */
    public static void unzip(Path zip, Path target, boolean stripTopFolder) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (stripTopFolder) {
                    int slash = name.indexOf('/');
                    name = slash < 0 ? "" : name.substring(slash + 1);
                }
                if (name.isEmpty()) {
                    continue;
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (name.startsWith("bin/") || name.contains("/bin/")) {
                        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                        perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                        Files.setPosixFilePermissions(out, perms);
                    }
                }
            }
        }
    }

    /**
     * Copies every regular file under {@code from} (a file or a folder, on any file system, a jar's too) to the same
     * place under {@code to}, with its attributes; returns how many. A file gone since the listing is skipped (a queue
     * entry done meanwhile is no longer part of the state).
     */
    public static long copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        long copied = 0;
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent() != null ? copy.getParent() : to);
            try {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                copied++;
            } catch (NoSuchFileException e) {
                // Gone since the listing.
            }
        }
        return copied;
    }

    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
