package org.lararena.platform.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The logins of the development realm that {@link ManagedKeycloak} imports, read from the realm file itself
 * ({@value ManagedKeycloak#REALM_RESOURCE}), so that what {@code ./lararena up} prints cannot drift from who can log in.
 */
public final class DemoLogins {

    /** One user of the realm with the password it ships with, its realm roles and, for a pilot, its region. */
    public record DemoLogin(String username, String password, List<String> roles, List<String> regions) {

        /** {@code pilot/pilot (pilot, Värmland)}. */
        public String describe() {
            List<String> about = new ArrayList<>(roles);
            about.addAll(regions);
            return username + "/" + password + " (" + String.join(", ", about) + ")";
        }
    }

    private DemoLogins() {
    }

    /** The realm's users that have a password, in the realm file's order. */
    public static List<DemoLogin> ofShippedRealm() {
        try (InputStream realm = Objects.requireNonNull(DemoLogins.class.getResourceAsStream(ManagedKeycloak.REALM_RESOURCE),
                ManagedKeycloak.REALM_RESOURCE)) {
            return of(new ObjectMapper().readTree(realm));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ManagedKeycloak.REALM_RESOURCE, e);
        }
    }

    static List<DemoLogin> of(JsonNode realm) {
        List<DemoLogin> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String password = null;
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    password = credential.path("value").asText();
                }
            }
            if (password != null) {
                logins.add(new DemoLogin(user.path("username").asText(), password, texts(user.path("realmRoles")),
                        texts(user.path("attributes").path("pilot_region"))));
            }
        }
        return List.copyOf(logins);
    }

    /** {@code forskare/forskare (researcher), …}: one line for the start banner. */
    public static String describe(List<DemoLogin> logins) {
        return logins.stream().map(DemoLogin::describe).collect(Collectors.joining(", "));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return List.copyOf(texts);
    }
}
