package org.lararena.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.ServiceSupervisor;

/**
 * The managed servers of one {@code ./lararena up}, each under a {@link ServiceSupervisor}, and the run state file
 * that tells {@code ./lararena status} and {@code down} about them: rewritten whenever a server dies, comes back
 * or is given up, so {@code status} names a server while it is away.
 */
final class SupervisedServers implements AutoCloseable {

    private final LararenaConfig config;
    private final RunState run;
    private final List<ManagedInstance> instances;
    private final List<ServiceSupervisor> supervisors = new CopyOnWriteArrayList<>();
    private boolean applicationStarted;

    /** @param instances the application instances run as processes of their own (none: the application runs in this one) */
    SupervisedServers(LararenaConfig config, RunState run, List<ManagedInstance> instances) {
        this.config = Objects.requireNonNull(config);
        this.run = Objects.requireNonNull(run);
        this.instances = List.copyOf(instances);
        writeRunState();
    }

    /** Starts one server (returning once it answers) and keeps it running from then on. */
    ServiceSupervisor supervise(String service, String displayName, Supplier<ManagedProcess> starter) {
        ServiceSupervisor supervisor = ServiceSupervisor.start(service, displayName, starter, config.supervision(), status -> writeRunState());
        supervisors.add(supervisor);
        return supervisor;
    }

    /** What each supervised server is doing now (for {@code /health}). */
    List<ServiceSupervisor.Status> statuses() {
        return supervisors.stream().map(ServiceSupervisor::status).toList();
    }

    /**
     * From now on the run state file says the platform runs; until now it said the platform is starting (written from
     * the start, and at every change of a server), so that {@code status} and {@code down} find a starting platform too.
     */
    synchronized void applicationStarted() {
        applicationStarted = true;
        writeRunState();
    }

    private synchronized void writeRunState() {
        JsonObject services = new JsonObject();
        statuses().forEach(status -> services.put(status.service(), new JsonObject()
                .put("state", status.state().wireName())
                .put("detail", status.detail())
                .put("since", status.since().toString())
                .put("deathsInWindow", status.deathsInWindow())
                .put("pid", status.pid())));
        run.write(new JsonObject()
                .put("pid", ProcessHandle.current().pid())
                .put("starting", !applicationStarted)
                .put("url", config.publicUrl().toString())
                .put("elasticsearch", new JsonObject().put("url", config.elasticsearch().urls().get(0).toString())
                        .put("urls", new JsonArray(config.elasticsearch().urls().stream().map(URI::toString).toList()))
                        .put("managed", config.elasticsearch().managed()))
                .put("keycloak", new JsonObject().put("url", config.keycloak().url().toString())
                        .put("managed", config.keycloak().managed()))
                .put("rdf", new JsonObject().put("url", config.rdf().url().map(URI::toString).orElse(null))
                        .put("managed", config.rdf().managed()))
                .put("instances", new JsonArray(instances.stream().map(instance -> new JsonObject()
                        .put("service", instance.service()).put("url", instance.url().toString())).toList()))
                .put("services", services)
                .put("serverPids", statuses().stream().filter(status -> status.pid() != 0).map(ServiceSupervisor.Status::pid).toList()));
    }

    /** Stops every server for good, the last started first. */
    @Override
    public void close() {
        supervisors.reversed().forEach(ServiceSupervisor::close);
    }
}
