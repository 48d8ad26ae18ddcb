package io.vigil.controller.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.vigil.messaging.api.MembershipView;

/**
 * Tells whether a node that left the view died in the incarnation that just left, from the messaging layer's
 * crash witness ({@code connectionClosed}). Only then may its resources be recovered without waiting for its lease.
 *
 * <p>The witness remembers a confirmed crash for a while (30 s), also after the node restarted and rejoined. A
 * record already there while the node was a member belongs to an earlier incarnation: the node that leaves now may
 * be alive and merely cut off, still running its exclusive resources until its lease runs out. Such a record is
 * ignored until the witness forgets it (seen at a later view); the node's lease is waited out meanwhile.
 */
final class CrashEvidence {

    private final Predicate<String> witnessed;
    /** Members for which the witness held a crash record while they were in the view (an earlier incarnation's). */
    private final Set<String> earlierIncarnation = ConcurrentHashMap.newKeySet();

    CrashEvidence(Predicate<String> witnessed) {
        this.witnessed = Objects.requireNonNull(witnessed, "witnessed");
    }

    /** Call on each view before asking about the nodes it lost: notes which members' crash records are stale. */
    void viewInstalled(MembershipView view) {
        for (String member : view.names()) {
            if (witnessed.test(member)) {
                earlierIncarnation.add(member);
            } else {
                earlierIncarnation.remove(member);
            }
        }
    }

    /** Whether {@code node}, no longer a member, is confirmed crashed since it was last seen in a view. */
    boolean died(String node) {
        return !earlierIncarnation.contains(node) && witnessed.test(node);
    }
}
