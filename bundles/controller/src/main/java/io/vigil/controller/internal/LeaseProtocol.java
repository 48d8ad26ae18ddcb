package io.vigil.controller.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vigil.messaging.api.MembershipView;

/**
 * One node's side of the lease exchange, without the messaging: as DC it sends a lease round to the members of its
 * view and counts their answers ({@link DcAuthority}), renewing its own lease exactly as long as its authority
 * lasts; as member it takes the lease of its view's DC ({@link LeaseGuard}) and answers it when its promise allows
 * ({@link LeasePromise}). The caller sends what these methods return. Time is passed in (monotonic nanoseconds).
 */
final class LeaseProtocol {

    /** What a lease round produced: the lease for each other member, and whether the DC just gained authority. */
    record Round(Map<String, Messages.Lease> leases, boolean authorityGained) {
    }

    /**
     * What an answer produced: whether the DC just gained authority, and the lease to send back at once (granting
     * from that very answer, so a member's lease is never staler than one round trip), or null.
     */
    record Answered(boolean authorityGained, Messages.Lease grant) {
    }

    private final String me;
    private final long memberLeaseNanos;
    private final LeaseGuard guard;
    private final DcAuthority authority;
    private final LeasePromise promise;

    /** The last round this node sent as DC (what an immediate grant repeats), or null. */
    private Messages.Lease lastRound;
    /** The latest lease this node answered: a lease repeating it (an immediate grant) is taken, not answered. */
    private String answeredDc;
    private long answeredView;
    private long answeredSequence;

    /**
     * @param memberLeaseMs how long a lease holds at a member, from its answer: longer than the DC's authority
     *        lasts, so that a member keeps running while the survivors elect a new DC after a silent loss of the old
     *        one (detection, view change, the new DC's first answers)
     */
    LeaseProtocol(String me, long memberLeaseMs, LeaseGuard guard, DcAuthority authority, LeasePromise promise) {
        this.me = me;
        this.memberLeaseNanos = TimeUnit.MILLISECONDS.toNanos(memberLeaseMs);
        this.guard = guard;
        this.authority = authority;
        this.promise = promise;
    }

    /**
     * This node, DC of {@code view}, sends lease {@code sequence}: a lease grants time only while this DC is
     * authoritative, counted from the member's own latest answer. {@code crashed} are nodes confirmed crashed (told
     * to the members), {@code crashedHere} what this node's own witness confirms besides; a member not
     * {@code granted} gets a lease that revokes (it was expelled, see {@link DesignatedController#grantsTo}).
     */
    synchronized Round leaseRound(MembershipView view, long sequence, boolean runnable, List<String> crashed,
            Predicate<String> crashedHere, Predicate<String> granted, long nowNanos) {
        boolean selfConfirms = promise.answer(me, nowNanos,
                n -> !view.contains(n) && (crashed.contains(n) || crashedHere.test(n)));
        boolean had = authority.authoritative(view, nowNanos);
        authority.leaseSent(view.viewId(), sequence, nowNanos, selfConfirms);
        boolean authoritative = authority.authoritative(view, nowNanos);
        if (authoritative) {
            // the DC's own lease is its leader lease: it ends when its authority does
            guard.leaseReceived(runnable, authority.expiry(view, nowNanos) - memberLeaseNanos, nowNanos);
        }
        Map<String, Messages.Lease> leases = new LinkedHashMap<>();
        for (String member : view.names()) {
            if (!member.equals(me)) {
                boolean grants = granted.test(member);
                Long grant = authoritative && grants ? authority.answeredAt(member, view.viewId()) : null;
                leases.put(member, new Messages.Lease(me, sequence, runnable && grants, view.viewId(), grant,
                        crashed));
            }
        }
        lastRound = new Messages.Lease(me, sequence, runnable, view.viewId(), null, crashed);
        return new Round(leases, !had && authoritative);
    }

    /**
     * A lease from the DC of this node's view, for that view: taken, and answered unless this node still owes its
     * answers to another DC. Returns the answer to send, or null.
     */
    synchronized Messages.LeaseAck leaseReceived(Messages.Lease lease, MembershipView view,
            Predicate<String> crashedHere, long nowNanos) {
        guard.leaseReceived(lease.runnable(), lease.grantedFrom(), nowNanos);
        if (lease.dc().equals(answeredDc) && lease.viewId() == answeredView && lease.sequence() <= answeredSequence) {
            return null; // the grant for an answer already given
        }
        return answer(lease.dc(), lease.sequence(), view, n -> crashedHere.test(n) || lease.crashed().contains(n),
                nowNanos);
    }

    /** Answers {@code dc}'s lease {@code sequence} for {@code view} if the promise allows; null if not. */
    synchronized Messages.LeaseAck answer(String dc, long sequence, MembershipView view, Predicate<String> crashed,
            long nowNanos) {
        if (!promise.answer(dc, nowNanos, n -> !view.contains(n) && crashed.test(n))) {
            return null;
        }
        answeredDc = dc;
        answeredView = view.viewId();
        answeredSequence = sequence;
        return new Messages.LeaseAck(me, sequence, view.viewId(), nowNanos);
    }

    /** An answer from {@code sender} arrived at this DC of {@code view}; granted back unless not {@code granted}. */
    synchronized Answered ackReceived(String sender, Messages.LeaseAck ack, MembershipView view,
            Predicate<String> granted, long nowNanos) {
        boolean had = authority.authoritative(view, nowNanos);
        authority.ackReceived(sender, ack.viewId(), ack.sequence(), ack.answeredNanos(), nowNanos);
        boolean authoritative = authority.authoritative(view, nowNanos);
        Messages.Lease round = lastRound;
        Messages.Lease grant = null;
        if (authoritative && round != null && round.viewId() == view.viewId() && ack.viewId() == view.viewId()
                && view.contains(sender) && !sender.equals(me) && granted.test(sender)) {
            Long from = authority.answeredAt(sender, view.viewId());
            if (from != null) {
                grant = new Messages.Lease(me, ack.sequence(), round.runnable(), view.viewId(), from, round.crashed());
            }
        }
        return new Answered(!had && authoritative, grant);
    }

    /** To which DC this node's answers are promised now, or null (for logs). */
    String promisedTo(long nowNanos) {
        return promise.promisedTo(nowNanos);
    }
}
