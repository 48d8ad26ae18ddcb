package io.vigil.agent.ipaddr2;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address literal, strictly parsed (never resolved: only strings made of address characters reach
 * {@link InetAddress}).
 *
 * @param address the parsed address
 * @param v6 whether it is IPv6
 */
record Addr(InetAddress address, boolean v6) {

    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    static Optional<Addr> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            if (V4.matcher(s).matches()) {
                return Optional.of(new Addr(InetAddress.getByName(s), false));
            }
            if (s.contains(":") && V6_CHARS.matcher(s).matches()) {
                InetAddress a = InetAddress.getByName(s);
                if (a instanceof Inet6Address) {
                    return Optional.of(new Addr(a, true));
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The maximum prefix length of the family. */
    int maxPrefix() {
        return v6 ? 128 : 32;
    }

    /** The address as {@code ip} prints it (IPv6 compressed, lower case). */
    String text() {
        if (!v6) {
            return address.getHostAddress();
        }
        return compress(address.getAddress());
    }

    /** Whether {@code other} (an address as {@code ip} prints it) is this address. */
    boolean sameAs(String other) {
        return parse(other).map(o -> o.address.equals(address)).orElse(false);
    }

    /** A dotted IPv4 netmask as a prefix length, or -1 when it is not a contiguous mask. */
    static int maskToPrefix(String mask) {
        if (!V4.matcher(mask).matches()) {
            return -1;
        }
        String[] p = mask.split("\\.");
        long bits = 0;
        for (String o : p) {
            bits = (bits << 8) | Integer.parseInt(o);
        }
        int prefix = Long.bitCount(bits);
        long expect = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return bits == expect ? prefix : -1;
    }

    private static String compress(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(w[i]));
        }
        return s.toString();
    }
}
