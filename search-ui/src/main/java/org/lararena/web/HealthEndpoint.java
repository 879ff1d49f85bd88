package org.lararena.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.lararena.ontology.store.remote.RemoteTransactions;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ServiceSupervisor;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.auth.TokenAuthentication;

/**
 * {@code GET /health}: 200 when Elasticsearch, Keycloak's keys and the Jena store all answer; 503 naming each
 * one that does not. Asked again on every call, so it recovers by itself when a dependency returns.
 */
public final class HealthEndpoint {

    private final Vertx vertx;
    private final ElasticsearchClient elasticsearch;
    private final TokenAuthentication authentication;
    private final Dataset jena;
    private final Optional<Dataset> suggestionJena;
    private final Supplier<List<ServiceSupervisor.Status>> managedServers;
    private final Optional<RemoteTransactions> rdfStore;

    /**
     * @param managedServers the supervisors' word on the managed servers: one that is away (dead and restarting, or
     *                       given up) is down whatever its check says, with the supervisor's sentence as the detail
     * @param suggestionJena the embedded dataset of the annotator's undecided suggestions, beside {@code jena}
     * @param rdfStore       the shared RDF store the annotations live in, when they do not live in {@code jena}
     */
    public HealthEndpoint(Vertx vertx, ElasticsearchClient elasticsearch, TokenAuthentication authentication, Dataset jena,
                          Optional<Dataset> suggestionJena, Supplier<List<ServiceSupervisor.Status>> managedServers, Optional<RemoteTransactions> rdfStore) {
        this.rdfStore = Objects.requireNonNull(rdfStore);
        this.vertx = Objects.requireNonNull(vertx);
        this.elasticsearch = Objects.requireNonNull(elasticsearch);
        this.authentication = Objects.requireNonNull(authentication);
        this.jena = Objects.requireNonNull(jena);
        this.suggestionJena = Objects.requireNonNull(suggestionJena);
        this.managedServers = Objects.requireNonNull(managedServers);
    }

    public void addRoutes(Router router) {
        router.get("/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        Map<String, Future<String>> checks = new LinkedHashMap<>();
        checks.put("elasticsearch", blocking(() -> {
            var health = elasticsearch.cluster().health(h -> h.timeout(t -> t.time("2s")));
            return "cluster " + health.clusterName() + " is " + health.status().jsonValue();
        }));
        checks.put("keycloak", authentication.publishedKeyCount().map(keys -> {
            if (keys == 0) {
                throw new IllegalStateException("the realm publishes no keys");
            }
            return keys + " verification keys";
        }));
        checks.put("jena", blocking(() -> jena.calculateRead(() -> "store readable")));
        suggestionJena.ifPresent(suggestions -> checks.put("jena-suggestions", blocking(() -> suggestions.calculateRead(() -> "store readable"))));
        rdfStore.ifPresent(store -> checks.put("rdf", blocking(store::ping)));
        // A check alone says only "connection refused"; the supervisor says the server died, how, and that it is restarting.
        Map<String, String> nodesAway = new LinkedHashMap<>();
        for (ServiceSupervisor.Status server : managedServers.get()) {
            if (server.away() && ManagedElasticsearch.isClusterNode(server.service())) {
                nodesAway.put(server.service(), server.detail());
            } else if (server.away()) {
                checks.put(server.service(), Future.failedFuture(server.detail()));
            }
        }

        Future.join(List.copyOf(checks.values())).onComplete(done -> {
            JsonObject body = new JsonObject();
            boolean allUp = true;
            for (var check : checks.entrySet()) {
                Future<String> result = check.getValue();
                boolean up = result.succeeded();
                allUp &= up;
                body.put(check.getKey(), new JsonObject().put("status", up ? "up" : "down")
                        .put("detail", up ? result.result() : String.valueOf(result.cause().getMessage())));
            }
            // One node of a cluster away: the others serve every shard (each has a replica), so the platform works
            // on, and says which node is away; it is down only with the cluster (the elasticsearch check above).
            nodesAway.forEach((node, detail) -> body.put(node, new JsonObject().put("status", "degraded").put("detail", detail)));
            JsonObject response = new JsonObject().put("status", !allUp ? "down" : nodesAway.isEmpty() ? "up" : "degraded").put("checks", body);
            if (!allUp) {
                response.put("error", "service_unavailable").put("detail", "not reachable: " + String.join(", ",
                        checks.entrySet().stream().filter(e -> e.getValue().failed()).map(Map.Entry::getKey).toList()));
            }
            ctx.response().putHeader("Cache-Control", "no-store");
            RequestWork.sendJson(ctx, allUp ? 200 : 503, response);
        });
    }

    private interface Check {
        String run() throws Exception;
    }

    private Future<String> blocking(Check check) {
        Supplier<Future<String>> run = () -> vertx.executeBlocking(check::run, false);
        return run.get().timeout(5, TimeUnit.SECONDS);
    }
}
