package io.vigil.agent.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mount table of this node's mount namespace, from {@code /proc/mounts}. */
final class Mounts {

    /** One mounted filesystem. */
    record Mount(String device, String directory, String fstype, String options) {
    }

    private Mounts() {
    }

    static List<Mount> read() throws IOException {
        List<Mount> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
            String[] f = line.split(" ");
            if (f.length >= 4) {
                out.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], f[3]));
            }
        }
        return out;
    }

    /** The last (topmost) mount on the directory. */
    static Optional<Mount> on(String directory) throws IOException {
        Mount found = null;
        for (Mount m : read()) {
            if (m.directory().equals(directory)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Decodes the octal escapes ({@code \040} etc.) the kernel uses in {@code /proc/mounts}. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() + 0 && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
