package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakLoginThemeTest {

    @TempDir
    Path keycloakHome;

    private HttpServer keycloak;
    private final List<String> puts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void installsTheThemeFreshOverAnEarlierCopy() throws IOException {
        Path stale = Files.createDirectories(keycloakHome.resolve("themes/lararena/login")).resolve("old.ftl");
        Files.writeString(stale, "from an earlier start");

        KeycloakLoginTheme.install(keycloakHome);

        Path theme = keycloakHome.resolve("themes/lararena/login");
        assertThat(Files.readString(theme.resolve("theme.properties"))).contains("parent=keycloak.v2").contains("css/lararena.css");
        assertThat(theme.resolve("resources/css/lararena.css")).exists();
        assertThat(Files.readString(theme.resolve("messages/messages_sv.properties"))).contains("loginTitle=Logga in i L\\u00e4rarena");
        assertThat(stale).as("what an earlier start left is gone").doesNotExist();
    }

    @Test
    void aRealmWithoutALoginThemeGetsOursWithItsOtherSettingsKept() throws IOException {
        URI url = fakeKeycloak("{\"realm\":\"lararena\",\"defaultLocale\":\"sv\",\"loginTheme\":null}");

        KeycloakLoginTheme.adopt(url, "lararena", "secret");

        assertThat(puts).hasSize(1);
        JsonNode sent = new ObjectMapper().readTree(puts.get(0));
        assertThat(sent.path("loginTheme").asText()).isEqualTo("lararena");
        assertThat(sent.path("defaultLocale").asText()).isEqualTo("sv");
    }

    @Test
    void aLoginThemeTheAdministratorChoseIsKept() throws IOException {
        URI url = fakeKeycloak("{\"realm\":\"lararena\",\"loginTheme\":\"keycloak.v2\"}");

        KeycloakLoginTheme.adopt(url, "lararena", "secret");

        assertThat(puts).isEmpty();
    }

    /** Keycloak's token endpoint and the realm's admin resource, answering {@code realm} and keeping what is PUT. */
    private URI fakeKeycloak(String realm) throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.createContext("/realms/master/protocol/openid-connect/token", exchange -> answer(exchange, 200, "{\"access_token\":\"t\"}"));
        keycloak.createContext("/admin/realms/lararena", exchange -> {
            if (!"Bearer t".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{}");
            } else if ("PUT".equals(exchange.getRequestMethod())) {
                puts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                answer(exchange, 200, realm);
            }
        });
        keycloak.start();
        return URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
