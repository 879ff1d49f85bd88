package org.lararena.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lararena.platform.testing.TestServices;

/** Runs {@code ./lararena} as a user does: a separate JVM on the packaged application, with its own environment. */
final class CliRunner {

    record Run(int exit, String out, String err) {
    }

    private CliRunner() {
    }

    /**
     * The environment of a user's command line that talks to {@code app}, with a data directory and a configuration
     * folder (where {@code login} keeps its credentials) of its own under {@code home}; a test may add to it.
     */
    static Map<String, String> environment(RunningApplication app, Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("LARARENA_PUBLIC_URL", app.url.toString());
        env.put("LARARENA_KEYCLOAK_URL", TestServices.get().keycloakUrl().toString());
        env.put("LARARENA_DATA_DIR", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return env;
    }

    static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = builder(env, args).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./lararena " + String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    /** Starts {@code ./lararena args} and returns at once (for {@code up}); its output goes to target/cli-*.log. */
    static Process start(Map<String, String> env, String... args) throws IOException {
        Path log = Path.of("target").toAbsolutePath().resolve("cli-" + args[0] + "-" + System.nanoTime() + ".log");
        return builder(env, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        Path target = Path.of("target").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", target.resolve("lararena.jar") + ":" + target.resolve("lib") + "/*", Lararena.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("LARARENA_"));
        builder.environment().put("LARARENA_HOME", System.getProperty("lararena.project.dir", ".."));
        builder.environment().putAll(env);
        return builder;
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
