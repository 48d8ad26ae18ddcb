package io.vigil.messaging.internal;

/**
 * One entry of {@code cluster.peers}.
 *
 * @param name node name if given (else null)
 * @param address host or IP
 * @param port TCP port
 * @param nodeId node id if given (else 0)
 * @param votes quorum votes (default 1)
 */
public record Peer(String name, String address, int port, int nodeId, int votes) {
}
