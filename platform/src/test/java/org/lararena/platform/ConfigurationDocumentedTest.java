package org.lararena.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.platform.testing.ProjectSources;

/**
 * The README's configuration table and the code agree: every {@code LARARENA_*} variable the main sources (as a
 * string literal) or the {@code ./lararena} launcher read has a row, every row names a variable something reads,
 * and no document names a variable nothing reads (a misspelt name in a guide is a setting that silently does
 * nothing).
 */
class ConfigurationDocumentedTest {

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"(LARARENA_[A-Z0-9_]+)\"");
    private static final Pattern NAME = Pattern.compile("LARARENA_[A-Z0-9_]+");
    /** A row of the table: its first cell holds the variable in backticks. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(LARARENA_[A-Z0-9_]+)` \\|", Pattern.MULTILINE);
    /** Shell scripts that read variables themselves, before the Java code runs. */
    private static final List<String> SCRIPTS = List.of("lararena", ".mvn/find-jdk.sh");

    private static Path project;
    private static Set<String> read;

    @BeforeAll
    static void scan() throws IOException {
        project = ProjectSources.projectDirectory();
        assertThat(project.resolve("README.md")).as("the project's README (lararena.project.dir=%s)", project).isRegularFile();
        read = new TreeSet<>();
        ProjectSources.mainJavaSources().forEach(file -> collect(JAVA_LITERAL, ProjectSources.read(file), read));
        for (String script : SCRIPTS) {
            Path file = project.resolve(script);
            if (Files.isRegularFile(file)) {
                collect(NAME, ProjectSources.read(file), read);
            }
        }
    }

    @Test
    void theScanFindsTheVariablesTheConfigurationParses() {
        // Guards the scan itself: were it to find nothing, the checks below would pass vacuously.
        assertThat(read).contains("LARARENA_DATA_DIR", "LARARENA_HTTP_PORT", "LARARENA_TOKEN", "LARARENA_JAVA_OPTS");
    }

    @Test
    void everyVariableTheCodeReadsHasARowInTheReadmeConfigurationTable() {
        assertThat(ProjectSources.missing(read, readmeTableRows())).as("variables the code reads without a row in README.md's Configuration table")
                .isEmpty();
    }

    @Test
    void everyRowOfTheReadmeConfigurationTableNamesAVariableTheCodeReads() {
        assertThat(ProjectSources.missing(readmeTableRows(), read)).as("rows of README.md's Configuration table naming a variable nothing reads")
                .isEmpty();
    }

    @Test
    void noGuideNamesAVariableThatNothingReads() throws IOException {
        Set<String> mentioned = new TreeSet<>();
        for (String guide : List.of("README.md", "CONTRIBUTING.md")) {
            if (Files.isRegularFile(project.resolve(guide))) {
                collect(NAME, ProjectSources.read(project.resolve(guide)), mentioned);
            }
        }
        Path docs = project.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).forEach(file -> collect(NAME, ProjectSources.read(file), mentioned));
            }
        }
        assertThat(ProjectSources.missing(mentioned, read)).as("variables README.md, CONTRIBUTING.md or docs/*.md name that nothing reads").isEmpty();
    }

    /** The variables of the README's Configuration section, one per table row. */
    private static Set<String> readmeTableRows() {
        String readme = ProjectSources.read(project.resolve("README.md"));
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("README.md has a section ## Configuration").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> rows = new TreeSet<>();
        collect(TABLE_ROW, section, rows);
        return rows;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
    }
}
