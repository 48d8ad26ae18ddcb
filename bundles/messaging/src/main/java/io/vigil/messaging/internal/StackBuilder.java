package io.vigil.messaging.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.PING;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.TP;
import org.jgroups.protocols.UDP;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * Builds the JGroups protocol stack in code (no XML, no class loading by name, no system properties), bottom
 * first: transport, {@link Seal} (omitted only when insecure), discovery, MERGE3, FD_SOCK2, FD_ALL3,
 * VERIFY_SUSPECT2, NAKACK2, UNICAST3, STABLE, GMS, MFC, UFC, SEQUENCER (total order, see {@link KeepingSequencer}),
 * FRAG4.
 */
final class StackBuilder {

    /** How long a TCP connect to a peer may take; peers are on one LAN or one machine. */
    static final int CONNECT_TIMEOUT_MS = 200;

    private StackBuilder() {
    }

    static List<Protocol> build(ClusterConfig c, ClusterKey key) throws java.io.IOException {
        InetAddress bind = InetAddress.getByName(c.bindAddress());
        Timeouts t = c.timeouts();
        List<Protocol> stack = new ArrayList<>();
        stack.add(transport(c, bind, key != null));
        if (c.secondRing()) {
            if (key == null) {
                throw new IllegalArgumentException("a second ring needs a cluster key");
            }
            stack.add(new SecondLink(new InetSocketAddress(InetAddress.getByName(c.address2()), c.port2()),
                    SecondLink.map(c.peers())));
        }
        if (key != null) {
            stack.add(new Seal(key, t.maxClockSkewMs()));
        }
        stack.add(c.udp() ? new PING() : tcpPing(c));
        stack.add(new MERGE3().setMinInterval(t.mergeIntervalMs() / 2).setMaxInterval(t.mergeIntervalMs()));
        stack.add(new FD_SOCK2().setBindAddress(bind).setOffset(c.fdPortOffset()).setPortRange(5));
        stack.add(new StartupTolerantFd(t.failureDetectionIntervalMs(), t.failureDetectionTimeoutMs()));
        stack.add(new VERIFY_SUSPECT2().setTimeout(t.verifySuspectMs()));
        stack.add(new NAKACK2().useMcastXmit(false));
        stack.add(new UNICAST3());
        stack.add(new STABLE());
        stack.add(new GMS().setJoinTimeout(t.joinTimeoutMs()).printLocalAddress(false));
        stack.add(new MFC());
        stack.add(new UFC());
        stack.add(new KeepingSequencer());
        stack.add(new FRAG4());
        return stack;
    }

    /** @param sealed every genuine frame is a sealed byte message: refuse anything else before it is read */
    private static TP transport(ClusterConfig c, InetAddress bind, boolean sealed) throws UnknownHostException {
        TP tp;
        if (c.udp()) {
            tp = (sealed ? new FrameGate.GatedUdp() : new UDP()).setMulticastAddress(InetAddress.getByName(c.mcastAddress()))
                    .setMulticastPort(c.mcastPort());
        } else {
            // With a second ring, a silently dead first link must not block senders: queue per connection, and
            // drop when full (the second ring carries the copy; retransmission repairs).
            // A connect to a cut-off peer must not hold the sending thread for JGroups' default 2 s: heartbeats
            // between the members that can still talk would stop, and they would exclude each other.
            tp = (sealed ? new FrameGate.GatedTcp() : new TCP()).nonBlockingSends(c.secondRing())
                    .setSockConnTimeout(CONNECT_TIMEOUT_MS);
        }
        return tp.setBindAddress(bind).setBindPort(c.port()).setPortRange(0);
    }

    private static TCPPING tcpPing(ClusterConfig c) {
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (Peer p : c.peers()) {
            hosts.add(new InetSocketAddress(p.address(), p.port()));
        }
        TCPPING ping = new TCPPING();
        ping.setInitialHosts(hosts);
        ping.setPortRange(0);
        return ping;
    }
}
