package org.lararena.ingest.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and pool settings of the {@link DocumentExtractor}. Every parse runs under all of these limits;
 * {@link #defaults()} gives values that suit reports, transcripts and slide decks on a small server.
 *
 * @param timePerFile           the longest one file may take to parse; the worker is killed after it
 *                              (default 60 s)
 * @param workerHeapMegabytes   the maximum heap ({@code -Xmx}) of each worker JVM; a file that needs more
 *                              fails alone with {@link ExtractionException.Kind#OUT_OF_MEMORY} (default 512)
 * @param maxOutputCharacters   the most text one file may yield (default 20 000 000 characters)
 * @param maxPackageDepth       how deeply archives and attachments may nest inside a file (an e-mail with a
 *                              zip inside a zip is depth 2) before the file is refused (default 5)
 * @param maxCompressionRatio   how many characters of output per byte of compressed input are believed
 *                              once output passes {@link #zipBombThresholdCharacters}; beyond it the file is
 *                              refused as a zip bomb (Tika's {@code SecureContentHandler}, default 100)
 * @param zipBombThresholdCharacters output below this size is never called a zip bomb (default 1 000 000)
 * @param maxXmlDepth           the deepest XML element nesting accepted (default 100)
 * @param workers               how many worker JVMs may parse at the same time (default 1: on a two-core
 *                              server the rest of the pipeline needs the other core)
 * @param filesPerWorker        a worker is replaced by a fresh one after this many files, so that leaks in
 *                              parsers cannot build up (default 2000: a fresh worker costs a JVM start and a cold
 *                              JIT, which at 200 made extraction twice as slow as a warm worker)
 * @param ocr                   whether scanned pages and images are read with Tesseract's Swedish model
 *                              when {@code tesseract} and its {@code swe} data are installed (default true)
 * @param containers            how many files an archive, messages a mailbox and rows a spreadsheet may hold
 */
public record ExtractionConfig(Duration timePerFile, int workerHeapMegabytes, int maxOutputCharacters,
        int maxPackageDepth, long maxCompressionRatio, long zipBombThresholdCharacters, int maxXmlDepth,
        int workers, int filesPerWorker, boolean ocr, ContainerLimits containers) {

    /**
     * Limits of files that hold many parts. Each part of an archive or mailbox becomes a document of its own.
     *
     * @param maxArchiveFiles    the most documents one archive may hold, nested archives' included (default 1000)
     * @param maxArchiveBytes    the most an archive may unpack to, nested archives' included (default 1 000 MB); the
     *                           expansion budget ({@code maxCompressionRatio} times the archive's size) applies as well
     * @param maxArchiveDepth    how many archives and e-mails may enclose a document inside one file: a document in a
     *                           zip in a zip is at 2, as is one in a zip attached to an e-mail (default 2)
     * @param maxMailboxMessages the most messages one mbox may hold (default 1000)
     * @param maxSpreadsheetRows the most rows one spreadsheet may have, all sheets together (default 100 000)
     */
    public record ContainerLimits(int maxArchiveFiles, long maxArchiveBytes, int maxArchiveDepth, int maxMailboxMessages,
            int maxSpreadsheetRows) {

        public ContainerLimits {
            requirePositive(maxArchiveFiles, "maxArchiveFiles");
            requirePositive(maxArchiveBytes, "maxArchiveBytes");
            requirePositive(maxArchiveDepth, "maxArchiveDepth");
            requirePositive(maxMailboxMessages, "maxMailboxMessages");
            requirePositive(maxSpreadsheetRows, "maxSpreadsheetRows");
        }

        public static ContainerLimits defaults() {
            return new ContainerLimits(1000, 1000L * 1024 * 1024, 2, 1000, 100_000);
        }
    }

    public ExtractionConfig {
        Objects.requireNonNull(timePerFile);
        requirePositive(timePerFile.toMillis(), "timePerFile");
        requirePositive(workerHeapMegabytes, "workerHeapMegabytes");
        requirePositive(maxOutputCharacters, "maxOutputCharacters");
        requirePositive(maxPackageDepth, "maxPackageDepth");
        requirePositive(maxCompressionRatio, "maxCompressionRatio");
        requirePositive(zipBombThresholdCharacters, "zipBombThresholdCharacters");
        requirePositive(maxXmlDepth, "maxXmlDepth");
        requirePositive(workers, "workers");
        requirePositive(filesPerWorker, "filesPerWorker");
        Objects.requireNonNull(containers);
    }

    /**
     * 60 s per file, 512 MB heap per worker, 20 M characters, 5 levels of nesting, one worker replaced after 2000
     * files, OCR when installed.
     */
    public static ExtractionConfig defaults() {
        return new ExtractionConfig(Duration.ofSeconds(60), 512, 20_000_000, 5, 100, 1_000_000, 100, 1, 2000, true,
                ContainerLimits.defaults());
    }

    public ExtractionConfig withTimePerFile(Duration value) {
        return new ExtractionConfig(value, workerHeapMegabytes, maxOutputCharacters, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, ocr, containers);
    }

    public ExtractionConfig withWorkerHeapMegabytes(int value) {
        return new ExtractionConfig(timePerFile, value, maxOutputCharacters, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, ocr, containers);
    }

    public ExtractionConfig withMaxOutputCharacters(int value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, value, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, ocr, containers);
    }

    public ExtractionConfig withMaxPackageDepth(int value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, maxOutputCharacters, value,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, ocr, containers);
    }

    public ExtractionConfig withMaxCompressionRatio(long value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, maxOutputCharacters, maxPackageDepth,
                value, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, ocr, containers);
    }

    public ExtractionConfig withWorkers(int value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, maxOutputCharacters, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, value, filesPerWorker, ocr, containers);
    }

    public ExtractionConfig withFilesPerWorker(int value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, maxOutputCharacters, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, value, ocr, containers);
    }

    public ExtractionConfig withOcr(boolean value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, maxOutputCharacters, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, value, containers);
    }

    public ExtractionConfig withContainers(ContainerLimits value) {
        return new ExtractionConfig(timePerFile, workerHeapMegabytes, maxOutputCharacters, maxPackageDepth,
                maxCompressionRatio, zipBombThresholdCharacters, maxXmlDepth, workers, filesPerWorker, ocr, value);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
