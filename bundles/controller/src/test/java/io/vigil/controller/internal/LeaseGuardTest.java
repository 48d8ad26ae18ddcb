package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import io.vigil.controller.internal.LeaseGuard.Verdict;

import org.junit.jupiter.api.Test;

/** The lease rules on an injected monotonic clock: ticks every 20 ms as in a node, leases every 200 ms. */
class LeaseGuardTest {

    private static final long LEASE_MS = 1000;
    private long now = 5_000_000_000L;
    private final LeaseGuard guard = new LeaseGuard(LEASE_MS, LEASE_MS, now);

    private Verdict tickFor(long ms, boolean leases, boolean runnable) {
        Verdict worst = Verdict.KEEP;
        for (long t = 20; t <= ms; t += 20) {
            now += TimeUnit.MILLISECONDS.toNanos(20);
            if (leases && t % 200 == 0) {
                guard.leaseReceived(runnable, now, now);
            }
            if (guard.tick(now) == Verdict.STOP_EXCLUSIVE) {
                worst = Verdict.STOP_EXCLUSIVE;
            }
        }
        return worst;
    }

    @Test
    void noLeaseNoStopAndNoHold() {
        assertEquals(Verdict.KEEP, tickFor(5000, false, true), "a node that never held a lease has nothing to stop");
        assertFalse(guard.held());
    }

    @Test
    void freshLeasesKeepResourcesRunning() {
        assertEquals(Verdict.KEEP, tickFor(10_000, true, true));
        assertTrue(guard.held());
        assertFalse(guard.recovering(now));
    }

    @Test
    void aLapsedLeaseStopsExclusiveResourcesOnceAndNotBefore() {
        tickFor(1000, true, true);
        assertEquals(Verdict.KEEP, tickFor(980, false, true), "within the lease time nothing stops");
        assertTrue(guard.held());
        assertEquals(Verdict.STOP_EXCLUSIVE, tickFor(60, false, true), "the lease lapsed");
        assertFalse(guard.held(), "starts are refused from now on");
        assertEquals(Verdict.KEEP, tickFor(3000, false, true), "the verdict is given once");
    }

    @Test
    void aLeaseSayingThePartitionMayNotRunStopsAtOnce() {
        tickFor(1000, true, true);
        guard.leaseReceived(false, now, now);
        assertEquals(Verdict.STOP_EXCLUSIVE, tickFor(20, false, true));
        assertEquals(Verdict.KEEP, tickFor(2000, true, false), "non-runnable leases never grant a hold");
        assertFalse(guard.held());
    }

    @Test
    void aStallLongerThanTheLeaseStopsBeforeAnythingElseAndIgnoresQueuedLeases() {
        tickFor(1000, true, true);
        now += TimeUnit.MILLISECONDS.toNanos(1500); // frozen: no tick ran for 1.5 s
        guard.leaseReceived(true, now, now); // a lease queued while frozen arrives first: it proves nothing
        assertEquals(Verdict.STOP_EXCLUSIVE, guard.tick(now), "the first tick after the stall stops");
        assertEquals(1, guard.stalls(), "the stall is counted: the caller drops the DC's confirmations");
        assertTrue(guard.recovering(now), "no DC role and no leases until the membership settles");
        guard.leaseReceived(true, now, now);
        assertFalse(guard.held(), "leases are ignored while recovering");
        guard.viewInstalled();
        assertFalse(guard.recovering(now));
        guard.leaseReceived(true, now, now);
        assertTrue(guard.held(), "after a new view, leases count again");
    }

    @Test
    void aStallEndsOnItsOwnAfterThreeLeaseTimesWithoutAView() {
        tickFor(400, true, true);
        now += TimeUnit.MILLISECONDS.toNanos(1200);
        assertEquals(Verdict.STOP_EXCLUSIVE, guard.tick(now));
        tickFor(2980, false, true);
        assertTrue(guard.recovering(now));
        tickFor(40, false, true);
        assertFalse(guard.recovering(now), "nobody suspected this node: it may act again");
    }

    @Test
    void aShortPauseIsNoStall() {
        tickFor(1000, true, true);
        now += TimeUnit.MILLISECONDS.toNanos(900);
        assertEquals(Verdict.KEEP, guard.tick(now));
        assertEquals(0, guard.stalls());
        assertFalse(guard.recovering(now));
        assertTrue(guard.held());
    }

    @Test
    void aLeaseHoldsFromTheAnswerItEchoesNotFromItsArrival() {
        long answered = now;
        now += TimeUnit.MILLISECONDS.toNanos(700); // the lease was retransmitted for 700 ms
        guard.leaseReceived(true, answered, now);
        assertTrue(guard.held());
        now += TimeUnit.MILLISECONDS.toNanos(290);
        assertEquals(Verdict.KEEP, guard.tick(now), "990 ms after the answer");
        now += TimeUnit.MILLISECONDS.toNanos(20);
        assertEquals(Verdict.STOP_EXCLUSIVE, guard.tick(now), "one lease time after the answer, not after arrival");
    }

    @Test
    void aLeaseEchoingAnAnswerOlderThanTheLeaseTimeGrantsNothing() {
        long answered = now;
        now += TimeUnit.MILLISECONDS.toNanos(1500);
        guard.leaseReceived(true, answered, now);
        assertFalse(guard.held());
        guard.leaseReceived(true, null, now);
        assertFalse(guard.held(), "a lease without a grant only probes");
    }
}
