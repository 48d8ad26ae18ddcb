package io.vigil.quorum.api;

import java.util.Objects;

/**
 * A member of the current partition with its votes.
 *
 * @param nodeId numeric node id
 * @param name node name
 * @param votes votes it contributes
 */
public record QuorumMember(int nodeId, String name, int votes) {
    public QuorumMember {
        Objects.requireNonNull(name, "name");
    }
}
