package io.vigil.cib.manager.internal;

import io.vigil.messaging.api.MembershipView;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumService;
import io.vigil.quorum.api.QuorumState;

/**
 * {@link DurabilityQuorum} from this node's quorum service (votequorum's expected votes and quorum, each member's
 * configured votes); a majority of the view while no quorum service is bound.
 */
final class QuorumServiceDurability implements DurabilityQuorum {

    private volatile QuorumService quorum;

    void bind(QuorumService q) {
        quorum = q;
    }

    void unbind(QuorumService q) {
        if (quorum == q) {
            quorum = null;
        }
    }

    @Override
    public int needed(MembershipView view) {
        QuorumService q = quorum;
        return q == null ? VIEW_MAJORITY.needed(view) : Math.max(1, q.state().quorum());
    }

    @Override
    public int votes(String member) {
        QuorumService q = quorum;
        if (q == null) {
            return 1;
        }
        QuorumState s = q.state();
        // members outside this partition keep their default vote: the quorum service knows only its partition's
        return s.members().stream().filter(m -> m.name().equals(member)).mapToInt(QuorumMember::votes).findFirst()
                .orElse(1);
    }
}
