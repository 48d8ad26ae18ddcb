package io.vigil.messaging.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jgroups.Address;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.NameCache;

/** Node name, id and votes carried inside the JGroups address, so every member learns them from the view. */
final class NodeIdentity {
    private static final String NAME = "vigil.name";
    private static final String ID = "vigil.id";
    private static final String VOTES = "vigil.votes";

    static {
        ExtendedUUID.setPrintFunction(u -> u.keyExists(NAME) ? new String(u.get(NAME), StandardCharsets.UTF_8)
                : u.toStringLong());
    }

    private NodeIdentity() {
    }

    static ExtendedUUID address(String name, int nodeId, int votes) {
        return ExtendedUUID.randomUUID(name)
                .put(NAME, name.getBytes(StandardCharsets.UTF_8))
                .put(ID, ByteBuffer.allocate(4).putInt(nodeId).array())
                .put(VOTES, ByteBuffer.allocate(4).putInt(votes).array());
    }

    static String name(Address a) {
        if (a instanceof ExtendedUUID u && u.keyExists(NAME)) {
            return new String(u.get(NAME), StandardCharsets.UTF_8);
        }
        String n = NameCache.get(a);
        return n != null ? n : String.valueOf(a);
    }

    static int nodeId(Address a) {
        return intValue(a, ID, 0);
    }

    static int votes(Address a) {
        return intValue(a, VOTES, 1);
    }

    private static int intValue(Address a, String key, int def) {
        if (a instanceof ExtendedUUID u && u.keyExists(key)) {
            return ByteBuffer.wrap(u.get(key)).getInt();
        }
        return def;
    }
}
