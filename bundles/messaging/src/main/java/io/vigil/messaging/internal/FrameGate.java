package io.vigil.messaging.internal;

import java.io.DataInput;
import java.io.IOException;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TP;
import org.jgroups.protocols.UDP;
import org.jgroups.util.ByteArrayDataInputStream;
import org.jgroups.util.Util;

/**
 * Checks what arrives from the network before JGroups' transport deserializes it. The transport turns every frame
 * into messages of whatever type the sender chose, before any protocol above (our {@link Seal}) can authenticate
 * it — and one of those types, the object message, runs Java deserialization of sender-chosen bytes. A Vigil node
 * only ever sends sealed byte messages, so a frame holding a message of any other type is dropped here, unread.
 * The transports below apply it; they keep the stock transports' protocol ids, so the wire format is unchanged.
 */
final class FrameGate {

    /** Larger than any sealed frame or bundle this stack sends (FRAG4 60 000 B, bundles of 64 KiB). */
    static final int MAX_FRAME = 1 << 20;
    private static final int MAX_BATCH = 10_000;

    private FrameGate() {
    }

    /** Whether a transport frame (version, flags, then one message or a batch) holds only byte messages. */
    static boolean admits(byte[] buf, int off, int len) {
        if (buf == null || len < 5 || off < 0 || off + len > buf.length) {
            return false;
        }
        byte flags = buf[off + 2];
        try {
            ByteArrayDataInputStream in = new ByteArrayDataInputStream(buf, off + 3, len - 3);
            if ((flags & TP.LIST) == 0) {
                return in.readShort() == Message.BYTES_MSG;
            }
            Util.readAddress(in);
            Util.readAddress(in);
            short clusterName = in.readShort();
            if (clusterName > 0) {
                in.skipBytes(clusterName);
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_BATCH) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (in.readShort() != Message.BYTES_MSG) {
                    return false;
                }
                new BytesMessage().readFrom(in);
            }
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static byte[] readFrame(DataInput in, int len) throws IOException {
        if (len < 0 || len > MAX_FRAME) {
            // the stream cannot be resynchronized: closing the connection is the only safe answer
            throw new IOException("frame of " + len + " bytes refused (at most " + MAX_FRAME + ")");
        }
        byte[] frame = new byte[len];
        in.readFully(frame);
        return frame;
    }

    /** TCP transport that admits only frames passing {@link FrameGate#admits}. */
    static final class GatedTcp extends TCP {
        GatedTcp() {
            setId(ClassConfigurator.getProtocolId(TCP.class));
        }

        @Override
        public void receive(Address sender, DataInput in, int len) throws Exception {
            byte[] frame = readFrame(in, len);
            receive(sender, frame, 0, len);
        }

        @Override
        public void receive(Address sender, byte[] data, int offset, int length) {
            if (admits(data, offset, length)) {
                super.receive(sender, data, offset, length);
            } else {
                log.debug("%s: dropped a frame from %s that is not sealed Vigil traffic", local_addr, sender);
            }
        }
    }

    /** UDP transport that admits only frames passing {@link FrameGate#admits}. */
    static final class GatedUdp extends UDP {
        GatedUdp() {
            setId(ClassConfigurator.getProtocolId(UDP.class));
        }

        @Override
        public void receive(Address sender, byte[] data, int offset, int length) {
            if (admits(data, offset, length)) {
                super.receive(sender, data, offset, length);
            } else {
                log.debug("%s: dropped a frame from %s that is not sealed Vigil traffic", local_addr, sender);
            }
        }
    }
}
