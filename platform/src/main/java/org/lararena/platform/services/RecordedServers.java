package org.lararena.platform.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The server processes a run wrote down in a file of its own, told apart from whatever now has their process ids.
 * A run that ends without stopping its servers (killed outright, or by the machine running out of memory) leaves
 * them running, holding their ports and Elasticsearch's data lock, and the next start fails on that lock. The next
 * run (or {@code ./lararena down}) stops them from what was written down; this class says which of the written ids
 * are still those servers, so that nothing else is stopped.
 */
public final class RecordedServers {

    /** Words one of the command lines of the servers holds (the launchers' and the scripts'). */
    private static final List<String> SERVER_WORDS = List.of("elasticsearch", "keycloak", "kc.sh", "fuseki", "lararena");

    private RecordedServers() {
    }

    /**
     * Of {@code pids}, written down in {@code file}, the processes that still run and are the ones written down: a
     * process counts only if it started before the file was last written and {@code ours} recognises it, so an id the
     * system has since given to another program is left alone. A handle keeps its process's start time, so one taken
     * here is not alive for a later process that reuses the id.
     */
    public static List<ProcessHandle> stillRunning(Path file, Collection<Long> pids, Predicate<ProcessHandle> ours) {
        Instant written;
        try {
            written = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return List.of();
        }
        List<ProcessHandle> running = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(started -> started.isBefore(written)).orElse(false))
                    .filter(ours)
                    .ifPresent(running::add);
        }
        return running;
    }

    /** Whether {@code process} is one of the platform's servers (Elasticsearch, Keycloak, Fuseki, Lärarena), by its command line. */
    public static boolean isPlatformServer(ProcessHandle process) {
        String command = process.info().commandLine().orElse("").toLowerCase(Locale.ROOT);
        return SERVER_WORDS.stream().anyMatch(command::contains);
    }
}
