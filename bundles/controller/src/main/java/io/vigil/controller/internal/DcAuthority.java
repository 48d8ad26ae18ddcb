package io.vigil.controller.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vigil.messaging.api.MembershipView;

/**
 * The DC's leader lease: whether a majority of the members of the view this node coordinates confirmed, recently,
 * that they hold that same view. A DC whose view is stale (it was frozen while the others moved on, or its
 * partition has not merged yet) gets no such majority, so it must not start anything; that is what keeps one DC.
 *
 * <p>Every lease the DC sends has a sequence number; each member answers with a {@link Messages.LeaseAck} naming
 * the view it holds. An answer is fresh while the lease it answers was sent less than one lease time ago on this
 * node's monotonic clock, so answers queued while this node was stalled never count (they answer old leases).
 * The DC's own lease counts as its own answer. Thread-safe: the lease thread, the messaging thread and the DC loop
 * all use it. Time is passed in (monotonic nanoseconds).
 */
final class DcAuthority {

    /** The latest answer of one member: the view it held, and when the lease it answered was sent. */
    private record Ack(long viewId, long leaseSentNanos) {
    }

    private final String me;
    private final long leaseNanos;
    /** Send time of each recent lease, by sequence number, oldest first. */
    private final LinkedHashMap<Long, Long> sent = new LinkedHashMap<>();
    private final Map<String, Ack> acks = new HashMap<>();

    DcAuthority(String me, long leaseMs) {
        this.me = me;
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMs);
    }

    /** This node, as DC of view {@code viewId}, sent lease {@code sequence} now; it holds that view itself. */
    synchronized void leaseSent(long viewId, long sequence, long nowNanos) {
        for (Iterator<Long> it = sent.values().iterator(); it.hasNext();) {
            if (nowNanos - it.next() < leaseNanos) {
                break;
            }
            it.remove(); // answers to it could no longer be fresh
        }
        sent.put(sequence, nowNanos);
        acks.put(me, new Ack(viewId, nowNanos));
    }

    /** {@code member} answered lease {@code sequence} while holding view {@code viewId}. */
    synchronized void ackReceived(String member, long viewId, long sequence) {
        Long at = sent.get(sequence);
        if (at == null) {
            return; // not a lease this node sent recently (or sent before a stall): proves nothing now
        }
        Ack previous = acks.get(member);
        if (previous == null || at - previous.leaseSentNanos() >= 0) {
            acks.put(member, new Ack(viewId, at));
        }
    }

    /** This node was stalled: whatever it was told before proves nothing about the present. */
    synchronized void reset() {
        sent.clear();
        acks.clear();
    }

    /** How many members of {@code view} confirmed holding it within the last lease time (this node included). */
    synchronized int confirmed(MembershipView view, long nowNanos) {
        int n = 0;
        for (String member : view.names()) {
            Ack a = acks.get(member);
            if (a != null && a.viewId() == view.viewId() && nowNanos - a.leaseSentNanos() < leaseNanos) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether this node may act as DC of {@code view} now: more than half of its members (itself included) confirmed
     * it. A view of one node needs only this node, so a one-node cluster keeps working; a stale view of several nodes
     * whose other members moved on never has a majority.
     */
    boolean authoritative(MembershipView view, long nowNanos) {
        return view.contains(me) && 2 * confirmed(view, nowNanos) > view.size();
    }
}
