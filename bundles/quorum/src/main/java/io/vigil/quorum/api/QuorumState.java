package io.vigil.quorum.api;

import java.util.List;
import java.util.Set;

/**
 * Quorum as this node sees it.
 *
 * @param quorate whether this partition has quorum
 * @param expectedVotes current expected votes (configured or derived from the node list; raised when more votes
 *        are present; lowered by last_man_standing)
 * @param highestExpected highest expected votes seen
 * @param totalVotes votes present in this partition
 * @param quorum votes needed: more than half of expected (1 for two_node)
 * @param flags configured features, plus QUORATE while quorate
 * @param waitingForAll true while wait_for_all still waits for every node to have been seen together once
 * @param members the partition's members, by node id
 * @param localNodeId this node's id
 * @param membershipId the messaging view id this state was computed from
 */
public record QuorumState(boolean quorate, int expectedVotes, int highestExpected, int totalVotes, int quorum,
                          Set<QuorumFlag> flags, boolean waitingForAll, List<QuorumMember> members,
                          int localNodeId, long membershipId) {
    public QuorumState {
        flags = Set.copyOf(flags);
        members = List.copyOf(members);
    }
}
