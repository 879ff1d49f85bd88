package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;

/** A file that overruns its time or memory fails alone, and the extractor goes on with a fresh worker. */
class WorkerIsolationTest {

    @TempDir
    Path dir;

    @Test
    void aParseThatOverrunsItsTimeFailsWithTheLimitAndTheNextFileSucceeds() throws Exception {
        Path slow = GeneratedFixtures.pdf(dir, "lang.pdf", Collections.nCopies(1500,
                "Sida om samverkan mellan kommun och region, vårdcentral och hemsjukvård."));
        Path quick = Files.writeString(dir.resolve("kort.txt"), "Kort anteckning om vården.");
        LararenaConfig.Extraction config = ExtractionSettings.withoutOcr().timePerFile(Duration.ofMillis(300)).build();
        try (DocumentExtractor extractor = new DocumentExtractor(config)) {
            extractor.warmUp();

            ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                    () -> extractor.extract(slow, "lang.pdf", null));

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure.reason()).isEqualTo("Tidsgränsen på 0,3 s överskreds när filen lästes.");
            assertThat(extractor.extract(quick, "kort.txt", null).text()).isEqualTo("Kort anteckning om vården.");
        }
    }

    @Test
    void aParseThatExhaustsTheWorkerHeapFailsAloneAndTheNextFileSucceeds() throws Exception {
        Path huge = dir.resolve("enorm.txt");
        byte[] line = "Anteckning om v\u00e5rd och omsorg i kommunen.\n".getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(huge)) {
            for (int written = 0; written < 70_000_000; written += line.length) {
                out.write(line);
            }
        }
        Path quick = Files.writeString(dir.resolve("kort.txt"), "Kort anteckning om vården.");
        LararenaConfig.Extraction config = ExtractionSettings.withoutOcr().workerHeapMegabytes(96).build();
        try (DocumentExtractor extractor = new DocumentExtractor(config)) {
            ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                    () -> extractor.extract(huge, "enorm.txt", null));

            assertThat(failure.kind()).isEqualTo(Kind.OUT_OF_MEMORY);
            assertThat(failure.reason()).contains("96 MB");
            assertThat(extractor.extract(quick, "kort.txt", null).text()).isEqualTo("Kort anteckning om vården.");
        }
    }

    @Test
    void aWorkerIsReplacedAfterItsQuotaOfFilesAndExtractionGoesOn() throws Exception {
        Path file = Files.writeString(dir.resolve("kort.txt"), "Kort anteckning om vården.");
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.withoutOcr().workers(1).filesPerWorker(2).build())) {
            for (int i = 0; i < 8; i++) {
                assertThat(extractor.extract(file, "kort.txt", null).text()).isEqualTo("Kort anteckning om vården.");
                // The worker in use and at most one replacement warming up beside it: spares never pile up.
                assertThat(workerProcesses()).as("worker JVMs after file %d", i + 1).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void aWorkersTemporaryFilesStayInsideTheWorkDirectoryAndGoWithTheWorker() throws Exception {
        Path work = dir.resolve("data").resolve("extraction");
        Path left = Files.createDirectories(work.resolve("worker-of-a-run-that-crashed"));
        Files.writeString(left.resolve("spooled.tmp"), "kvarlämnad");
        // An e-mail with an archive inside: the parsers spool the attachments to temporary files.
        Path email = GeneratedFixtures.emailWithNestedArchives(dir, "bilagor.eml", 1);
        // One worker, so the warm-up starts exactly one process to look at.
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.withoutOcr().workers(1).build(), work)) {
            assertThat(left).as("left by an earlier run").doesNotExist();
            extractor.warmUp();

            // The warm-up wrote and read its samples already; the worker's temporary directory is the work directory's.
            assertThat(workerArguments()).singleElement().asString()
                    .contains("-Djava.io.tmpdir=" + work.toAbsolutePath().resolve("worker-"));
            assertThat(work).isDirectoryContaining(path -> path.getFileName().toString().startsWith("worker-"));
            assertThat(extractor.extract(email, "bilagor.eml", null).text()).isNotBlank();
        }

        assertThat(work).as("nothing is left once the workers have ended").isEmptyDirectory();
    }

    /** The command lines of this JVM's worker processes, read from {@code /proc} (the test is skipped without it). */
    private static List<String> workerArguments() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Skipped: reading a worker's command line needs Linux's /proc");
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> {
                    try {
                        return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")), StandardCharsets.UTF_8)
                                .replace('\0', ' ');
                    } catch (IOException gone) {
                        return "";
                    }
                })
                .filter(arguments -> arguments.contains(ExtractionWorker.class.getName()))
                .toList();
    }

    private static long workerProcesses() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(ExtractionWorker.class.getName())).orElse(false))
                .count();
    }
}
