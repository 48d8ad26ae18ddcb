package io.vigil.shell.port;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which local user owns the other end of a loopback TCP connection. Java has no {@code SO_PEERCRED} for TCP, so
 * this reads the kernel's socket table ({@code /proc/net/tcp}, {@code /proc/net/tcp6}) the way identd does: the
 * client's socket is the entry whose local address is our peer and whose remote address is our end, and its
 * {@code uid} column is the user that created it. Linux only; elsewhere nothing is found and the caller refuses.
 */
final class PeerCredentials {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private PeerCredentials() {
    }

    /** The uid owning the socket at {@code peer} connected to {@code local}, or empty when it is not found. */
    static OptionalInt uid(InetSocketAddress peer, InetSocketAddress local) {
        return uid(peer, local, TABLES);
    }

    static OptionalInt uid(InetSocketAddress peer, InetSocketAddress local, List<Path> tables) {
        for (Path table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                OptionalInt uid = match(line.trim().split("\\s+"), peer, local);
                if (uid.isPresent()) {
                    return uid;
                }
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt match(String[] f, InetSocketAddress peer, InetSocketAddress local) {
        if (f.length < 8) {
            return OptionalInt.empty();
        }
        try {
            if (endpoint(f[1]).equals(peer) && endpoint(f[2]).equals(local)) {
                return OptionalInt.of(Integer.parseInt(f[7]));
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            // a line we do not understand cannot be our client's
        }
        return OptionalInt.empty();
    }

    /** {@code 0100007F:1F90} → 127.0.0.1:8080; the address is printed as 32-bit words in host byte order. */
    static InetSocketAddress endpoint(String hex) throws UnknownHostException {
        int colon = hex.indexOf(':');
        if (colon < 0 || (colon != 8 && colon != 32)) {
            throw new IllegalArgumentException("not an endpoint: " + hex);
        }
        byte[] address = new byte[colon / 2];
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int word = 0; word < address.length / 4; word++) {
            long v = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                int shift = little ? 8 * b : 8 * (3 - b);
                address[word * 4 + b] = (byte) (v >>> shift);
            }
        }
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        return new InetSocketAddress(InetAddress.getByAddress(address), port);
    }
}
