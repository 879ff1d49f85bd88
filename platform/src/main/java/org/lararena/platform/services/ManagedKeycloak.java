package org.lararena.platform.services;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.lararena.platform.LararenaConfig;

/**
 * Keycloak in development mode on loopback, unpacked into {@code <data dir>/keycloak}, with the realm
 * {@code lararena} imported from {@value #REALM_RESOURCE} on first start (Keycloak skips the import when the realm
 * exists, so changes made in the admin console survive restarts), and with Lärarena's login theme
 * ({@link KeycloakLoginTheme}), copied in at every start.
 */
public final class ManagedKeycloak {

    public static final String REALM_RESOURCE = "/keycloak/lararena-realm.json";
    public static final String ADMIN_USER = "admin";
    /** The realm the shipped realm file holds. */
    static final String REALM = "lararena";

    private final ServerDistributions distributions;
    private final Path root;
    private final int port;
    private final Path javaHome;

    public ManagedKeycloak(ServerDistributions distributions, Path root, int port, Path javaHome) {
        this.distributions = Objects.requireNonNull(distributions);
        this.root = Objects.requireNonNull(root).toAbsolutePath();
        this.port = port;
        this.javaHome = Objects.requireNonNull(javaHome);
    }

    public static ManagedKeycloak forConfig(LararenaConfig config, ServerDistributions distributions) {
        return new ManagedKeycloak(distributions, config.dataPath("keycloak"), config.keycloak().port(),
                Path.of(System.getProperty("java.home")));
    }

    public URI url() {
        return URI.create("http://" + LararenaConfig.LOOPBACK + ":" + port);
    }

    /** The admin console's password, made once per data directory and kept there (readable by its owner only). */
    public String adminPassword() {
        Path file = root.resolve("admin-password");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(root);
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            Files.writeString(file, password);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (IOException e) {
            throw new ServiceStartException("could not keep the Keycloak admin password in " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Forgets every realm this Keycloak holds, so that the next {@link #start} imports the realm as the project ships it
     * (Keycloak skips a realm it already has: one imported by an earlier version would lack roles added since). For the
     * test harness; a platform's users and passwords would go with it.
     */
    public void forgetRealms() {
        Path database = root.resolve("keycloak-" + distributions.keycloakVersion()).resolve("data/h2");
        try (Stream<Path> files = Files.exists(database) ? Files.walk(database) : Stream.empty()) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new ServiceStartException("could not remove Keycloak's database in " + database + " (" + e.getMessage() + ")", e);
        }
    }

    public ManagedProcess start(Duration timeout) {
        Ports.requireFree(LararenaConfig.LOOPBACK, port, "LARARENA_KEYCLOAK_PORT");
        Path home = ServerDistributions.unpackOnce(distributions.keycloakZip(), root.resolve("keycloak-" + distributions.keycloakVersion()));
        try (InputStream realm = ManagedKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Objects.requireNonNull(realm, REALM_RESOURCE), importDir.resolve("lararena-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            KeycloakLoginTheme.install(home);
        } catch (IOException e) {
            throw new ServiceStartException("could not prepare Keycloak in " + root + " (" + e.getMessage() + ")", e);
        }
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + LararenaConfig.LOOPBACK,
                "--http-port=" + port,
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        ManagedProcess process = ManagedProcess.start("Keycloak", command, env, home, root.resolve("logs/console.log"));
        process.awaitReady(url().resolve("/realms/" + REALM + "/.well-known/openid-configuration"), timeout);
        KeycloakLoginTheme.adopt(url(), REALM, adminPassword());
        return process;
    }
}
