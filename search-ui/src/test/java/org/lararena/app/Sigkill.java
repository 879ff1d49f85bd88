package org.lararena.app;

import java.util.ArrayList;
import java.util.List;
import org.lararena.platform.services.ManagedProcess;

/** SIGKILL for the fault tests: no shutdown hook, no flush, as when a machine loses power. */
final class Sigkill {

    private Sigkill() {
    }

    /** Kills a managed server and every process its start script launched (its JVM), and waits until they are gone. */
    static void kill(ManagedProcess server) throws Exception {
        ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().get();
        }
    }
}
