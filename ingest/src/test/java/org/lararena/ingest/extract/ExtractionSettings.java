package org.lararena.ingest.extract;

import java.time.Duration;
import org.lararena.platform.LararenaConfig;

/**
 * Extraction settings for tests: {@link LararenaConfig.Extraction#defaults()} with the few limits a test changes, so
 * the configuration itself holds no test-only methods. {@link #build()} checks the values as the configuration does.
 */
public final class ExtractionSettings {

    private final LararenaConfig.Extraction defaults = LararenaConfig.Extraction.defaults();
    private Duration timePerFile = defaults.timePerFile();
    private int workerHeapMegabytes = defaults.workerHeapMegabytes();
    private int maxOutputCharacters = defaults.maxOutputCharacters();
    private int workers = defaults.workers();
    private int filesPerWorker = defaults.filesPerWorker();
    private boolean ocr = defaults.ocr();
    private LararenaConfig.Extraction.ContainerLimits containers = defaults.containers();

    private ExtractionSettings() {
    }

    /** The defaults without OCR: most tests do not read scans, and Tesseract may be missing. */
    public static ExtractionSettings withoutOcr() {
        return new ExtractionSettings().ocr(false);
    }

    /** The defaults, OCR included. */
    public static ExtractionSettings defaults() {
        return new ExtractionSettings();
    }

    public ExtractionSettings timePerFile(Duration value) {
        timePerFile = value;
        return this;
    }

    public ExtractionSettings workerHeapMegabytes(int value) {
        workerHeapMegabytes = value;
        return this;
    }

    public ExtractionSettings maxOutputCharacters(int value) {
        maxOutputCharacters = value;
        return this;
    }

    public ExtractionSettings workers(int value) {
        workers = value;
        return this;
    }

    public ExtractionSettings filesPerWorker(int value) {
        filesPerWorker = value;
        return this;
    }

    public ExtractionSettings ocr(boolean value) {
        ocr = value;
        return this;
    }

    public ExtractionSettings containers(LararenaConfig.Extraction.ContainerLimits value) {
        containers = value;
        return this;
    }

    public LararenaConfig.Extraction build() {
        return new LararenaConfig.Extraction(timePerFile, workerHeapMegabytes, maxOutputCharacters, defaults.maxPackageDepth(),
                defaults.maxCompressionRatio(), defaults.zipBombThresholdCharacters(), defaults.maxXmlDepth(), workers, filesPerWorker, ocr,
                containers);
    }
}
