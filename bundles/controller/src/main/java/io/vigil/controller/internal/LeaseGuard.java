package io.vigil.controller.internal;

import java.util.concurrent.TimeUnit;

/**
 * Decides when this node must stop its exclusive resources on its own, without waiting for any DC: when its lease
 * from the DC of a partition allowed to run resources ran out, or when it notices on its own monotonic clock that
 * it was stalled (frozen, suspended) for longer than the failure-detection timeout. After a stall, leases prove
 * nothing (they may have been queued while the node was frozen) and this node must not act as DC on its possibly
 * stale view: both hold until a new membership view arrives, or until three stall times passed without one (then
 * nobody suspected this node). The end of that window lets no stale DC start anything: as DC it still needs a
 * majority of its view to confirm that view first ({@link DcAuthority}), and the caller drops every confirmation it
 * had when {@link #stalls()} moves. Pure logic with time passed in (monotonic nanoseconds).
 */
final class LeaseGuard {

    /** What the caller must do after a tick. */
    enum Verdict { KEEP, STOP_EXCLUSIVE }

    private final long leaseNanos;
    private final long stallNanos;
    private long lastLease;
    private boolean held;
    private long lastTick;
    private boolean stalled;
    private long stalledUntil;
    private long stalls;

    /**
     * @param leaseMs how long a lease holds, from the answer it echoes
     * @param stallMs a gap between two ticks longer than this is a stall (the failure-detection timeout: the others
     *        may have excluded this node meanwhile)
     */
    LeaseGuard(long leaseMs, long stallMs, long nowNanos) {
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMs);
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
        this.lastTick = nowNanos;
    }

    /**
     * A lease arrived from the DC of this node's current view. {@code grantedFromNanos} (this node's clock) is when
     * this node sent the answer the lease echoes: the lease holds for one lease time from then, not from its arrival,
     * so a lease delayed in the network (retransmitted, say) never outlives what its DC counts on. Null when the lease
     * grants nothing (its DC has no authority yet, or this node has not answered it yet): then it only revokes.
     */
    void leaseReceived(boolean runnable, Long grantedFromNanos, long nowNanos) {
        if (recovering(nowNanos)) {
            return;
        }
        if (!runnable) {
            if (held) {
                lastLease = nowNanos - leaseNanos - 1; // the DC says this partition must not run resources
            }
            return;
        }
        if (grantedFromNanos == null) {
            return;
        }
        long from = grantedFromNanos - nowNanos > 0 ? nowNanos : grantedFromNanos;
        if (nowNanos - from > leaseNanos || held && from - lastLease < 0) {
            return; // expired already, or older than the lease held
        }
        lastLease = from;
        held = true;
    }

    /** A new membership view was installed: the stall, if any, is over. */
    void viewInstalled() {
        stalled = false;
    }

    /** Whether this node is recovering from a stall (no DC role, leases ignored). */
    boolean recovering(long nowNanos) {
        if (stalled && nowNanos - stalledUntil >= 0) {
            stalled = false;
        }
        return stalled;
    }

    /** Called periodically; says whether exclusive resources must be stopped now. */
    Verdict tick(long nowNanos) {
        long gap = nowNanos - lastTick;
        lastTick = nowNanos;
        if (gap > stallNanos) {
            stalls++;
            stalled = true;
            stalledUntil = nowNanos + 3 * stallNanos;
            if (held) {
                held = false;
                return Verdict.STOP_EXCLUSIVE;
            }
            return Verdict.KEEP;
        }
        if (held && nowNanos - lastLease > leaseNanos) {
            held = false;
            return Verdict.STOP_EXCLUSIVE;
        }
        return Verdict.KEEP;
    }

    /** How many stalls this node noticed so far. */
    long stalls() {
        return stalls;
    }

    boolean held() {
        return held;
    }
}
