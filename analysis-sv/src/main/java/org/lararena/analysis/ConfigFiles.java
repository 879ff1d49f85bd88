package org.lararena.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds and reads the word lists that components name by a path setting.
 *
 * <p>The stable plugin API hands a component only its own settings: not the node's {@code Environment}. So the
 * Elasticsearch config directory is found the way the server itself was told of it, in this order:
 * <ol>
 *   <li>system property {@code lararena.analysis.config_dir} (an explicit override, also used by tests);</li>
 *   <li>system property {@code es.path.conf} (set by some launchers);</li>
 *   <li>environment variable {@code ES_PATH_CONF} (if the server process has it; a 9.2.8 node launched by
 *       {@code bin/elasticsearch} does not);</li>
 *   <li>{@code <es.path.home>/config} (system property {@code es.path.home}, always set on the server JVM: this is
 *       the one that applies on a default install);</li>
 *   <li>{@code <plugin dir>/../../config}, from where this plugin's jar lies.</li>
 * </ol>
 * A relative path setting is resolved against that directory and may not climb out of it; an absolute path is taken
 * as it is (Elasticsearch's entitlements then decide whether the plugin may read it: the config directory is
 * readable by every plugin, most other places are not).
 */
final class ConfigFiles {

    static final String CONFIG_DIR_PROPERTY = "lararena.analysis.config_dir";

    private ConfigFiles() {}

    /** The Elasticsearch config directory, or {@code null} if none can be determined. */
    static Path configDir() {
        String explicit = System.getProperty(CONFIG_DIR_PROPERTY);
        if (hasText(explicit)) {
            return Path.of(explicit);
        }
        String esConf = System.getProperty("es.path.conf");
        if (hasText(esConf)) {
            return Path.of(esConf);
        }
        String env = System.getenv("ES_PATH_CONF");
        if (hasText(env)) {
            return Path.of(env);
        }
        String home = System.getProperty("es.path.home");
        if (hasText(home)) {
            return Path.of(home, "config");
        }
        try {
            CodeSource source = ConfigFiles.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path jar = Path.of(source.getLocation().toURI());
                // <home>/plugins/<plugin>/<plugin>.jar
                Path home2 = jar.getParent() == null ? null : jar.getParent().getParent();
                if (home2 != null && home2.getParent() != null && home2.getFileName().toString().equals("plugins")) {
                    return home2.getParent().resolve("config");
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through: no config dir known
        }
        return null;
    }

    /** Resolves {@code setting} (relative to {@code base} unless absolute). */
    static Path resolve(String setting, Path base) {
        Path given = Path.of(setting.trim());
        if (given.isAbsolute()) {
            return given.normalize();
        }
        if (base == null) {
            throw new IllegalArgumentException(
                "cannot resolve relative path [" + setting + "]: the Elasticsearch config directory is unknown; "
                    + "give an absolute path or set -D" + CONFIG_DIR_PROPERTY
            );
        }
        Path normalizedBase = base.toAbsolutePath().normalize();
        Path resolved = normalizedBase.resolve(given).normalize();
        if (resolved.startsWith(normalizedBase) == false) {
            throw new IllegalArgumentException("path [" + setting + "] leaves the config directory [" + normalizedBase + "]");
        }
        return resolved;
    }

    /** Resolves a path setting against the config dir. */
    static Path resolve(String setting) {
        return resolve(setting, configDir());
    }

    /**
     * Reads a UTF-8 word list: one entry per line, blank lines and lines starting with {@code #} skipped, surrounding
     * whitespace trimmed. A missing or unreadable file is a configuration error, reported with the path it tried.
     */
    static List<String> readLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readLines(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read [" + file + "]: " + e, e);
        } catch (SecurityException | UnsupportedOperationException e) {
            // Entitlement denials surface as a SecurityException subclass (NotEntitledException).
            throw new IllegalArgumentException("not allowed to read [" + file + "]: " + e.getMessage()
                + " (put the file under the Elasticsearch config directory)", e);
        }
    }

    static List<String> readLines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                out.add(trimmed);
            }
        }
        return out;
    }

    /** Reads a resource that ships inside this plugin's jar. */
    static List<String> readResource(String name) {
        try (InputStream in = ConfigFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource [" + name + "] is missing from the plugin jar");
            }
            return readLines(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasText(String s) {
        return s != null && s.isBlank() == false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
