package org.lararena.platform.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ManagedKeycloak;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.Ports;
import org.lararena.platform.services.ServerDistributions;

/**
 * Real Elasticsearch and Keycloak for integration tests: the same managed servers {@code ./lararena up} runs,
 * started on first use, in parallel, on free ports, with their data under {@code lararena.it.dir}
 * (default {@code target/it-services}). {@link TestServicesSessionListener} stops them when the JUnit session
 * closes; a shutdown hook stops them if the JVM dies first, and the next run stops them if the JVM was killed outright
 * ({@link HarnessDirectory}).
 */
public final class TestServices {

    /** How long a {@link #renewedAccessToken} is used before it is asked for again: half the realm's token lifespan. */
    public static final Duration TOKEN_RENEWAL = Duration.ofMinutes(5);

    private static TestServices instance;

    private final Path dataDir;
    private final HarnessDirectory directory;
    private final URI elasticsearchUrl;
    private final URI keycloakUrl;
    private final ManagedProcess elasticsearch;
    private final ManagedProcess keycloak;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private TestServices() {
        Path projectDir = Path.of(System.getProperty("lararena.project.dir", "..")).toAbsolutePath().normalize();
        dataDir = Path.of(System.getProperty("lararena.it.dir", projectDir.resolve("target/it-services").toString()));
        LararenaConfig external = LararenaConfig.fromEnvironment();
        ServerDistributions distributions = ServerDistributions.locate(projectDir);
        Path javaHome = Path.of(System.getProperty("java.home"));
        // At least ten minutes (a shared, loaded machine can take that long for a first Keycloak start); more where
        // LARARENA_START_TIMEOUT_SECONDS or -Dlararena.it.start.minutes asks for it, as the start failure says.
        Duration floor = Duration.ofMinutes(Integer.getInteger("lararena.it.start.minutes", 10));
        Duration timeout = external.startTimeout().compareTo(floor) > 0 ? external.startTimeout() : floor;
        directory = HarnessDirectory.take(dataDir);
        directory.stopLeftBehind();

        ManagedElasticsearch managedEs = external.elasticsearch().managed()
                ? new ManagedElasticsearch(distributions, dataDir.resolve("elasticsearch"), Ports.freePort(), 512, javaHome) : null;
        ManagedKeycloak managedKc = external.keycloak().managed()
                ? new ManagedKeycloak(distributions, dataDir.resolve("keycloak"), Ports.freePort(), javaHome) : null;
        if (managedKc != null) {
            // Each run tests the realm as the project ships it, not one an earlier build imported.
            managedKc.forgetRealms();
        }
        CompletableFuture<ManagedProcess> es = managedEs != null
                ? CompletableFuture.supplyAsync(() -> managedEs.start(timeout)) : CompletableFuture.completedFuture(null);
        CompletableFuture<ManagedProcess> kc = managedKc != null
                ? CompletableFuture.supplyAsync(() -> managedKc.start(timeout)) : CompletableFuture.completedFuture(null);
        try {
            CompletableFuture.allOf(es, kc).join();
        } catch (RuntimeException e) {
            // The one that started is stopped before the directory's lock is given up: a run that takes the lock next
            // would take a server still running from it for one a killed run left, and stop it.
            CompletableFuture.allOf(es.thenAccept(TestServices::stopQuietly), kc.thenAccept(TestServices::stopQuietly))
                    .handle((stopped, failure) -> null).join();
            directory.close();
            throw e;
        }
        elasticsearch = es.join();
        keycloak = kc.join();
        elasticsearchUrl = managedEs != null ? managedEs.url() : external.elasticsearch().urls().get(0);
        keycloakUrl = managedKc != null ? managedKc.url() : external.keycloak().url();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "lararena-test-services-stop"));
    }

    /** The running services, started on the first call of the test JVM. */
    public static synchronized TestServices get() {
        if (instance == null) {
            instance = new TestServices();
        }
        return instance;
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    public URI elasticsearchUrl() {
        return elasticsearchUrl;
    }

    /** A client of its own for the harness's Elasticsearch, made as an application instance makes it; the caller closes it. */
    public ElasticsearchClient newElasticsearchClient() {
        return ElasticsearchClients.create(LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", elasticsearchUrl.toString())).elasticsearch());
    }

    public URI keycloakUrl() {
        return keycloakUrl;
    }

    /** The managed Elasticsearch's process, when the harness started one. */
    public Optional<ManagedProcess> elasticsearchProcess() {
        return Optional.ofNullable(elasticsearch);
    }

    /**
     * The environment for an application under test that uses these services as external ones, with its own
     * data directory, a free HTTP port and an index prefix of its own; {@code overrides} win.
     */
    public Map<String, String> applicationEnvironment(Path appDataDir, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("LARARENA_HOME", System.getProperty("lararena.project.dir", ".."));
        env.put("LARARENA_DATA_DIR", appDataDir.toString());
        env.put("LARARENA_HTTP_PORT", String.valueOf(Ports.freePort()));
        env.put("LARARENA_ES_URLS", elasticsearchUrl.toString());
        env.put("LARARENA_KEYCLOAK_URL", keycloakUrl.toString());
        env.put("LARARENA_INDEX_PREFIX", "it-" + Long.toHexString(System.nanoTime()));
        env.put("LARARENA_DEMO_DATA", "false");
        // The harness's own node has the ontology's analysis files (ManagedElasticsearch writes them); an external one may not.
        env.put("LARARENA_ES_ANALYSIS_FILES", String.valueOf(elasticsearch != null));
        env.putAll(overrides);
        return env;
    }

    /** An access token of Keycloak's master-realm administrator, for tests that change the realm through the admin API. */
    public String adminAccessToken() {
        String password;
        try {
            password = Files.readString(dataDir.resolve("keycloak/admin-password")).strip();
        } catch (IOException e) {
            throw new IllegalStateException("the admin password is only known for a Keycloak the harness started", e);
        }
        return token("master", "admin-cli", ManagedKeycloak.ADMIN_USER, password);
    }

    /** An access token for a user of the development realm, by the password grant of {@code lararena-cli}. */
    public String accessToken(String username, String password) {
        return token("lararena", "lararena-cli", username, password);
    }

    /**
     * An access token for a user of the development realm that stays valid however long a test runs: asked for again
     * once {@link #TOKEN_RENEWAL} has passed since the last one, well inside the realm's access token lifespan (600 s).
     */
    public Supplier<String> renewedAccessToken(String username, String password) {
        return new Supplier<>() {
            private String token;
            private long issuedAt;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - issuedAt > TOKEN_RENEWAL.toNanos()) {
                    issuedAt = System.nanoTime();
                    token = accessToken(username, password);
                }
                return token;
            }
        };
    }

    /** The whole token response (access, ID and refresh token) of the password grant. */
    public JsonNode tokenResponse(String realm, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + clientId + "&scope=openid"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(keycloakUrl.resolve("/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " " + response.body());
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer the token request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String realm, String clientId, String username, String password) {
        return tokenResponse(realm, clientId, username, password).get("access_token").asText();
    }

    private synchronized void stop() {
        if (keycloak != null && keycloak.isAlive()) {
            keycloak.stop();
        }
        if (elasticsearch != null && elasticsearch.isAlive()) {
            elasticsearch.stop();
        }
        directory.close();
    }

    private static void stopQuietly(ManagedProcess process) {
        if (process != null) {
            process.stop();
        }
    }
}
