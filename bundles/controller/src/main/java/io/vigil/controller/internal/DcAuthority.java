package io.vigil.controller.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.vigil.messaging.api.MembershipView;

/**
 * The DC's leader lease: whether enough members of the view this node coordinates confirmed, recently, that they
 * hold that same view and accept this node as their DC. A DC whose view is stale (it was frozen while the others
 * moved on, or its partition has not merged yet) gets no such confirmations, so it must not start anything; that
 * is what keeps one DC.
 *
 * <p>Every lease the DC sends has a sequence number; each member answers with a {@link Messages.LeaseAck} naming
 * the view it holds and when (on its own clock) it answered. An answer is fresh while the lease it answers was sent
 * less than one lease time ago on this node's monotonic clock, so answers queued while this node was stalled never
 * count. Enough means more than half of the view, and, while the partition is quorate and its policy needs quorum,
 * at least the quorum's votes: two DCs then always share a member, and a member answers one DC at a time
 * ({@link LeasePromise}), so their authorities never overlap in time.
 *
 * <p>The DC's own answer counts only while this node's own promise allows it. Thread-safe: the lease thread, the
 * messaging thread and the DC loop all use it. Time is passed in (monotonic nanoseconds).
 */
final class DcAuthority {

    /**
     * The latest answer of one member: the view it held, when the lease it answered was sent (this node's clock),
     * when it answered (its own clock, echoed back in later leases) and when the answer arrived (this node's clock).
     */
    private record Ack(long viewId, long leaseSentNanos, long answeredNanos, long receivedNanos) {
    }

    private final String me;
    private final long leaseNanos;
    private final IntSupplier quorumVotes;
    /** Send time of each recent lease, by sequence number, oldest first. */
    private final LinkedHashMap<Long, Long> sent = new LinkedHashMap<>();
    private final Map<String, Ack> acks = new HashMap<>();
    /** Start of the current uninterrupted stretch of authority as last observed, or null when it had none. */
    private Long since;
    private long observedExpiry;

    /**
     * @param quorumVotes votes the partition needs while it is quorate and its no-quorum-policy asks for quorum: the
     *        least number of confirmations then; 0 when the policy ignores quorum; -1 while the policy asks for
     *        quorum and the partition has none (its DC may still act, to stop things, but fences off no other DC)
     */
    DcAuthority(String me, long leaseMs, IntSupplier quorumVotes) {
        this.me = me;
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMs);
        this.quorumVotes = quorumVotes;
    }

    DcAuthority(String me, long leaseMs) {
        this(me, leaseMs, () -> 0);
    }

    /**
     * This node, as DC of view {@code viewId}, sent lease {@code sequence} now; {@code selfConfirms} when its own
     * promise lets it count itself (it promised no other DC within the last lease time).
     */
    synchronized void leaseSent(long viewId, long sequence, long nowNanos, boolean selfConfirms) {
        for (Iterator<Long> it = sent.values().iterator(); it.hasNext();) {
            if (nowNanos - it.next() < leaseNanos) {
                break;
            }
            it.remove(); // answers to it could no longer be fresh
        }
        sent.put(sequence, nowNanos);
        if (selfConfirms) {
            acks.put(me, new Ack(viewId, nowNanos, nowNanos, nowNanos));
        }
    }

    void leaseSent(long viewId, long sequence, long nowNanos) {
        leaseSent(viewId, sequence, nowNanos, true);
    }

    /**
     * {@code member} answered lease {@code sequence} at {@code answeredNanos} on its own clock, holding view
     * {@code viewId}; the answer arrived at {@code nowNanos}.
     */
    synchronized void ackReceived(String member, long viewId, long sequence, long answeredNanos, long nowNanos) {
        Long at = sent.get(sequence);
        if (at == null) {
            return; // not a lease this node sent recently (or sent before a stall): proves nothing now
        }
        Ack previous = acks.get(member);
        if (previous == null || at - previous.leaseSentNanos() >= 0) {
            acks.put(member, new Ack(viewId, at, answeredNanos, nowNanos));
        }
    }

    /** This node was stalled: whatever it was told before proves nothing about the present. */
    synchronized void reset() {
        sent.clear();
        acks.clear();
        since = null;
    }

    /** How many members of {@code view} confirmed holding it within the last lease time (this node included). */
    synchronized int confirmed(MembershipView view, long nowNanos) {
        return freshSendTimes(view, nowNanos).size();
    }

    /** How many confirmations {@code view} needs. */
    int required(MembershipView view) {
        return Math.max(view.size() / 2 + 1, quorumVotes.getAsInt());
    }

    /**
     * Whether this node may act as DC of {@code view} now: enough of its members (itself included) confirmed it.
     * A view of one node needs only this node, so a one-node cluster keeps working; a stale view of several nodes
     * whose other members moved on never has enough.
     */
    synchronized boolean authoritative(MembershipView view, long nowNanos) {
        long expiry = expiry(view, nowNanos);
        boolean now = expiry - nowNanos > 0;
        boolean lapsed = since == null || observedExpiry - nowNanos <= 0;
        if (now && quorumVotes.getAsInt() < 0) {
            since = null; // authority without quorum fences off no other DC: no stretch to count lease waits from
        } else if (now) {
            if (lapsed) {
                since = nowNanos; // regained (a lapse between two looks counts as one: later is the safe side)
                observedExpiry = expiry;
            } else if (expiry - observedExpiry > 0) {
                observedExpiry = expiry;
            }
        } else if (lapsed) {
            // Authority over the previous view holds until it expires, even once a new view is installed: the
            // members that confirmed it answer no other DC meanwhile, so the stretch goes on if the new view's
            // confirmations come first.
            since = null;
        }
        return now;
    }

    /**
     * When the authority over {@code view} lapses unless more confirmations arrive: one lease time after the send
     * time of the lease answered by the last member still needed. At or before {@code nowNanos} when it has none.
     */
    synchronized long expiry(MembershipView view, long nowNanos) {
        if (!view.contains(me)) {
            return nowNanos;
        }
        List<Long> fresh = freshSendTimes(view, nowNanos);
        int needed = required(view);
        if (fresh.size() < needed) {
            return nowNanos;
        }
        fresh.sort((a, b) -> Long.compare(b - a, 0)); // newest first (monotonic time may wrap: compare differences)
        return fresh.get(needed - 1) + leaseNanos;
    }

    /** Since when this node has been authoritative over {@code view} without a break; null when it is not. */
    synchronized Long authoritativeSince(MembershipView view, long nowNanos) {
        return authoritative(view, nowNanos) ? since : null;
    }

    /**
     * The time {@code member} answered (its own clock) in its latest answer for {@code viewId}: a lease carrying it
     * back is valid at the member until one lease time after that answer. Null when it has not answered.
     */
    synchronized Long answeredAt(String member, long viewId) {
        Ack a = acks.get(member);
        return a == null || a.viewId() != viewId || member.equals(me) ? null : a.answeredNanos();
    }

    /** When (this node's clock) {@code member}'s latest answer arrived, or null. */
    synchronized Long lastAnswerReceived(String member) {
        Ack a = acks.get(member);
        return a == null ? null : a.receivedNanos();
    }

    private List<Long> freshSendTimes(MembershipView view, long nowNanos) {
        List<Long> fresh = new ArrayList<>();
        for (String member : view.names()) {
            Ack a = acks.get(member);
            if (a != null && a.viewId() == view.viewId() && nowNanos - a.leaseSentNanos() < leaseNanos) {
                fresh.add(a.leaseSentNanos());
            }
        }
        return fresh;
    }
}
