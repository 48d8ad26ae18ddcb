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
 * @param address2 this node's second-ring address (redundant link), or null for one ring
 * @param port2 this node's second-ring UDP port (0 without a second ring)
 */
public record ClusterConfig(String name, String bindAddress, int port, List<Peer> peers, boolean udp,
                            String mcastAddress, int mcastPort, Path keyFile, boolean insecure, int nodeId,
                            int votes, int fdPortOffset, Timeouts timeouts, String address2, int port2) {

    public ClusterConfig {
        peers = List.copyOf(peers);
    }

    /** One ring. */
    public ClusterConfig(String name, String bindAddress, int port, List<Peer> peers, boolean udp,
            String mcastAddress, int mcastPort, Path keyFile, boolean insecure, int nodeId, int votes,
            int fdPortOffset, Timeouts timeouts) {
        this(name, bindAddress, port, peers, udp, mcastAddress, mcastPort, keyFile, insecure, nodeId, votes,
                fdPortOffset, timeouts, null, 0);
    }

    /** Whether a second ring (redundant link) is configured. */
    public boolean secondRing() {
        return address2 != null;
    }

    /** The same configuration with a second ring on {@code address2:port2} (peers must name theirs). */
    public ClusterConfig withSecondRing(String address2, int port2) {
        return new ClusterConfig(name, bindAddress, port, peers, udp, mcastAddress, mcastPort, keyFile, insecure,
                nodeId, votes, fdPortOffset, timeouts, address2, port2);
    }
}
