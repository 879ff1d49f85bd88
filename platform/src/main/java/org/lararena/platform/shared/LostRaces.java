package org.lararena.platform.shared;

import java.util.concurrent.ThreadLocalRandom;
import org.lararena.platform.LararenaException;

/**
 * The pause after losing an optimistic race (another writer changed what this one read), before trying again. Two
 * writers that retried at once would meet again at every attempt and both give up; a random pause, longer after each
 * loss, lets one of them through. Blocking: call from worker threads, which may wait.
 */
public final class LostRaces {

    private LostRaces() {
    }

    /**
     * Waits between 1 ms and {@code 10 × 2^attempt} ms (at most 320 ms) after the {@code attempt}th lost race.
     *
     * @param what what was being changed, for the error should the thread be interrupted meanwhile
     */
    public static void pauseAfter(int attempt, String what) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << Math.min(Math.max(attempt, 1), 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LararenaException.unavailable("interrupted while waiting to change " + what + " again", e);
        }
    }
}
