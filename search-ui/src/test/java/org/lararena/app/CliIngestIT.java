package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.web.Browser;
import org.openqa.selenium.By;

/** {@code ./lararena login} and {@code ./lararena ingest} against the running platform. */
@WithApplication
class CliIngestIT {

    /** The command line's own data directory and configuration. */
    @TempDir
    static Path cliHome;

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    private static Map<String, String> env;

    @BeforeAll
    static void environment() {
        env = CliRunner.environment(app, cliHome);
    }

    /** The device grant, as on a machine without a browser: the command prints an address, a person logs in there. */
    @Test
    void loginWithTheDeviceGrantWaitsForThePersonToConfirmInABrowserThenIngestWorks(@TempDir Path config, @TempDir Path folder) throws Exception {
        Map<String, String> deviceEnv = new HashMap<>(env);
        deviceEnv.put("XDG_CONFIG_HOME", config.toString());
        Process login = CliRunner.builder(deviceEnv, "login").redirectErrorStream(true).start();
        try (var output = new BufferedReader(new InputStreamReader(login.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String address = null;
            while (address == null && (line = output.readLine()) != null) {
                var match = Pattern.compile("Open (\\S+) and confirm the code (\\S+)").matcher(line);
                if (match.find()) {
                    address = match.group(1);
                }
            }
            assertThat(address).as("the command prints where to log in").isNotNull().contains("/device");

            try (Browser browser = Browser.open(app.url, "cli-device-login")) {
                browser.driver().get(address);
                browser.find(By.id("username")).sendKeys("forskare");
                browser.driver().findElement(By.id("password")).sendKeys("forskare");
                browser.driver().findElement(By.id("kc-login")).click();
                // Keycloak asks to grant the command line access unless the client skips consent. The page after the
                // login takes its time to come: wait until it asks, or until the command has its token already.
                By accept = By.cssSelector("input[name=accept], button[name=accept]");
                browser.await(driver -> !driver.findElements(accept).isEmpty() || !login.isAlive());
                var consent = browser.driver().findElements(accept);
                if (!consent.isEmpty()) {
                    consent.get(0).click();
                }
                assertThat(login.waitFor(60, TimeUnit.SECONDS)).as("the command ends once the login is confirmed").isTrue();
            }
            assertThat(login.exitValue()).as(output.lines().collect(Collectors.joining("\n"))).isZero();
        } finally {
            login.destroyForcibly();
        }
        Files.writeString(folder.resolve("enhetsanteckning.txt"), "Anteckning om fast vårdkontakt efter inloggning med enhetskod.");
        CliRunner.Run ingest = CliRunner.run(deviceEnv, "ingest", folder.resolve("enhetsanteckning.txt").toString(), "--visibility", "public");
        assertThat(ingest.exit()).as(ingest.out() + ingest.err()).isZero();
        assertThat(ingest.out()).contains("indexed: 1");
    }

    @Test
    void ingestingAFolderReportsIndexedDuplicateAndFailedFilesAndExitsNonZeroOnFailure(@TempDir Path folder) throws Exception {
        assertThat(CliRunner.run(env, "login", "--user", "forskare", "--password", "forskare").exit()).isZero();
        Files.writeString(folder.resolve("rapport.txt"), "Ett stycke om uppföljning och indikatorer i Värmland.");
        Files.createDirectories(folder.resolve("under"));
        Files.writeString(folder.resolve("under/anteckning.txt"), "Mötet beslutade om ett nytt samverkansforum.");
        Files.writeString(folder.resolve("under/kopia.txt"), "Mötet beslutade om ett nytt samverkansforum.");
        Files.writeString(folder.resolve("tom.txt"), "");

        CliRunner.Run run = CliRunner.run(env, "ingest", folder.toString(), "--recursive", "--visibility", "public", "--pilot", "Värmland");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("indexed: 2, duplicate: 1, failed: 1");
        assertThat(run.out()).containsPattern("duplicate +.*kopia.txt \\(same content as document [0-9a-f-]+\\)");
        assertThat(run.out()).containsPattern("failed +.*tom.txt: .+");
        JsonObject found = new JsonObject(app.get("/api/search?q=samverkansforum&pilot=V%C3%A4rmland", researcher).body());
        assertThat(found.getLong("total")).isEqualTo(1);
    }

    @Test
    void aFolderWithoutRecursiveOrAMissingPathIsAUsageErrorBeforeAnythingIsSent(@TempDir Path folder) throws Exception {
        assertThat(CliRunner.run(env, "login", "--user", "forskare", "--password", "forskare").exit()).isZero();

        CliRunner.Run folderRun = CliRunner.run(env, "ingest", folder.toString());
        CliRunner.Run missing = CliRunner.run(env, "ingest", folder.resolve("finns-inte.pdf").toString());

        assertThat(folderRun.exit()).isEqualTo(2);
        assertThat(folderRun.err()).contains("--recursive");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("finns-inte.pdf does not exist");
    }

    @Test
    void ingestWithoutLoginSaysHowToLogIn(@TempDir Path otherConfig) throws Exception {
        Map<String, String> loggedOut = new HashMap<>(env);
        loggedOut.put("XDG_CONFIG_HOME", otherConfig.toString());

        CliRunner.Run run = CliRunner.run(loggedOut, "ingest", "README.md");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("./lararena login");
    }

    @Test
    void aWrongPasswordIsRefusedWithKeycloaksReason() throws Exception {
        CliRunner.Run run = CliRunner.run(env, "login", "--user", "forskare", "--password", "fel");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Keycloak refused");
    }
}
