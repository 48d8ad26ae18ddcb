package io.vigil.cib.manager.internal;

import java.util.Collection;

import io.vigil.messaging.api.MembershipView;

/**
 * How many votes a CIB change must be persisted by before it is acknowledged, and what each member weighs. The
 * count is of the cluster's expected votes, not of the current view: a partition that lost a majority of the
 * cluster must not acknowledge a change the majority's copy will overrule when they merge.
 */
interface DurabilityQuorum {

    /** The votes a change needs (the quorum: more than half of the expected votes). */
    int needed(MembershipView view);

    /** The votes {@code member} contributes. */
    int votes(String member);

    /** The votes of {@code members} together. */
    default int votesOf(Collection<String> members) {
        return members.stream().mapToInt(this::votes).sum();
    }

    /** Whether {@code view}'s members together hold the quorum: only then can a change made in it be durable. */
    default boolean holds(MembershipView view) {
        return votesOf(view.names()) >= needed(view);
    }

    /**
     * A majority of the current view, one vote each: what can be known while no quorum service is bound (the
     * quorum bundle not active yet).
     */
    DurabilityQuorum VIEW_MAJORITY = new DurabilityQuorum() {
        @Override
        public int needed(MembershipView view) {
            return Math.max(1, view.size()) / 2 + 1;
        }

        @Override
        public int votes(String member) {
            return 1;
        }
    };
}
