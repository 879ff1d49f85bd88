package org.lararena.platform.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A full garbage collection for benchmarks that weigh the heap. Tests and the application run with
 * {@code -XX:+DisableExplicitGC} (see {@code lararena}), which makes {@link System#gc()} do nothing; the
 * {@code GC.run} diagnostic command, which {@code jcmd} sends too, still collects.
 */
public final class FullCollection {

    private FullCollection() {
    }

    public static void run() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcRun",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("no full collection: " + e.getMessage(), e);
        }
    }
}
