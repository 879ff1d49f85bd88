package org.lararena.platform.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lärarena's Keycloak login theme ({@value #RESOURCE} in the platform jar): Keycloak's pages with the application's
 * header, colours and words, Swedish by default. The managed Keycloak gets a fresh copy at every start, so an
 * existing install under the data directory picks up the theme (and its changes) too, and a realm imported before the
 * theme existed is switched to it once (a realm whose administrator chose another login theme keeps that one).
 */
final class KeycloakLoginTheme {

    static final String NAME = "lararena";
    static final String RESOURCE = "/keycloak/themes/" + NAME;
    private static final Logger LOG = LoggerFactory.getLogger(KeycloakLoginTheme.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private KeycloakLoginTheme() {
    }

    /** Copies the theme into {@code <keycloakHome>/themes/lararena}, replacing whatever an earlier start put there. */
    static void install(Path keycloakHome) throws IOException {
        Path target = keycloakHome.resolve("themes").resolve(NAME);
        ServerDistributions.deleteTree(target);
        URI source;
        try {
            source = Objects.requireNonNull(KeycloakLoginTheme.class.getResource(RESOURCE), RESOURCE + " is missing from the platform jar").toURI();
        } catch (URISyntaxException e) {
            throw new IOException("the login theme's location cannot be read: " + e.getMessage(), e);
        }
        if (!"jar".equals(source.getScheme())) {
            ServerDistributions.copyTree(Path.of(source), target);
            return;
        }
        FileSystem jar;
        boolean opened = false;
        try {
            jar = FileSystems.newFileSystem(source, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(source);
        }
        try {
            ServerDistributions.copyTree(jar.provider().getPath(source), target);
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }

    /**
     * Gives {@code realm} this login theme when it has none (Keycloak imports a realm file only once, so a realm from
     * before the theme lacks it). A failure is logged and the login keeps Keycloak's own pages.
     */
    static void adopt(URI keycloak, String realm, String adminPassword) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        ObjectMapper json = new ObjectMapper();
        try {
            String form = "grant_type=password&client_id=admin-cli&username=" + ManagedKeycloak.ADMIN_USER
                    + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(keycloak.resolve("/realms/master/protocol/openid-connect/token"))
                    .timeout(CALL_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                LOG.warn("Keycloak's admin login failed ({}); realm {} keeps its login theme", token.statusCode(), realm);
                return;
            }
            String bearer = "Bearer " + json.readTree(token.body()).path("access_token").asText();
            URI realmUri = keycloak.resolve("/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8));
            HttpResponse<String> current = http.send(HttpRequest.newBuilder(realmUri).timeout(CALL_TIMEOUT).header("Authorization", bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode settings = current.statusCode() == 200 ? json.readTree(current.body()) : null;
            if (!(settings instanceof ObjectNode realmSettings) || !settings.path("loginTheme").asText("").isBlank()) {
                return;
            }
            // The realm's settings as they are, with the theme: what Keycloak's own admin client sends for one change.
            realmSettings.put("loginTheme", NAME);
            HttpResponse<String> changed = http.send(HttpRequest.newBuilder(realmUri).timeout(CALL_TIMEOUT).header("Authorization", bearer)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(realmSettings))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (changed.statusCode() / 100 == 2) {
                LOG.info("realm {} now uses the login theme {}", realm, NAME);
            } else {
                LOG.warn("realm {} could not be given the login theme {} ({}: {})", realm, NAME, changed.statusCode(), changed.body());
            }
        } catch (IOException e) {
            LOG.warn("realm {} could not be given the login theme {}: {}", realm, NAME, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
