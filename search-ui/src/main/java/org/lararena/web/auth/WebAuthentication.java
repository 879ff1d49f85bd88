package org.lararena.web.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.KeycloakAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.OAuth2AuthHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.lararena.platform.ConfigurationException;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.web.Messages;

/**
 * Who is calling, for every request: a bearer token (scripts, the command line) or the browser's server-side
 * session, started by logging in through Keycloak with the authorization-code flow and PKCE. The session cookie
 * is {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} when the platform is served over HTTPS. A request
 * that changes something on the strength of the session cookie must carry the session's CSRF token (header
 * {@value #CSRF_HEADER}, or form field {@value #CSRF_FIELD}); bearer requests carry no ambient credential and need none.
 */
public final class WebAuthentication {

    /** The path of Keycloak's authorization endpoint, where {@code /login} sends the browser. */
    private static final String AUTHORIZATION_PATH = "/protocol/openid-connect/auth";

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final String CSRF_SESSION_KEY = "csrf";
    private static final String TOKENS_SESSION_KEY = "tokens";
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final LararenaConfig config;
    private final OAuth2Auth oauth2;
    private final TokenAuthentication tokens;

    private WebAuthentication(Vertx vertx, LararenaConfig config, OAuth2Auth oauth2, TokenAuthentication tokens) {
        this.vertx = vertx;
        this.config = config;
        this.oauth2 = oauth2;
        this.tokens = Objects.requireNonNull(tokens);
    }

    public static Future<WebAuthentication> discover(Vertx vertx, LararenaConfig config, TokenAuthentication tokens) {
        OAuth2Options options = new OAuth2Options()
                .setSite(config.keycloak().issuer().toString())
                .setClientId(config.keycloak().webClientId())
                .setClientSecret(config.keycloak().webClientSecret());
        return KeycloakAuth.discover(vertx, options)
                .recover(e -> Future.failedFuture(new ConfigurationException("the web login client of realm "
                        + config.keycloak().issuer() + " could not be set up: " + e.getMessage(), e)))
                .map(oauth2 -> new WebAuthentication(vertx, config, oauth2, tokens));
    }

    /**
     * Where login sessions live: in this process, or, clustered, in the cluster's shared data, so that a browser the
     * load balancer sends to another instance stays logged in (and a logout ends the session everywhere).
     */
    static SessionStore sessionStore(Vertx vertx) {
        return vertx.isClustered() ? ClusteredSessionStore.create(vertx) : LocalSessionStore.create(vertx);
    }

    /** Sessions, {@code /login}, {@code /callback}, {@code /logout}, and the caller of every later route. */
    public void addRoutes(Router router) {
        boolean https = "https".equals(config.publicUrl().getScheme());
        SessionHandler sessions = SessionHandler.create(sessionStore(vertx))
                .setSessionCookieName("lararena.session")
                .setCookieHttpOnlyFlag(true)
                .setCookieSecureFlag(https)
                .setCookieSameSite(CookieSameSite.LAX)
                .setSessionTimeout(8 * 60 * 60 * 1000L);
        router.route().handler(ctx -> {
            // A bearer call to the API needs no session: without this, every call would store a new eight-hour
            // session and answer with a cookie nobody sends back (a memory leak, and work on every request).
            if (isBearerApiCall(ctx)) {
                ctx.next();
            } else {
                sessions.handle(ctx);
            }
        });
        String callback = config.publicUrl().toString().replaceAll("/+$", "") + "/callback";
        OAuth2AuthHandler login = OAuth2AuthHandler.create(vertx, oauth2, callback)
                .setupCallback(router.get("/callback"))
                .pkceVerifierLength(64)
                .withScope("openid");
        // Two routes: Vert.x keeps plain handlers after authentication handlers on one route.
        router.get("/login").handler(ctx -> {
            String next = ctx.queryParams().get("next");
            if (next != null && isLocalPath(next)) {
                ctx.session().put("next", next);
            }
            // Keycloak's pages in the reader's language, not the browser's: the journey keeps one language.
            String language = Messages.of(ctx).language();
            ctx.addHeadersEndHandler(v -> {
                String location = ctx.response().headers().get("Location");
                if (location != null && location.contains(AUTHORIZATION_PATH) && !location.contains("ui_locales=")) {
                    ctx.response().headers().set("Location", location + (location.contains("?") ? "&" : "?") + "ui_locales=" + language);
                }
            });
            ctx.next();
        });
        router.get("/login").handler(login).handler(this::afterLogin);
        router.post("/logout").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::logout);
        router.route().handler(this::resolveCaller);
    }

    /** The session's CSRF token (made on first use) for pages to embed. */
    public static String csrfToken(RoutingContext ctx) {
        Session session = ctx.session();
        if (session == null) {
            return "";
        }
        String token = session.get(CSRF_SESSION_KEY);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.put(CSRF_SESSION_KEY, token);
        }
        return token;
    }

    /** Fails with 403 unless the request carries the session's CSRF token in the header or the parsed form. */
    public static void requireCsrfToken(RoutingContext ctx) {
        String expected = ctx.session() == null ? null : ctx.session().get(CSRF_SESSION_KEY);
        String given = ctx.request().getHeader(CSRF_HEADER);
        if (given == null) {
            given = ctx.request().getFormAttribute(CSRF_FIELD);
        }
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(), given.getBytes())) {
            throw LararenaException.forbidden("the request lacks this session's CSRF token: reload the page and try again");
        }
    }

    private void afterLogin(RoutingContext ctx) {
        // The tokens live in the server-side session; the browser only holds the session cookie.
        ctx.session().put(TOKENS_SESSION_KEY, ctx.user().principal().copy());
        String next = ctx.session().remove("next");
        ctx.redirect(next != null ? next : "/");
    }

    private void logout(RoutingContext ctx) {
        requireCsrfToken(ctx);
        JsonObject tokens = ctx.session().get(TOKENS_SESSION_KEY);
        User user = tokens != null ? User.create(tokens) : null;
        String target = config.publicUrl().toString().replaceAll("/+$", "") + "/";
        String endSession = user != null
                ? oauth2.endSessionURL(user, new JsonObject().put("post_logout_redirect_uri", target).put("client_id", config.keycloak().webClientId()))
                : target;
        ctx.session().destroy();
        ctx.redirect(endSession != null ? endSession : target);
    }

    private void resolveCaller(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            ctx.put("lararena.bearer", true);
            tokens.requireToken(ctx);
            return;
        }
        Session session = ctx.session();
        JsonObject sessionTokens = session == null ? null : session.get(TOKENS_SESSION_KEY);
        if (sessionTokens == null || sessionTokens.getString("access_token") == null) {
            ctx.next();
            return;
        }
        tokens.verify(sessionTokens.getString("access_token"))
                .recover(expired -> oauth2.refresh(User.create(sessionTokens)).compose(refreshed -> {
                    session.put(TOKENS_SESSION_KEY, refreshed.principal().copy());
                    return tokens.verify(refreshed.principal().getString("access_token"));
                }))
                .onSuccess(caller -> {
                    if (!SAFE_METHODS.contains(ctx.request().method()) && ctx.request().path().startsWith("/api/")) {
                        try {
                            requireCsrfToken(ctx);
                        } catch (LararenaException e) {
                            ctx.fail(e);
                            return;
                        }
                    }
                    caller.attachTo(ctx);
                    ctx.next();
                })
                .onFailure(e -> {
                    // The Keycloak session ended or the refresh token expired: the browser logs in again.
                    session.remove(TOKENS_SESSION_KEY);
                    ctx.next();
                });
    }

    private static boolean isBearerApiCall(RoutingContext ctx) {
        return ctx.request().getHeader("Authorization") != null && ctx.request().path().startsWith("/api/");
    }

    private static boolean isLocalPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && path.length() < 2000;
    }
}
