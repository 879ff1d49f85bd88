package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.platform.testing.TestServices;

/**
 * Forged and bad credentials against the running application and real Keycloak. To vary one claim at a time
 * with a signature the realm vouches for, the test registers a signing key of its own in the realm (a passive
 * key: published in the realm's keys, never used by Keycloak itself) and removes it afterwards. The application
 * learns of the key when a token names it: an unknown key id makes it read the realm's keys again.
 */
@WithApplication
class TokenVerificationIT {

    private static TestServices services;
    private static RunningApplication app;
    private static KeyPair testKey;
    private static String testKid;
    private static String testKeyComponent;
    private static JsonObject realClaims;
    @Token("forskare")
    private static String realToken;

    @BeforeAll
    static void registerTestKey() throws Exception {
        services = TestServices.get();
        realClaims = new JsonObject(new String(Base64.getUrlDecoder().decode(realToken.split("\\.")[1]), StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        testKey = generator.generateKeyPair();
        testKid = register(testKey);
    }

    @AfterAll
    static void removeTestKey() throws Exception {
        if (testKeyComponent != null) {
            admin("DELETE", "/admin/realms/lararena/components/" + testKeyComponent, null);
        }
    }

    @Test
    void aGenuineTokenIsAccepted() throws Exception {
        assertThat(status(realToken)).isEqualTo(200);
    }

    @Test
    void theTestKeyItselfIsTrustedSoEveryRejectionBelowIsAboutOneFlaw() throws Exception {
        assertThat(status(signed(c -> { }))).isEqualTo(200);
    }

    @Test
    void garbageIsRefused() throws Exception {
        assertThat(status("garbage")).isEqualTo(401);
        assertThat(status("a.b.c")).isEqualTo(401);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() throws Exception {
        String header = encode(new JsonObject().put("alg", "none").put("typ", "JWT").put("kid", testKid));
        String payload = encode(realClaims);

        assertThat(status(header + "." + payload + ".")).isEqualTo(401);
        assertThat(status(header + "." + payload + ".c2lnbmF0dXJl")).isEqualTo(401);
    }

    @Test
    void hs256SignedWithTheRealmsPublicKeyIsRefused() throws Exception {
        String header = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT").put("kid", testKid));
        String unsigned = header + "." + encode(realClaims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(testKey.getPublic().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));

        assertThat(status(unsigned + "." + signature)).isEqualTo(401);
    }

    @Test
    void aValidSignatureByAKeyTheRealmDoesNotPublishIsRefused() throws Exception {
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThat(status(sign(realClaims, "unknown-kid", stranger))).isEqualTo(401);
        assertThat(status(sign(realClaims, testKid, stranger))).as("a known kid with a foreign key").isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertThat(status(signed(c -> c.put("exp", Instant.now().minusSeconds(300).getEpochSecond())))).isEqualTo(401);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        assertThat(status(signed(c -> c.put("nbf", Instant.now().plusSeconds(600).getEpochSecond())))).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerOrRealmIsRefused() throws Exception {
        assertThat(status(signed(c -> c.put("iss", "http://evil.example/realms/lararena")))).isEqualTo(401);
        String masterToken = services.adminAccessToken();
        assertThat(status(masterToken)).as("a token of the master realm").isEqualTo(401);
    }

    @Test
    void aTokenWithoutOrWithAForeignAudienceIsRefused() throws Exception {
        assertThat(status(signed(c -> c.remove("aud")))).isEqualTo(401);
        assertThat(status(signed(c -> c.put("aud", "another-service")))).isEqualTo(401);
    }

    @Test
    void anIdTokenUsedAsAccessTokenIsRefused() throws Exception {
        String idToken = services.tokenResponse("lararena", "lararena-cli", "forskare", "forskare").get("id_token").asText();

        assertThat(status(idToken)).isEqualTo(401);
        assertThat(status(signed(c -> c.put("typ", "ID")))).isEqualTo(401);
    }

    @Test
    void rolesEditedAfterSigningAreRefused() throws Exception {
        String[] parts = services.accessToken("deltagare", "deltagare").split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put("realm_access", new JsonObject().put("roles", new JsonArray().add("researcher")));

        assertThat(status(parts[0] + "." + encode(claims) + "." + parts[2])).isEqualTo(401);
    }

    private static int status(String token) throws Exception {
        HttpResponse<String> response = app.get("/api/documents", token);
        if (response.statusCode() == 401) {
            assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("unauthorized");
        }
        return response.statusCode();
    }

    /** The genuine token's claims, changed by {@code change}, with a fresh expiry, signed by the test key. */
    private static String signed(Consumer<JsonObject> change) throws Exception {
        JsonObject claims = realClaims.copy().put("exp", Instant.now().plusSeconds(300).getEpochSecond())
                .put("iat", Instant.now().getEpochSecond());
        change.accept(claims);
        return sign(claims, testKid, testKey);
    }

    private static String sign(JsonObject claims, String kid, KeyPair key) throws Exception {
        String unsigned = encode(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid)) + "." + encode(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String encode(JsonObject json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** Registers {@code key} in the realm as a passive signing key; returns the id the realm gives it. */
    private static String register(KeyPair key) throws Exception {
        String realmId = new JsonObject(admin("GET", "/admin/realms/lararena", null).body()).getString("id");
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        JsonObject component = new JsonObject().put("name", "lararena-test-key").put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider").put("parentId", realmId)
                .put("config", new JsonObject().put("priority", new JsonArray().add("-100")).put("enabled", new JsonArray().add("true"))
                        .put("active", new JsonArray().add("false")).put("privateKey", new JsonArray().add(pem))
                        .put("algorithm", new JsonArray().add("RS256")));
        HttpResponse<String> created = admin("POST", "/admin/realms/lararena/components", component);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        testKeyComponent = location.substring(location.lastIndexOf('/') + 1);
        String kid = null;
        for (Object listed : new JsonObject(admin("GET", "/admin/realms/lararena/keys", null).body()).getJsonArray("keys")) {
            JsonObject realmKey = (JsonObject) listed;
            if (testKeyComponent.equals(realmKey.getString("providerId"))) {
                kid = realmKey.getString("kid");
            }
        }
        assertThat(kid).as("the realm lists the test key").isNotNull();
        return kid;
    }

    private static HttpResponse<String> admin(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.keycloakUrl() + path))
                .header("Authorization", "Bearer " + services.adminAccessToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        return RunningApplication.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
