package io.vigil.messaging.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code "cluster"} section of the node configuration, validated. See CONFIG.md.
 *
 * @param name cluster name (nodes with another name never join)
 * @param bindAddress address the transport and failure detection bind to
 * @param port transport port (TCP) or unicast port (UDP)
 * @param peers static peer list (TCP discovery); may include this node
 * @param udp true for UDP multicast transport and discovery
 * @param mcastAddress multicast group (UDP only)
 * @param mcastPort multicast port (UDP only)
 * @param keyFile cluster key file, or null when insecure
 * @param insecure true if explicitly running without authentication and encryption
 * @param nodeId this node's numeric id
 * @param votes this node's quorum votes
 * @param fdPortOffset FD_SOCK2 listens on port + this offset
 * @param timeouts failure detection and membership timings
 */
public record ClusterConfig(String name, String bindAddress, int port, List<Peer> peers, boolean udp,
                            String mcastAddress, int mcastPort, Path keyFile, boolean insecure, int nodeId,
                            int votes, int fdPortOffset, Timeouts timeouts) {

    public ClusterConfig {
        peers = List.copyOf(peers);
    }
}
