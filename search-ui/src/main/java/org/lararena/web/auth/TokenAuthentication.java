package org.lararena.web.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.KeycloakAuth;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lararena.platform.ConfigurationException;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * Verifies bearer access tokens of the configured realm: signature against the realm's published keys,
 * issuer, audience (required), expiry with a small clock skew, and that the token is an access token.
 * Made with {@link #discover}, which fails when no verification key can be loaded: a resource server without
 * keys must never accept a token.
 */
public final class TokenAuthentication {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final OAuth2Auth provider;
    private final String audience;
    private final String jwksUri;

    private TokenAuthentication(OAuth2Auth provider, String audience, String jwksUri) {
        this.provider = Objects.requireNonNull(provider);
        this.audience = Objects.requireNonNull(audience);
        this.jwksUri = Objects.requireNonNull(jwksUri);
    }

    /** Reads the realm's discovery document and keys; fails (a configuration error) when there are no keys. */
    public static Future<TokenAuthentication> discover(Vertx vertx, LararenaConfig.Keycloak keycloak) {
        String issuer = keycloak.issuer().toString();
        OAuth2Options options = new OAuth2Options()
                .setSite(issuer)
                .setClientId(keycloak.webClientId())
                .setClientSecret(keycloak.webClientSecret())
                .setValidateIssuer(true)
                .setJWTOptions(new JWTOptions()
                        .setIssuer(issuer)
                        .setAudience(List.of(keycloak.audience()))
                        .setLeeway(CLOCK_SKEW_SECONDS));
        return KeycloakAuth.discover(vertx, options)
                .recover(e -> Future.failedFuture(new ConfigurationException("the Keycloak realm " + issuer
                        + " could not be read (" + e.getMessage() + "): check LARARENA_KEYCLOAK_URL and LARARENA_KEYCLOAK_REALM", e)))
                .compose(provider -> {
                    String jwks = options.getJwkPath();
                    String jwksUri = jwks.startsWith("http") ? jwks : issuer + jwks;
                    return countKeys(vertx, jwksUri).compose(keys -> keys > 0
                            ? Future.succeededFuture(new TokenAuthentication(provider, keycloak.audience(), jwksUri))
                            : Future.failedFuture(new ConfigurationException("the realm " + issuer + " publishes no verification keys at "
                                    + jwksUri + ": tokens could not be verified, so the platform does not start")));
                });
    }

    /** How many keys the realm publishes now (the health check's view of Keycloak). */
    public Future<Integer> publishedKeyCount(Vertx vertx) {
        return countKeys(vertx, jwksUri);
    }

    private static Future<Integer> countKeys(Vertx vertx, String jwksUri) {
        WebClient client = WebClient.create(vertx);
        return client.getAbs(jwksUri).timeout(5000).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("keys answered " + response.statusCode());
                    }
                    JsonArray keys = response.bodyAsJsonObject().getJsonArray("keys", new JsonArray());
                    return keys.size();
                })
                .eventually(() -> {
                    client.close();
                    return Future.succeededFuture();
                });
    }

    /**
     * Route handler: a valid bearer token makes its {@link Caller} the request's; a missing or invalid one fails
     * the request with 401.
     */
    public void requireToken(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.fail(LararenaException.unauthorized("send an access token: Authorization: Bearer <token> (./lararena login gets one)"));
            return;
        }
        provider.authenticate(new TokenCredentials(header.substring(7).strip()))
                .map(this::toCaller)
                .onSuccess(caller -> {
                    caller.attachTo(ctx);
                    ctx.next();
                })
                .onFailure(e -> ctx.fail(e instanceof LararenaException le ? le
                        : LararenaException.unauthorized("the access token is not valid: " + e.getMessage())));
    }

    private Caller toCaller(User user) {
        JsonObject claims = user.attributes().getJsonObject("accessToken");
        if (claims == null) {
            throw LararenaException.unauthorized("the access token is not a signed JWT of the realm");
        }
        if (!"Bearer".equals(claims.getString("typ"))) {
            throw LararenaException.unauthorized("the token is not an access token (typ " + claims.getString("typ") + ")");
        }
        Object aud = claims.getValue("aud");
        boolean audienceMatches = aud instanceof String s ? s.equals(audience)
                : aud instanceof JsonArray a && a.contains(audience);
        if (!audienceMatches) {
            throw LararenaException.unauthorized("the access token is not meant for Lärarena (audience " + aud + ")");
        }
        Set<String> roles = new HashSet<>();
        JsonObject realmAccess = claims.getJsonObject("realm_access");
        if (realmAccess != null) {
            realmAccess.getJsonArray("roles", new JsonArray()).forEach(r -> roles.add(String.valueOf(r)));
        }
        String username = claims.getString("preferred_username", claims.getString("sub", "unknown"));
        return new Caller(username, roles, Optional.ofNullable(claims.getString("pilot_region")));
    }
}
