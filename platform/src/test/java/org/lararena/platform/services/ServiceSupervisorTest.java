package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaConfig;

/**
 * The supervisor with real processes standing in for a server (a shell that writes a log line and waits, or one
 * that dies at once): killed, it is started again; dying over and over, it is given up with a message saying what
 * to do; stopped on purpose, it stays stopped.
 */
class ServiceSupervisorTest {

    private static final LararenaConfig.Supervision QUICK = new LararenaConfig.Supervision(3, Duration.ofMinutes(10), Duration.ZERO);

    @TempDir
    Path dir;

    private final List<ServiceSupervisor.Status> published = new CopyOnWriteArrayList<>();

    @Test
    void aKilledServerIsStartedAgainAndItsDeathIsReportedWithExitStatusAndLog() {
        AtomicInteger starts = new AtomicInteger();
        try (ServiceSupervisor supervisor = ServiceSupervisor.start("demo", "Demo server",
                shell("echo ready; exec sleep 300", starts), QUICK, published::add)) {
            long firstPid = supervisor.status().pid();
            assertThat(supervisor.status().state()).isEqualTo(ServiceSupervisor.State.RUNNING);

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

            await(() -> supervisor.status().state() == ServiceSupervisor.State.RUNNING && supervisor.status().pid() != firstPid);
            assertThat(starts).hasValue(2);
            ServiceSupervisor.Status away = published.stream().filter(ServiceSupervisor.Status::away).findFirst().orElseThrow();
            assertThat(away.state()).isEqualTo(ServiceSupervisor.State.RESTARTING);
            assertThat(away.detail()).contains("Demo server").contains("died with exit status 137").contains("SIGKILL")
                    .contains("restarting it");
        }
    }

    @Test
    void aCrashLoopIsGivenUpWithWhatToDo() {
        AtomicInteger starts = new AtomicInteger();
        try (ServiceSupervisor supervisor = ServiceSupervisor.start("demo", "Demo server",
                shell("echo 'fatal: disk full in data path'; sleep 0.2; exit 3", starts), QUICK, published::add)) {

            await(() -> supervisor.status().state() == ServiceSupervisor.State.GAVE_UP);

            assertThat(starts).as("started once, then again until the third death").hasValue(3);
            assertThat(supervisor.status().detail()).contains("died 3 times").contains("crash loop")
                    .contains("./lararena down").contains("./lararena up").contains("LARARENA_RESTART_MAX_DEATHS")
                    .contains(dir.resolve("demo.log").toString());
            assertThat(published).anySatisfy(status -> assertThat(status.detail()).contains("exit status 3"));
        }
    }

    @Test
    void aServerStoppedOnPurposeIsNotRestarted() {
        AtomicInteger starts = new AtomicInteger();
        ServiceSupervisor supervisor = ServiceSupervisor.start("demo", "Demo server", shell("exec sleep 300", starts), QUICK, published::add);
        long pid = supervisor.status().pid();

        supervisor.close();

        await(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(supervisor.status().state()).isEqualTo(ServiceSupervisor.State.STOPPED);
        assertThat(starts).hasValue(1);
    }

    @Test
    void theBackoffDoublesWithEachDeathUpToAMinute() {
        ServiceSupervisor supervisor = ServiceSupervisor.start("demo", "Demo server", shell("exec sleep 300", new AtomicInteger()),
                new LararenaConfig.Supervision(100, Duration.ofMinutes(10), Duration.ofSeconds(2)), published::add);
        try (supervisor) {
            assertThat(supervisor.backoff(1)).hasSeconds(2);
            assertThat(supervisor.backoff(2)).hasSeconds(4);
            assertThat(supervisor.backoff(3)).hasSeconds(8);
            assertThat(supervisor.backoff(40)).hasSeconds(60);
        }
    }

    @Test
    void exitStatusesOfSignalsAreNamed() {
        assertThat(ServiceSupervisor.exitDescription(1)).isEqualTo("exit status 1");
        assertThat(ServiceSupervisor.exitDescription(137)).contains("signal 9").contains("SIGKILL");
        assertThat(ServiceSupervisor.exitDescription(143)).contains("signal 15");
    }

    private Supplier<ManagedProcess> shell(String script, AtomicInteger starts) {
        return () -> {
            starts.incrementAndGet();
            return ManagedProcess.start("Demo server", List.of("sh", "-c", script), Map.of(), dir, dir.resolve("demo.log"));
        };
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within 30 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
