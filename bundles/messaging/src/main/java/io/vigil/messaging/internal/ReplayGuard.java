package io.vigil.messaging.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rejects replayed sealed messages. Each sender incarnation numbers its messages; a receiver accepts each number
 * once, within a sliding window of {@value #WINDOW} numbers below the highest seen (out-of-order arrival from
 * concurrent senders is normal). A message whose timestamp lies more than the allowed clock skew from the local
 * clock is rejected too, which bounds how long an incarnation must be remembered.
 */
final class ReplayGuard {
    static final int WINDOW = 4096;
    private static final int MAX_INCARNATIONS = 1024;

    private final long maxSkewMs;
    private final Map<Long, Window> windows = new LinkedHashMap<>(64, 0.75f, true);

    ReplayGuard(long maxSkewMs) {
        this.maxSkewMs = maxSkewMs;
    }

    /** Outcome of a check. */
    enum Verdict { ACCEPT, REPLAY, TOO_OLD, CLOCK_SKEW }

    synchronized Verdict check(long incarnation, long counter, long timestamp, long now) {
        if (Math.abs(now - timestamp) > maxSkewMs) {
            return Verdict.CLOCK_SKEW;
        }
        expire(now);
        Window w = windows.computeIfAbsent(incarnation, k -> new Window());
        w.lastSeen = now;
        return w.accept(counter);
    }

    private void expire(long now) {
        Iterator<Window> it = windows.values().iterator();
        while (it.hasNext()) {
            Window w = it.next();
            if (windows.size() > MAX_INCARNATIONS || now - w.lastSeen > 2 * maxSkewMs) {
                it.remove();
            } else {
                break; // access order: the rest were seen more recently
            }
        }
    }

    private static final class Window {
        private final long[] bits = new long[WINDOW / 64];
        private long highest = -1;
        private long lastSeen;

        Verdict accept(long n) {
            if (n > highest) {
                for (long i = Math.max(highest + 1, n - WINDOW + 1); i <= n; i++) {
                    clear(i);
                }
                highest = n;
                set(n);
                return Verdict.ACCEPT;
            }
            if (n <= highest - WINDOW) {
                return Verdict.TOO_OLD;
            }
            if (isSet(n)) {
                return Verdict.REPLAY;
            }
            set(n);
            return Verdict.ACCEPT;
        }

        private int slot(long n) {
            return (int) (Math.floorMod(n, WINDOW));
        }

        private void set(long n) {
            bits[slot(n) >>> 6] |= 1L << slot(n);
        }

        private void clear(long n) {
            bits[slot(n) >>> 6] &= ~(1L << slot(n));
        }

        private boolean isSet(long n) {
            return (bits[slot(n) >>> 6] & (1L << slot(n))) != 0;
        }
    }
}
