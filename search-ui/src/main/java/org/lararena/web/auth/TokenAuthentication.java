package org.lararena.web.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lararena.platform.ConfigurationException;
import org.lararena.platform.InstanceId;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer access tokens of the configured realm, locally and strictly: the header's algorithm must be on
 * the allow-list and its key ({@code kid}) one the realm publishes for signing; the signature is checked against
 * that key; then issuer, audience (required), expiry and not-before (with a small clock skew), and that it is an
 * access token, not an ID or refresh token. Nothing is sent to Keycloak per request (no introspection), so a
 * flood of forged tokens costs the realm nothing.
 *
 * <p>The keys come from the realm's JWKS. An unknown {@code kid} (after a key rotation) refreshes them, at most
 * once per {@link #KEY_REFRESH_INTERVAL}. More than {@value FailureRateLimit#DEFAULT_MAX_FAILURES} failures a minute from
 * one address, counted over every instance of a cluster, get 429 until the minute has passed. {@link #discover} fails when the realm publishes no signing key: a
 * resource server without keys must never accept a token.
 */
public final class TokenAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthentication.class);
    static final Set<String> ALLOWED_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    static final Duration KEY_REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_TOKEN_CHARS = 16_384;

    private final Vertx vertx;
    private final WebClient http;
    private final String issuer;
    private final String audience;
    private final String jwksUri;
    /** Shared with the other instances of a cluster, so that spreading guesses over them gains nothing. */
    private final FailureRateLimit failures;
    private volatile Keys keys;
    private volatile Instant lastRefresh = Instant.EPOCH;

    /** The realm's current signing keys and a verifier built from them. */
    private record Keys(Set<String> kids, JWTAuth verifier) {
    }

    private TokenAuthentication(Vertx vertx, InstanceId self, WebClient http, String issuer, String audience, String jwksUri, Keys keys) {
        this.vertx = Objects.requireNonNull(vertx);
        this.failures = new FailureRateLimit(FailureRateLimit.DEFAULT_MAX_FAILURES, FailureRateLimit.DEFAULT_WINDOW, Clock.systemUTC(),
                vertx.eventBus(), self);
        this.http = http;
        this.issuer = issuer;
        this.audience = audience;
        this.jwksUri = jwksUri;
        this.keys = keys;
    }

    /**
     * Reads the realm's discovery document and signing keys; fails (a configuration error) when there are none.
     * {@code self} signs the failures this process tells the other instances of a cluster.
     */
    public static Future<TokenAuthentication> discover(Vertx vertx, LararenaConfig.Keycloak keycloak, InstanceId self) {
        String issuer = keycloak.issuer().toString();
        WebClient http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5000));
        return http.getAbs(issuer + "/.well-known/openid-configuration").timeout(10_000).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("discovery answered " + response.statusCode());
                    }
                    JsonObject discovery = response.bodyAsJsonObject();
                    if (!issuer.equals(discovery.getString("issuer"))) {
                        throw new IllegalStateException("the realm calls itself " + discovery.getString("issuer"));
                    }
                    return discovery.getString("jwks_uri");
                })
                .recover(e -> Future.failedFuture(new ConfigurationException("the Keycloak realm " + issuer + " could not be read ("
                        + e.getMessage() + "): check LARARENA_KEYCLOAK_URL and LARARENA_KEYCLOAK_REALM", e)))
                .compose(jwksUri -> loadKeys(vertx, http, issuer, keycloak.audience(), jwksUri)
                        .map(keys -> new TokenAuthentication(vertx, self, http, issuer, keycloak.audience(), jwksUri, keys)))
                .onFailure(e -> http.close());
    }

    private static Future<Keys> loadKeys(Vertx vertx, WebClient http, String issuer, String audience, String jwksUri) {
        return signingKeys(http, jwksUri).map(keys -> {
            if (keys.isEmpty()) {
                throw new ConfigurationException("the realm " + issuer + " publishes no signing keys at " + jwksUri
                        + ": tokens could not be verified, so the platform does not start");
            }
            JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions()
                    .setIssuer(issuer).setAudience(List.of(audience)).setLeeway(CLOCK_SKEW_SECONDS));
            Set<String> kids = new HashSet<>();
            keys.forEach(key -> {
                options.addJwk(key);
                kids.add(key.getString("kid"));
            });
            return new Keys(Set.copyOf(kids), JWTAuth.create(vertx, options));
        });
    }

    /** The realm's published keys that may sign tokens: encryption keys are no use here, and "none" or HMAC never are. */
    private static Future<List<JsonObject>> signingKeys(WebClient http, String jwksUri) {
        return http.getAbs(jwksUri).timeout(10_000).send().map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the realm's keys answered " + response.statusCode());
            }
            return response.bodyAsJsonObject().getJsonArray("keys", new JsonArray()).stream()
                    .map(JsonObject.class::cast)
                    .filter(key -> !"enc".equals(key.getString("use")) && ALLOWED_ALGORITHMS.contains(key.getString("alg"))
                            && key.getString("kid") != null)
                    .toList();
        });
    }

    /** How many signing keys the realm publishes now (the health check's view of Keycloak). */
    public Future<Integer> publishedKeyCount() {
        return signingKeys(http, jwksUri).map(List::size);
    }

    /**
     * Route handler: a valid bearer token makes its {@link Caller} the request's; a missing or invalid one fails the
     * request with 401.
     */
    public void requireToken(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        if (failures.isBlocked(address)) {
            ctx.response().putHeader("Retry-After", String.valueOf(failures.retryAfterSeconds()));
            ctx.fail(new LararenaException(429, "too_many_requests", "too many invalid tokens from this address; try again in a minute"));
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            failures.recordFailure(address);
            ctx.fail(LararenaException.unauthorized("send an access token: Authorization: Bearer <token> (./lararena login gets one)"));
            return;
        }
        verify(header.substring(7).strip())
                .onSuccess(caller -> {
                    caller.attachTo(ctx);
                    ctx.next();
                })
                .onFailure(e -> {
                    failures.recordFailure(address);
                    ctx.fail(e);
                });
    }

    /** Verifies a token and returns its caller; fails with a 401 {@link LararenaException} saying why. */
    public Future<Caller> verify(String token) {
        JsonObject header;
        try {
            header = header(token);
        } catch (LararenaException e) {
            return Future.failedFuture(e);
        }
        String algorithm = header.getString("alg");
        if (!ALLOWED_ALGORITHMS.contains(algorithm)) {
            return Future.failedFuture(LararenaException.unauthorized("tokens signed with " + algorithm + " are not accepted"));
        }
        String kid = header.getString("kid");
        if (kid == null) {
            return Future.failedFuture(LararenaException.unauthorized("the token names no signing key (kid)"));
        }
        Future<Keys> current = keys.kids().contains(kid) ? Future.succeededFuture(keys) : refreshKeys();
        return current.compose(k -> {
            if (!k.kids().contains(kid)) {
                return Future.failedFuture(LararenaException.unauthorized("the token is signed with a key the realm does not publish"));
            }
            return k.verifier().authenticate(new TokenCredentials(token))
                    .recover(e -> Future.failedFuture(LararenaException.unauthorized("the access token is not valid: " + e.getMessage())))
                    .map(this::toCaller);
        });
    }

    /** Re-reads the realm's keys after a rotation, at most once per interval so unknown kids cannot flood Keycloak. */
    private synchronized Future<Keys> refreshKeys() {
        if (Duration.between(lastRefresh, Instant.now()).compareTo(KEY_REFRESH_INTERVAL) < 0) {
            return Future.succeededFuture(keys);
        }
        lastRefresh = Instant.now();
        return loadKeys(vertx, http, issuer, audience, jwksUri)
                .onSuccess(fresh -> {
                    LOG.info("Reloaded the realm's signing keys: {}", fresh.kids());
                    keys = fresh;
                })
                .recover(e -> {
                    LOG.warn("Could not reload the realm's keys: {}", e.getMessage());
                    return Future.succeededFuture(keys);
                });
    }

    private Caller toCaller(User user) {
        JsonObject claims = user.principal();
        if (!"Bearer".equals(claims.getString("typ"))) {
            throw LararenaException.unauthorized("the token is not an access token (typ " + claims.getString("typ") + ")");
        }
        Object aud = claims.getValue("aud");
        boolean audienceMatches = aud instanceof String s ? s.equals(audience) : aud instanceof JsonArray a && a.contains(audience);
        if (!audienceMatches) {
            throw LararenaException.unauthorized("the access token is not meant for Lärarena (audience " + aud + ")");
        }
        if (!issuer.equals(claims.getString("iss"))) {
            throw LararenaException.unauthorized("the access token comes from another issuer");
        }
        Set<String> roles = new HashSet<>();
        JsonObject realmAccess = claims.getJsonObject("realm_access");
        if (realmAccess != null) {
            realmAccess.getJsonArray("roles", new JsonArray()).forEach(r -> roles.add(String.valueOf(r)));
        }
        String username = claims.getString("preferred_username", claims.getString("sub", "unknown"));
        return new Caller(username, roles, Optional.ofNullable(claims.getString("pilot_region")));
    }

    private static JsonObject header(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw LararenaException.unauthorized("the token is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw LararenaException.unauthorized("the token is not a signed JWT");
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            throw LararenaException.unauthorized("the token's header is not readable");
        }
    }
}
