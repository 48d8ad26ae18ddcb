package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;

import org.junit.jupiter.api.Test;

/** The DC's leader lease on an injected monotonic clock: leases every 200 ms, lease time 1000 ms. */
class DcAuthorityTest {

    private static final long LEASE_MS = 1000;
    private long now = 7_000_000_000L;
    private long seq;
    private final DcAuthority authority = new DcAuthority("n1", LEASE_MS);

    private static MembershipView view(long id, String... names) {
        List<Member> m = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            m.add(new Member(names[i], Integer.parseInt(names[i].substring(1)), 1, Instant.EPOCH));
        }
        return new MembershipView(id, names[0], m, false, List.of());
    }

    private long lease(MembershipView v) {
        authority.leaseSent(v.viewId(), ++seq, now);
        return seq;
    }

    private void pass(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void aMajorityOfTheViewConfirmingItGivesAuthority() {
        MembershipView v = view(5, "n1", "n2", "n3");
        long s = lease(v);
        assertFalse(authority.authoritative(v, now), "the DC alone is 1 of 3");
        authority.ackReceived("n2", 5, s, now, now);
        assertTrue(authority.authoritative(v, now), "2 of 3");
        assertEquals(2, authority.confirmed(v, now));
    }

    @Test
    void membersHoldingAnotherViewDoNotCount() {
        MembershipView stale = view(5, "n1", "n2", "n3");
        long s = lease(stale);
        authority.ackReceived("n2", 6, s, now, now); // n2 and n3 excluded n1 and hold view 6 now
        authority.ackReceived("n3", 6, s, now, now);
        assertFalse(authority.authoritative(stale, now), "a stale view never gets a majority");
    }

    @Test
    void confirmationsLapseOneLeaseTimeAfterTheLeaseTheyAnswered() {
        MembershipView v = view(5, "n1", "n2", "n3");
        long s = lease(v);
        authority.ackReceived("n3", 5, s, now, now);
        for (int i = 0; i < 4; i++) {
            pass(200);
            lease(v); // the DC keeps sending, n3 no longer answers
        }
        pass(199);
        assertTrue(authority.authoritative(v, now), "999 ms after the answered lease");
        pass(1);
        lease(v);
        assertFalse(authority.authoritative(v, now), "one lease time after the answered lease: gone");
    }

    @Test
    void anAnswerQueuedWhileTheDcWasFrozenProvesNothing() {
        MembershipView v = view(5, "n1", "n2", "n3");
        long before = lease(v);
        pass(3000); // SIGSTOP: n2's answer to the lease sent before waits in the socket
        long after = lease(v);
        authority.ackReceived("n2", 5, before, now, now);
        assertFalse(authority.authoritative(v, now), "the answer is to a lease sent 3 s ago");
        authority.ackReceived("n2", 5, after, now, now);
        assertTrue(authority.authoritative(v, now), "an answer to a lease sent after the thaw counts");
    }

    @Test
    void aResetDropsEveryConfirmationAndEveryLeaseItMayAnswer() {
        MembershipView v = view(5, "n1", "n2", "n3");
        long s = lease(v);
        authority.ackReceived("n2", 5, s, now, now);
        authority.reset();
        assertFalse(authority.authoritative(v, now), "not even the DC's own confirmation is left");
        authority.ackReceived("n3", 5, s, now, now); // late answer to a lease from before the stall
        lease(v);
        assertFalse(authority.authoritative(v, now), "only the new lease's answers count");
    }

    @Test
    void aLateAnswerToAnOlderLeaseDoesNotReplaceANewerOne() {
        MembershipView v = view(5, "n1", "n2", "n3");
        long old = lease(v);
        pass(200);
        long fresh = lease(v);
        authority.ackReceived("n2", 5, fresh, now, now);
        authority.ackReceived("n2", 5, old, now, now);
        pass(900);
        lease(v);
        assertTrue(authority.authoritative(v, now), "n2's confirmation dates from the newer lease");
    }

    @Test
    void aOneNodeViewNeedsOnlyTheDcAndATwoNodeViewNeedsBoth() {
        MembershipView alone = view(1, "n1");
        assertFalse(authority.authoritative(alone, now), "no lease sent yet");
        lease(alone);
        assertTrue(authority.authoritative(alone, now), "a one-node cluster acts on its own");
        MembershipView two = view(2, "n1", "n2");
        long s = lease(two);
        assertFalse(authority.authoritative(two, now), "1 of 2 is no majority");
        authority.ackReceived("n2", 2, s, now, now);
        assertTrue(authority.authoritative(two, now));
    }

    @Test
    void aViewWithoutThisNodeNeverGivesAuthority() {
        MembershipView other = view(9, "n2", "n3");
        authority.leaseSent(9, ++seq, now);
        authority.ackReceived("n2", 9, seq, now, now);
        authority.ackReceived("n3", 9, seq, now, now);
        assertFalse(authority.authoritative(other, now));
    }
}
