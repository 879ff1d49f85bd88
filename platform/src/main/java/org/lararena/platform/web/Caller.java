package org.lararena.platform.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lararena.platform.LararenaException;

/**
 * Who is calling, as the authentication handler established it: every endpoint asks this, never the token.
 *
 * @param pilotRegion the pilot's own region (a Keycloak user attribute), when the caller has one
 */
public record Caller(String username, Set<String> roles, Optional<String> pilotRegion) {

    public static final String RESEARCHER = "researcher";
    public static final String PILOT = "pilot";
    public static final String ATTENDEE = "attendee";
    public static final String ADMIN = "admin";
    /** May erase documents for good (a participant's withdrawn consent, retention ended): see docs/operations.md. */
    public static final String DATA_STEWARD = "data-steward";

    /** The anonymous caller: no roles. */
    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), Optional.empty());

    private static final String CONTEXT_KEY = "lararena.caller";

    public Caller {
        Objects.requireNonNull(username);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(pilotRegion);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isResearcher() {
        return has(RESEARCHER);
    }

    /** Fails with 403 unless the caller has {@code role}. */
    public Caller require(String role) {
        if (!has(role)) {
            throw LararenaException.forbidden("this needs the role " + role);
        }
        return this;
    }

    public void attachTo(RoutingContext ctx) {
        ctx.put(CONTEXT_KEY, this);
    }

    /** The caller of this request; anonymous when no authentication handler ran. */
    public static Caller of(RoutingContext ctx) {
        Caller caller = ctx.get(CONTEXT_KEY);
        return caller != null ? caller : ANONYMOUS;
    }
}
