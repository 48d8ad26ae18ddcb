package io.vigil.messaging.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Event;
import org.jgroups.Message;
import org.jgroups.PhysicalAddress;
import org.jgroups.stack.IpAddress;
import org.jgroups.stack.Protocol;
import org.jgroups.util.FastArray;
import org.jgroups.util.MessageBatch;

/**
 * The second ring (redundant link, corosync/knet {@code link_mode: active}): sits directly above the transport and
 * below {@link Seal}, and sends every sealed frame a second time as a UDP datagram from {@code address2:port2} to
 * the peers' second addresses; frames arriving on either link go up once (the first copy wins, the second is
 * dropped by its nonce). Losing either link therefore keeps every member, heartbeat and message flowing; losses on
 * the surviving link are repaired by the usual retransmissions, which also travel on both links.
 *
 * <p>Only sealed frames travel here (a second ring requires a cluster key): a datagram that is not a genuine frame
 * is rejected by {@link Seal} like anything else from the network.
 */
final class SecondLink extends Protocol {

    /** Fits a FRAG4 fragment (60 000 bytes) with JGroups and seal headers. */
    private static final int MAX_DATAGRAM = 65_000;
    private static final int DEDUP_WINDOW = 16_384;
    private static final int NONCE_OFFSET = 11;
    private static final int NONCE = 12;

    private final InetSocketAddress local;
    /** Second-ring address of each peer, by its first-ring (transport) address. */
    private final Map<InetSocketAddress, InetSocketAddress> ring2ByRing1;
    private final List<InetSocketAddress> others;
    private final Map<ByteKey, Boolean> seen = new LinkedHashMap<>(DEDUP_WINDOW * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteKey, Boolean> eldest) {
            return size() > DEDUP_WINDOW;
        }
    };
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private volatile boolean cut;
    private DatagramChannel channel;
    private Thread reader;

    /**
     * @param local this node's second address
     * @param ring2ByRing1 every peer's second address, by its transport address (this node's own entry is ignored)
     */
    SecondLink(InetSocketAddress local, Map<InetSocketAddress, InetSocketAddress> ring2ByRing1) {
        this.local = local;
        this.ring2ByRing1 = Map.copyOf(ring2ByRing1);
        List<InetSocketAddress> o = new ArrayList<>();
        for (InetSocketAddress a : ring2ByRing1.values()) {
            if (!a.equals(local)) {
                o.add(a);
            }
        }
        this.others = List.copyOf(o);
    }

    @Override
    public void start() throws Exception {
        super.start();
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        try {
            channel.bind(local);
        } catch (java.net.BindException e) {
            channel.close();
            throw new ConfigException("cluster.port2: cannot bind the second ring to " + local.getAddress().getHostAddress()
                    + ":" + local.getPort() + " (" + e.getMessage()
                    + "; another node or program holds it); choose another 'port2' or 'address2' in the node "
                    + "config's 'cluster' section");
        }
        reader = new Thread(this::readLoop, "vigil-ring2-" + local);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        if (reader != null) {
            reader.interrupt();
        }
        super.stop();
    }

    /** Test hook: drop everything on the second link, both ways (a cut cable). */
    void cut(boolean cut) {
        this.cut = cut;
    }

    long sent() {
        return sent.sum();
    }

    long received() {
        return received.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    @Override
    public Object down(Message msg) {
        byte[] frame = msg.getArray();
        if (frame != null && !cut) {
            try {
                sendSecond(msg, frame, msg.getOffset(), msg.getLength());
            } catch (RuntimeException e) {
                log.debug("%s: second link send failed: %s", local_addr, e);
            }
        }
        return down_prot.down(msg);
    }

    private void sendSecond(Message msg, byte[] frame, int off, int len) {
        if (len + 2 > MAX_DATAGRAM) {
            return; // too large for one datagram: the first link carries it (FRAG4 keeps normal traffic smaller)
        }
        List<InetSocketAddress> targets;
        Address dest = msg.dest();
        if (dest == null) {
            targets = others;
        } else {
            InetSocketAddress t = ring2Of(dest);
            if (t == null) {
                return;
            }
            targets = List.of(t);
        }
        ByteBuffer b = ByteBuffer.allocate(2 + len);
        b.putShort(msg.getFlags(false));
        b.put(frame, off, len);
        for (InetSocketAddress t : targets) {
            b.flip();
            b.position(0);
            try {
                channel.send(b, t);
                sent.increment();
            } catch (IOException e) {
                // unreachable or link down: the other link carries it, retransmission repairs the rest
            }
        }
    }

    private InetSocketAddress ring2Of(Address dest) {
        // discovery (TCPPING, and so MERGE3) addresses the configured transport addresses directly
        Object phys = dest instanceof PhysicalAddress ? dest
                : down_prot.down(new Event(Event.GET_PHYSICAL_ADDRESS, dest));
        if (phys instanceof IpAddress ip) {
            return ring2ByRing1.get(new InetSocketAddress(ip.getIpAddress(), ip.getPort()));
        }
        return null;
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM + 16);
        while (channel.isOpen()) {
            try {
                buf.clear();
                if (channel.receive(buf) == null) {
                    continue;
                }
                buf.flip();
                if (cut || buf.remaining() < 2 + NONCE_OFFSET + NONCE) {
                    continue;
                }
                short flags = buf.getShort();
                byte[] frame = new byte[buf.remaining()];
                buf.get(frame);
                received.increment();
                if (!firstCopy(frame, 0, frame.length)) {
                    continue;
                }
                Message m = new BytesMessage(null, frame);
                m.setFlag(flags, false, false);
                up_prot.up(m);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (channel.isOpen()) {
                    log.debug("%s: second link receive failed: %s", local_addr, e);
                }
            }
        }
    }

    @Override
    public Object up(Message msg) {
        byte[] frame = msg.getArray();
        if (frame != null && !firstCopy(frame, msg.getOffset(), msg.getLength())) {
            return null;
        }
        return up_prot.up(msg);
    }

    @Override
    public void up(MessageBatch batch) {
        @SuppressWarnings("unchecked")
        FastArray<Message>.FastIterator it = (FastArray<Message>.FastIterator) batch.iterator();
        while (it.hasNext()) {
            Message m = it.next();
            byte[] frame = m.getArray();
            if (frame != null && !firstCopy(frame, m.getOffset(), m.getLength())) {
                it.remove();
            }
        }
        if (!batch.isEmpty()) {
            up_prot.up(batch);
        }
    }

    /** Whether this frame (by its random nonce) is seen for the first time. */
    private boolean firstCopy(byte[] frame, int off, int len) {
        if (len < NONCE_OFFSET + NONCE) {
            return true; // not a sealed frame: Seal rejects it
        }
        ByteKey k = new ByteKey(java.util.Arrays.copyOfRange(frame, off + NONCE_OFFSET, off + NONCE_OFFSET + NONCE));
        synchronized (seen) {
            if (seen.putIfAbsent(k, Boolean.TRUE) != null) {
                duplicates.increment();
                return false;
            }
            return true;
        }
    }

    /** Resolves the configured peers into the first-ring → second-ring map. */
    static Map<InetSocketAddress, InetSocketAddress> map(List<Peer> peers) throws IOException {
        Map<InetSocketAddress, InetSocketAddress> m = new java.util.HashMap<>();
        for (Peer p : peers) {
            m.put(new InetSocketAddress(InetAddress.getByName(p.address()), p.port()),
                    new InetSocketAddress(InetAddress.getByName(p.address2()), p.port2()));
        }
        return m;
    }

    private record ByteKey(byte[] b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && java.util.Arrays.equals(b, k.b);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(b);
        }
    }
}
