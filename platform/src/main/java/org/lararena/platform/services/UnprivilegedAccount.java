package org.lararena.platform.services;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system account without login or home for a server that refuses to run as root (Elasticsearch does).
 * When the launcher runs as root it creates the account once and runs the server as it through
 * {@code setpriv}, which replaces itself with the server so stopping it stops the server.
 */
public record UnprivilegedAccount(String name) {

    public static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** Creates the account unless it exists. */
    public UnprivilegedAccount ensureExists() {
        if (run(List.of("id", "-u", name)) == 0) {
            return this;
        }
        String shell = Files.isExecutable(Path.of("/usr/sbin/nologin")) ? "/usr/sbin/nologin" : "/bin/false";
        int exit = run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", shell, name));
        if (exit != 0 && run(List.of("id", "-u", name)) != 0) {
            throw new ServiceStartException("could not create the unprivileged account '" + name + "' (useradd exit " + exit
                    + "): Elasticsearch refuses to run as root; run ./lararena as an ordinary user instead");
        }
        return this;
    }

    /** Makes {@code paths} (recursively) the account's own. */
    public void own(Path... paths) {
        for (Path path : paths) {
            if (run(List.of("chown", "-R", name + ":" + name, path.toString())) != 0) {
                throw new ServiceStartException("could not hand " + path + " to the account '" + name + "'");
            }
        }
    }

    /** The command prefix that runs what follows as this account. */
    public List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + name, "--regid=" + name, "--init-groups", "--");
    }

    /**
     * The nearest folder on {@code path}'s way from the root that others may not pass through, if any: the account
     * cannot reach anything below it (a checkout in /root, say).
     */
    public static Path firstUntraversable(Path path) {
        Path current = path.toAbsolutePath().getRoot();
        for (Path part : path.toAbsolutePath()) {
            current = current.resolve(part);
            if (!Files.exists(current)) {
                return null;
            }
            try {
                if (Files.isDirectory(current) && !Files.getPosixFilePermissions(current).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return current;
                }
            } catch (IOException e) {
                return current;
            }
        }
        return null;
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
