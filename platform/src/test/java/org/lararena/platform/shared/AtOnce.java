package org.lararena.platform.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Changes made through several instances at once, a thread each, for tests of lost updates. Test code only. */
public final class AtOnce {

    /** One change through one instance: the instance's number and the change's number on it. */
    public interface Change {
        void make(int instance, int change) throws Exception;
    }

    private AtOnce() {
    }

    /** Makes {@code times} changes through each of {@code instances} instances at once; returns when all are made, or throws the first failure. */
    public static void run(int instances, int times, Change change) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int n = 0; n < instances; n++) {
                int instance = n;
                work.add(() -> {
                    for (int i = 0; i < times; i++) {
                        change.make(instance, i);
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
