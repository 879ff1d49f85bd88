package org.lararena.platform.services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lararena.platform.LararenaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one managed server running: when its process ends without being asked to, the death is logged with its
 * exit status and the last lines of the server's own log, and the server is started again after a back-off that
 * doubles with each death. Too many deaths within the window is a crash loop: the supervisor stops trying and
 * says what to do, rather than restarting a server that cannot live for ever.
 *
 * <p>Everything that waits for the server (the durable indexing queue, token checks) resumes by itself once it
 * answers again; the supervisor only brings it back.
 */
public final class ServiceSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSupervisor.class);
    /** Lines of the server's own log quoted when it dies. */
    static final int LOG_LINES_QUOTED = 20;
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);

    /** Where a supervised server stands. */
    public enum State {
        RUNNING("running"), RESTARTING("restarting"), GAVE_UP("gave up"), STOPPED("stopped");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * What is known of one server now. {@code service}: its short name ({@code elasticsearch}, {@code keycloak});
     * {@code detail}: a sentence for people; {@code pid}: the running process, or 0 while it is away.
     */
    public record Status(String service, State state, String detail, int deathsInWindow, long pid, Instant since) {
        public boolean away() {
            return state == State.RESTARTING || state == State.GAVE_UP;
        }
    }

    private final String service;
    private final String displayName;
    private final Supplier<ManagedProcess> starter;
    private final LararenaConfig.Supervision policy;
    private final Consumer<Status> listener;
    private final Clock clock;
    private final ScheduledExecutorService restarts;
    private final Deque<Instant> deaths = new ArrayDeque<>();
    private ManagedProcess process;
    /** The log of the last process started: quoted in the crash-loop message when no process runs. */
    private Path logFile;
    /** Read without the lock, so a listener may ask every supervisor for its status while one of them holds its own. */
    private volatile Status status;
    private boolean stopping;

    private ServiceSupervisor(String service, String displayName, Supplier<ManagedProcess> starter,
                              LararenaConfig.Supervision policy, Consumer<Status> listener, Clock clock) {
        this.service = Objects.requireNonNull(service);
        this.displayName = Objects.requireNonNull(displayName);
        this.starter = Objects.requireNonNull(starter);
        this.policy = Objects.requireNonNull(policy);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lararena-supervisor-" + service);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the server with {@code starter} (which returns once it answers) and supervises it from then on. A first
     * start that fails is not retried: it throws, as before supervision, so {@code ./lararena up} stops with the cause.
     *
     * @param listener told of every change of {@link Status}, on the supervisor's own thread
     */
    public static ServiceSupervisor start(String service, String displayName, Supplier<ManagedProcess> starter,
                                          LararenaConfig.Supervision policy, Consumer<Status> listener) {
        ServiceSupervisor supervisor = new ServiceSupervisor(service, displayName, starter, policy, listener, Clock.systemUTC());
        ManagedProcess first = starter.get();
        synchronized (supervisor) {
            supervisor.running(first, displayName + " is running");
        }
        return supervisor;
    }

    public Status status() {
        return status;
    }

    public String service() {
        return service;
    }

    /** Stops the server for good (no restart follows). */
    @Override
    public void close() {
        ManagedProcess last;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            last = process;
            status = new Status(service, State.STOPPED, displayName + " was stopped", deaths.size(), 0, clock.instant());
        }
        restarts.shutdownNow();
        if (last != null) {
            last.stop();
        }
    }

    private void running(ManagedProcess started, String detail) {
        process = started;
        logFile = started.logFile();
        publish(new Status(service, State.RUNNING, detail, deaths.size(), started.pid(), clock.instant()));
        started.onExit().thenRun(() -> died(started));
    }

    private void died(ManagedProcess dead) {
        synchronized (this) {
            if (stopping || dead != process) {
                return;
            }
            process = null;
        }
        // Whatever the dead process left behind (Elasticsearch's server JVM under its launcher) must not hold the port.
        dead.stop();
        failed(displayName + " (process " + dead.pid() + ") died with " + exitDescription(dead.exitValue()),
                dead.lastLogLines(LOG_LINES_QUOTED));
    }

    /** A death, or a restart that failed: count it, then restart after the back-off or give up. */
    private synchronized void failed(String what, String lastLogLines) {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        deaths.addLast(now);
        while (!deaths.isEmpty() && deaths.peekFirst().isBefore(now.minus(policy.window()))) {
            deaths.removeFirst();
        }
        LOG.error("{}. The last lines of its log:\n{}", what, lastLogLines);
        if (deaths.size() >= policy.maxDeaths()) {
            String gaveUp = displayName + " died " + deaths.size() + " times within " + policy.window().toMinutes()
                    + " minutes and is not restarted again (a crash loop). Read its log (" + logFileName() + ") for the cause"
                    + " (a full disk, too little memory: raise its heap, a broken plugin or configuration), fix it, then stop"
                    + " Lärarena (./lararena down) and start it again (./lararena up). LARARENA_RESTART_MAX_DEATHS and"
                    + " LARARENA_RESTART_WINDOW_SECONDS set how many deaths count as a crash loop.";
            LOG.error(gaveUp);
            publish(new Status(service, State.GAVE_UP, gaveUp, deaths.size(), 0, now));
            return;
        }
        Duration backoff = backoff(deaths.size());
        LOG.warn("Restarting {} in {} s (death {} of at most {} within {} minutes)", displayName, backoff.toSeconds(),
                deaths.size(), policy.maxDeaths(), policy.window().toMinutes());
        publish(new Status(service, State.RESTARTING, what + "; restarting it (death " + deaths.size() + " of at most "
                + policy.maxDeaths() + " within " + policy.window().toMinutes() + " minutes)", deaths.size(), 0, now));
        restarts.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        synchronized (this) {
            if (stopping) {
                return;
            }
        }
        LOG.info("Starting {} again", displayName);
        ManagedProcess started;
        try {
            started = starter.get();
        } catch (RuntimeException e) {
            failed(displayName + " could not be started again: " + e.getMessage(), "(see the message above)");
            return;
        }
        synchronized (this) {
            if (stopping) {
                started.stop();
                return;
            }
            LOG.info("{} is running again (process {})", displayName, started.pid());
            running(started, displayName + " is running again after " + deaths.size() + " recent deaths");
        }
    }

    /** The first back-off after one death, doubling with each further death in the window, at most a minute. */
    Duration backoff(int deathsInWindow) {
        Duration wait = policy.firstBackoff().multipliedBy(1L << Math.min(20, deathsInWindow - 1));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    private String logFileName() {
        return logFile != null ? logFile.toString() : "the service's logs in the data directory";
    }

    private void publish(Status next) {
        status = next;
        try {
            listener.accept(next);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the state of {}: {}", displayName, e.getMessage());
        }
    }

    /** Exit statuses above 128 are a signal (Java reports 128 + its number, as shells do). */
    static String exitDescription(int exit) {
        if (exit > 128 && exit < 128 + 65) {
            int signal = exit - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL: killed, perhaps by the kernel's out-of-memory killer)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
            return "exit status " + exit + ", signal " + signal + name;
        }
        return "exit status " + exit;
    }
}
