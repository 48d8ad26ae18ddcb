package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;

import org.junit.jupiter.api.Test;

/** The lease exchange of one DC and two members, by hand: what an expelled member is sent. */
class LeaseProtocolTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void anExpelledMemberIsSentALeaseThatRevokesAndNoGrantForItsAnswers() {
        MembershipView view = view();
        LeaseGuard n2Guard = new LeaseGuard(2000, 1000, 0);
        LeaseProtocol dc = new LeaseProtocol("n1", 2000, new LeaseGuard(2000, 1000, 0), new DcAuthority("n1", 1000),
                new LeasePromise(1000));
        LeaseProtocol n2 = new LeaseProtocol("n2", 2000, n2Guard, new DcAuthority("n2", 1000),
                new LeasePromise(1000));
        Predicate<String> all = m -> true;
        Predicate<String> notN2 = m -> !m.equals("n2");

        // n2 answers the first round; the DC's grant gives it a lease
        LeaseProtocol.Round first = dc.leaseRound(view, 1, true, List.of(), m -> false, all, 0);
        Messages.LeaseAck ack = n2.leaseReceived(first.leases().get("n2"), view, m -> false, 10 * MS);
        assertNotNull(ack);
        dc.ackReceived("n3", new Messages.LeaseAck("n3", 1, view.viewId(), 10 * MS), view, all, 20 * MS);
        LeaseProtocol.Answered granted = dc.ackReceived("n2", ack, view, all, 20 * MS);
        assertNotNull(granted.grant(), "the DC is authoritative: n2's answer is granted back");
        n2.leaseReceived(granted.grant(), view, m -> false, 30 * MS);
        assertTrue(n2Guard.held());

        // expelled: the next round revokes, and its answers get nothing back
        LeaseProtocol.Round second = dc.leaseRound(view, 2, true, List.of(), m -> false, notN2, 200 * MS);
        Messages.Lease revoking = second.leases().get("n2");
        assertFalse(revoking.runnable());
        assertNull(revoking.grantedFrom());
        assertTrue(second.leases().get("n3").runnable(), "the others keep theirs");
        Messages.LeaseAck again = n2.leaseReceived(revoking, view, m -> false, 210 * MS);
        assertEquals(LeaseGuard.Verdict.STOP_EXCLUSIVE, n2Guard.tick(215 * MS),
                "n2 stops its exclusive resources at once");
        assertNull(dc.ackReceived("n2", again, view, notN2, 220 * MS).grant());
    }

    private static MembershipView view() {
        List<Member> m = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3")) {
            m.add(new Member(n, Integer.parseInt(n.substring(1)), 1, Instant.EPOCH));
        }
        return new MembershipView(7, "n1", m, false, List.of());
    }
}
