package org.lararena.app;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * The command line's tokens: {@code ./lararena login} gets them with the device-authorization grant (any realm) or,
 * in the development realm, the password grant; they are kept readable by their owner only, and refreshed when
 * the access token has expired.
 */
final class CliCredentials {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final LararenaConfig.Keycloak keycloak;
    private final Path file;

    CliCredentials(LararenaConfig config) {
        this.keycloak = config.keycloak();
        String configHome = System.getenv("XDG_CONFIG_HOME");
        Path base = configHome != null && !configHome.isBlank() ? Path.of(configHome) : Path.of(System.getProperty("user.home"), ".config");
        this.file = base.resolve("lararena").resolve("credentials.json");
    }

    /** The password grant: only realms that allow it for {@code lararena-cli} (the development realm does). */
    JsonObject loginWithPassword(String username, String password) {
        JsonObject tokens = tokenRequest(Map.of("grant_type", "password", "username", username, "password", password, "scope", "openid"));
        save(tokens);
        return tokens;
    }

    /** The device-authorization grant: prints where to log in, then waits for the user to do so. */
    JsonObject loginWithDevice(PrintStream out) {
        JsonObject device = post(endpoint("/auth/device"), Map.of("client_id", keycloak.cliClientId(), "scope", "openid"));
        out.println("Open " + device.getString("verification_uri_complete", device.getString("verification_uri"))
                + " and confirm the code " + device.getString("user_code"));
        Instant deadline = Instant.now().plusSeconds(device.getLong("expires_in", 600L));
        long interval = device.getLong("interval", 5L);
        while (Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(interval));
            HttpResponse<String> response = send(endpoint("/token"), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                    "device_code", device.getString("device_code"), "client_id", keycloak.cliClientId()));
            JsonObject body = new JsonObject(response.body());
            if (response.statusCode() == 200) {
                save(body);
                return body;
            }
            switch (body.getString("error", "")) {
                case "authorization_pending" -> { }
                case "slow_down" -> interval += 5;
                default -> throw new LararenaException(401, "login_failed", "login failed: " + body.getString("error_description", body.getString("error")));
            }
        }
        throw new LararenaException(401, "login_failed", "the login was not confirmed in time; run ./lararena login again");
    }

    /** A valid access token: the kept one, refreshed if it has expired; otherwise asks the user to log in. */
    String accessToken() {
        String fromEnvironment = System.getenv("LARARENA_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (!Files.isRegularFile(file)) {
            throw LararenaException.unauthorized("not logged in: run ./lararena login first");
        }
        JsonObject tokens;
        try {
            tokens = new JsonObject(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw LararenaException.unauthorized("the kept credentials in " + file + " are unreadable: run ./lararena login again");
        }
        if (Instant.now().getEpochSecond() < tokens.getLong("expires_at", 0L) - 30) {
            return tokens.getString("access_token");
        }
        try {
            JsonObject refreshed = tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token", "")));
            save(refreshed);
            return refreshed.getString("access_token");
        } catch (LararenaException e) {
            throw LararenaException.unauthorized("the login has expired: run ./lararena login again");
        }
    }

    private JsonObject tokenRequest(Map<String, String> form) {
        Map<String, String> withClient = new HashMap<>(form);
        withClient.put("client_id", keycloak.cliClientId());
        return post(endpoint("/token"), withClient);
    }

    private JsonObject post(URI uri, Map<String, String> form) {
        HttpResponse<String> response = send(uri, form);
        JsonObject body;
        try {
            body = new JsonObject(response.body());
        } catch (RuntimeException e) {
            throw new LararenaException(502, "keycloak", "Keycloak answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            throw LararenaException.unauthorized("Keycloak refused: " + body.getString("error_description", body.getString("error", "status " + response.statusCode())));
        }
        return body;
    }

    private static HttpResponse<String> send(URI uri, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw LararenaException.unavailable("Keycloak at " + uri.getHost() + ":" + uri.getPort() + " is not reachable: is Lärarena running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LararenaException.unavailable("interrupted", e);
        }
    }

    private URI endpoint(String path) {
        return URI.create(keycloak.issuer() + "/protocol/openid-connect" + path);
    }

    private void save(JsonObject tokens) {
        JsonObject kept = new JsonObject()
                .put("access_token", tokens.getString("access_token"))
                .put("refresh_token", tokens.getString("refresh_token"))
                .put("expires_at", Instant.now().getEpochSecond() + tokens.getLong("expires_in", 60L));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "credentials", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, kept.encode());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LararenaException(500, "credentials", "cannot keep the login in " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LararenaException.unavailable("interrupted", e);
        }
    }
}
