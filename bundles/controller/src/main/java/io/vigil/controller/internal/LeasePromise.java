package io.vigil.controller.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A member's promise to the DC whose lease it answered last: for one lease time after sending that answer it answers
 * no other DC (the DC itself included, for its own lease). A DC counts an answer for one lease time after sending
 * the lease it answers, which is before the answer was sent, so by the time this node answers another DC every
 * authority the first one drew from this node has lapsed. With every DC needing a majority of the same nodes, two
 * DCs are never authoritative at once, however quickly views change or however late their messages arrive.
 *
 * <p>A DC confirmed crashed holds no authority: its promise is released at once. Thread-safe; time is passed in
 * (monotonic nanoseconds).
 */
final class LeasePromise {

    private final long leaseNanos;
    private String dc;
    private long until;

    LeasePromise(long leaseMs) {
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMs);
    }

    /**
     * Whether this node may answer {@code candidate}'s lease now; when it may, the promise moves to {@code candidate}
     * from {@code nowNanos}, which must be the time stamp the answer carries.
     */
    synchronized boolean answer(String candidate, long nowNanos, Predicate<String> crashed) {
        if (dc != null && !dc.equals(candidate) && until - nowNanos > 0 && !crashed.test(dc)) {
            return false;
        }
        dc = candidate;
        until = nowNanos + leaseNanos;
        return true;
    }

    /** The DC this node promised itself to, while the promise holds (for status and logs), or null. */
    synchronized String promisedTo(long nowNanos) {
        return dc != null && until - nowNanos > 0 ? dc : null;
    }
}
