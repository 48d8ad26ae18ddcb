package io.vigil.messaging.tool;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * {@code vigil keygen [--force] FILE}: writes a new random cluster key (like {@code corosync-keygen}). The file is
 * created with mode 0600, filled, then set to 0400; an existing file is kept unless {@code --force}.
 */
public final class KeyGen {
    /** Key length in bytes. */
    public static final int KEY_BYTES = 64;
    private static final String USAGE = "usage: vigil keygen [--force] FILE";

    private KeyGen() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Returns the exit code: 0 written, 1 I/O failure or file exists, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean force = false;
        String file = null;
        for (String a : args) {
            if (a.equals("--force") || a.equals("-f")) {
                force = true;
            } else if (a.startsWith("-") || file != null) {
                err.println(USAGE);
                return 2;
            } else {
                file = a;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        Path path = Path.of(file);
        try {
            write(path, force);
        } catch (FileAlreadyExistsException e) {
            err.println("keygen: " + path + " exists; use --force to replace it (every node needs the new key)");
            return 1;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("keygen: cannot write " + path + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote a " + KEY_BYTES + "-byte cluster key to " + path
                + " (mode 0400); copy it to every node and set \"cluster.keyFile\"");
        return 0;
    }

    static void write(Path path, boolean force) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        if (force) {
            Files.deleteIfExists(path);
        }
        Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
        try (FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(rw));
             OutputStream os = Channels.newOutputStream(ch)) {
            os.write(key);
            ch.force(true);
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r--------"));
    }
}
