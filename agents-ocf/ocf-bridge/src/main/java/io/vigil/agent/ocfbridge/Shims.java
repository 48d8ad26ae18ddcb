package io.vigil.agent.ocfbridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Installs the shell shims ({@code attrd_updater}, {@code crm_attribute}, {@code crm_master}) that the bridge puts
 * first on a script's {@code PATH} and names as {@code HA_SBIN_DIR}, so Pacemaker's own scripts can set node
 * attributes and promotion scores through Vigil. The protocol is described in {@link AttributeChannel}.
 */
public final class Shims {

    static final List<String> COMMANDS = List.of("attrd_updater", "crm_attribute", "crm_master");
    private static final String LIBRARY = "vigil-attr.sh";

    private Shims() {
    }

    /** Writes the shims into {@code dir} (created if needed) and returns it. */
    public static Path install(Path dir) throws IOException {
        Files.createDirectories(dir);
        copy(LIBRARY, dir, "rw-r--r--");
        for (String c : COMMANDS) {
            copy(c, dir, "rwxr-xr-x");
        }
        return dir;
    }

    private static void copy(String name, Path dir, String perms) throws IOException {
        try (InputStream in = Shims.class.getResourceAsStream("shims/" + name)) {
            if (in == null) {
                throw new IOException("shim " + name + " missing from the bundle");
            }
            Path target = dir.resolve(name);
            Path tmp = dir.resolve("." + name + ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(perms));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
