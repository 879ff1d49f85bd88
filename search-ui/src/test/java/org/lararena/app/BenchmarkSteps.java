package org.lararena.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lararena.ingest.StepTimings;
import org.slf4j.LoggerFactory;

/**
 * What the ingest benchmarks share: capturing {@link StepTimings}, printing each step's share, the machine's load, and
 * the settings a run changes.
 */
final class BenchmarkSteps {

    private BenchmarkSteps() {
    }

    /**
     * Prints each ingest step's share of the work, the longest write transaction of annotation storage, and the
     * slowest subjects of extraction, storage and indexing, named through {@code names} where known.
     */
    static void shares(List<ILoggingEvent> events, Map<String, String> names) {
        Map<String, Long> micros = new LinkedHashMap<>();
        for (StepTimings.Step step : StepTimings.Step.values()) {
            micros.put(step.name(), 0L);
        }
        long longestWrite = 0;
        List<ILoggingEvent> stepEvents = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(events)) {
            Object[] arguments = event.getArgumentArray();
            if (!(arguments[0] instanceof StepTimings.Step step)) {
                // A write transaction of a run's step (StepTimings.recordWrite): its time is in the step's own line too.
                longestWrite = Math.max(longestWrite, ((Number) arguments[1]).longValue());
                continue;
            }
            stepEvents.add(event);
            micros.merge(step.name(), ((Number) arguments[2]).longValue(), Long::sum);
        }
        long total = micros.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder shares = new StringBuilder();
        micros.forEach((step, us) -> shares.append(String.format("%s %.1f %% (%.1f s), ", step.toLowerCase(), 100.0 * us / Math.max(1, total), us / 1e6)));
        System.out.printf("share of the ingest work by step: %s%nlongest write transaction of annotation storage: %.0f ms%n", shares, longestWrite / 1e3);
        for (StepTimings.Step step : List.of(StepTimings.Step.EXTRACTION, StepTimings.Step.STORAGE, StepTimings.Step.INDEXING)) {
            String slowest = stepEvents.stream().filter(e -> e.getArgumentArray()[0] == step)
                    .sorted(Comparator.comparingLong((ILoggingEvent e) -> ((Number) e.getArgumentArray()[2]).longValue()).reversed())
                    .limit(5)
                    .map(e -> String.format("%s %.2f s", names.getOrDefault(e.getArgumentArray()[1].toString(), e.getArgumentArray()[1].toString()),
                            ((Number) e.getArgumentArray()[2]).longValue() / 1e6))
                    .collect(Collectors.joining(", "));
            System.out.printf("slowest %s: %s%n", step.name().toLowerCase(), slowest);
        }
    }

    /** Collects {@link StepTimings}' debug events (and only those) while the benchmark runs. */
    static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(StepTimings.class);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                synchronized (this) {
                    super.append(event);
                }
            }
        };
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    /** Stops collecting into {@code appender}, so that a second run of the same benchmark collects apart. */
    static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(StepTimings.class)).detachAppender(appender);
        appender.stop();
    }

    static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The application's settings a run is asked to change, so two runs of one benchmark can compare a setting's values:
     * {@code -Dbench.settings=LARARENA_ANNOTATION_STEP_MS=100,LARARENA_ANNOTATION_BATCH_PASSAGES=100}; empty when not given.
     */
    static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : System.getProperty("bench.settings", "").split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            String[] nameAndValue = setting.split("=", 2);
            if (nameAndValue.length != 2 || !nameAndValue[0].strip().startsWith("LARARENA_")) {
                throw new IllegalArgumentException("bench.settings takes LARARENA_NAME=value pairs separated by commas, not " + setting);
            }
            settings.put(nameAndValue[0].strip(), nameAndValue[1].strip());
        }
        return settings;
    }

}
