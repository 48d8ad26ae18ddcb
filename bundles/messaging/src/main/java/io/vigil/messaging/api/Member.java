package io.vigil.messaging.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A cluster member as seen in a view.
 *
 * @param name node name (unique in the cluster)
 * @param nodeId numeric node id (configured, or derived from the node list; see CONFIG.md)
 * @param votes the quorum votes the node declares
 * @param joined when this node first saw the member in its current uninterrupted membership
 */
public record Member(String name, int nodeId, int votes, Instant joined) {
    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(joined, "joined");
    }
}
