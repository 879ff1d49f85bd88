package org.lararena.platform.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a port is free before a server is started on it, so a taken port gets a clear message. */
public final class Ports {

    private Ports() {
    }

    /** Throws naming {@code key} when {@code port} cannot be bound on {@code host}. */
    public static void requireFree(String host, int port, String key) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new ServiceStartException("port " + port + " (" + key + ") is already in use on " + host
                    + ": stop what uses it, or set " + key + " to a free port");
        }
    }

    /** A port the system says is free now (for tests that need several servers side by side). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
