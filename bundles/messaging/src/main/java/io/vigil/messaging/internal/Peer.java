package io.vigil.messaging.internal;

/**
 * One entry of {@code cluster.peers}.
 *
 * @param name node name if given (else null)
 * @param address host or IP
 * @param port TCP port
 * @param nodeId node id if given (else 0)
 * @param votes quorum votes (default 1)
 * @param address2 second-ring address (redundant link), or null
 * @param port2 second-ring UDP port (0 without a second ring)
 */
public record Peer(String name, String address, int port, int nodeId, int votes, String address2, int port2) {

    /** A peer without a second ring. */
    public Peer(String name, String address, int port, int nodeId, int votes) {
        this(name, address, port, nodeId, votes, null, 0);
    }
}
