package io.vigil.shell.port;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The one user allowed at the command port: the owner of the node's state directory (whose files the node's
 * commands read and change), or, without a state directory, the user the node runs as.
 */
final class Owner {

    private final int uid;
    private final String what;

    private Owner(int uid, String what) {
        this.uid = uid;
        this.what = what;
    }

    static Owner of(String stateDir) {
        Path p = Path.of(stateDir == null || stateDir.isBlank() ? "/proc/self" : stateDir);
        try {
            int uid = (Integer) Files.getAttribute(p, "unix:uid");
            return new Owner(uid, stateDir == null || stateDir.isBlank() ? "the node's user (uid " + uid + ")"
                    : "the owner (uid " + uid + ") of the node's state directory " + stateDir);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fail closed: nobody can be matched against an unknown owner
            return new Owner(-1, "the owner of " + p + " (unknown: " + e.getMessage() + ")");
        }
    }

    int uid() {
        return uid;
    }

    /** Why the client at {@code peer} (connected to our {@code local}) may not use the port, or null if it may. */
    String refusal(InetSocketAddress peer, InetSocketAddress local) {
        OptionalInt client = PeerCredentials.uid(peer, local);
        if (client.isEmpty()) {
            return "command port: cannot tell which user connected from " + peer + " (no entry in /proc/net/tcp);"
                    + " only " + what + " may use it";
        }
        if (client.getAsInt() != uid) {
            return "command port: user uid " + client.getAsInt() + " may not run commands on this node; only "
                    + what + " may (run 'vigil shell' as that user)";
        }
        return null;
    }
}
