package org.lararena.platform.services;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The server processes a run left behind, told apart from every other program. A run that ends without stopping its
 * servers (killed outright, or by the machine running out of memory) leaves them running, holding their ports and
 * Elasticsearch's data lock, and the next start fails on that lock. The next run (or {@code ./lararena down}) finds
 * them by the ids it wrote down ({@link #stillRunning}) or by where they run ({@link #runningFrom}), and stops them
 * ({@link #stop}); nothing else is stopped.
 */
public final class RecordedServers {

    /** Words one of the command lines of the servers holds (the launchers' and the scripts'). */
    private static final List<String> SERVER_WORDS = List.of("elasticsearch", "keycloak", "kc.sh", "fuseki", "lararena");

    /** How long a left-behind server is given to end before it is forced. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

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

    /**
     * The platform's servers that run from {@code dir} (a data directory, or the test harness's): those whose command
     * line gives a home or store inside it the way the managed servers are started (Elasticsearch's
     * {@code -Des.path.home=} and {@code path.data=}, Keycloak's {@code -Dkc.home.dir=}, Fuseki's {@code --loc=}), so a
     * program that merely names a file there is not one. With the directory's lock held no live run uses it: these are
     * what a killed run left, those it was still starting, and had not written down, among them.
     */
    public static List<ProcessHandle> runningFrom(Path dir) {
        String inside = dir.toAbsolutePath().normalize() + File.separator;
        List<String> marks = List.of("-Des.path.home=" + inside, "path.data=" + inside, "-Dkc.home.dir=" + inside, "--loc=" + inside);
        ProcessHandle self = ProcessHandle.current();
        return ProcessHandle.allProcesses()
                .filter(process -> !process.equals(self))
                .filter(process -> process.info().commandLine().map(command -> marks.stream().anyMatch(command::contains)).orElse(false))
                .toList();
    }

    /**
     * Stops each of {@code servers}, its whole process tree, gently first, after saying on {@code out} which one and
     * who left it ({@code leftBy}, e.g. "an earlier ./lararena up").
     */
    public static void stop(List<ProcessHandle> servers, String leftBy, PrintStream out) {
        for (ProcessHandle server : servers) {
            out.println("Stopping process " + server.pid() + " (" + server.info().command().orElse("a server") + "), which " + leftBy
                    + " started and left running when it ended without stopping it…");
            ManagedProcess.stopTree(server, STOP_GRACE);
        }
    }

    /** Whether {@code process} is one of the platform's servers (Elasticsearch, Keycloak, Fuseki, Lärarena), by its command line. */
    public static boolean isPlatformServer(ProcessHandle process) {
        String command = process.info().commandLine().orElse("").toLowerCase(Locale.ROOT);
        return SERVER_WORDS.stream().anyMatch(command::contains);
    }
}
