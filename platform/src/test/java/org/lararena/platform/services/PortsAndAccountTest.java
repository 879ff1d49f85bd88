package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsAndAccountTest {

    @Test
    void aTakenPortIsNamedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Ports.requireFree("127.0.0.1", taken.getLocalPort(), "LARARENA_ES_PORT"))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("LARARENA_ES_PORT");
        }
    }

    /** A free port passes the check, and the check lets go of it: the server started next can bind it. */
    @Test
    void aFreePortPassesAndStaysFreeForTheServer() throws Exception {
        int port = Ports.freePort();

        assertThatCode(() -> Ports.requireFree("127.0.0.1", port, "LARARENA_HTTP_PORT")).doesNotThrowAnyException();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void findsTheFolderAnUnprivilegedAccountCannotPass(@TempDir Path dir) throws Exception {
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Path inside = Files.createDirectories(closed.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThat(UnprivilegedAccount.firstUntraversable(inside)).isEqualTo(closed);

        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx--x--x"));
        Path ancestorsOpen = UnprivilegedAccount.firstUntraversable(inside);
        assertThat(ancestorsOpen == null || !ancestorsOpen.startsWith(dir)).isTrue();
    }
}
