package io.vigil.agent.drbd;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed output of DRBD 9's {@code drbdadm status <res>}: the local role and disk state and, per peer, its
 * connection state, role and disk state.
 *
 * @param role Primary, Secondary or Unknown
 * @param disk UpToDate, Consistent, Outdated, Inconsistent, Diskless, Failed, …
 * @param peers the peers
 */
record DrbdStatus(String role, String disk, List<Peer> peers) {

    /** One peer: {@code connection} is Connected when the status line shows its role. */
    record Peer(String name, String connection, String role, String disk) {
    }

    static DrbdStatus parse(String resource, String text) {
        String role = "Unknown";
        String disk = "Unknown";
        List<Peer> peers = new ArrayList<>();
        String peer = null;
        String conn = "Connected";
        String peerRole = "Unknown";
        String peerDisk = "DUnknown";
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String[] f = line.trim().split("\\s+");
            if (indent == 0 && f[0].equals(resource)) {
                role = value(f, "role:", role);
            } else if (indent == 2 && f[0].startsWith("disk:")) {
                disk = f[0].substring(5);
            } else if (indent == 2) {
                if (peer != null) {
                    peers.add(new Peer(peer, conn, peerRole, peerDisk));
                }
                peer = f[0];
                conn = value(f, "connection:", "Connected");
                peerRole = value(f, "role:", "Unknown");
                peerDisk = "DUnknown";
            } else if (indent >= 4 && peer != null) {
                peerDisk = value(f, "peer-disk:", peerDisk);
            }
        }
        if (peer != null) {
            peers.add(new Peer(peer, conn, peerRole, peerDisk));
        }
        return new DrbdStatus(role, disk, peers);
    }

    private static String value(String[] fields, String key, String dflt) {
        for (String f : fields) {
            if (f.startsWith(key)) {
                return f.substring(key.length());
            }
        }
        return dflt;
    }

    boolean primary() {
        return role.equals("Primary");
    }

    boolean anyPeerPrimary() {
        return peers.stream().anyMatch(p -> p.role().equals("Primary"));
    }

    boolean anyPeerUpToDate() {
        return peers.stream().anyMatch(p -> p.connection().equals("Connected") && p.disk().equals("UpToDate"));
    }

    boolean allPeersKnown() {
        return !peers.isEmpty() && peers.stream().allMatch(p -> p.connection().equals("Connected")
                && !p.disk().equals("DUnknown"));
    }
}
