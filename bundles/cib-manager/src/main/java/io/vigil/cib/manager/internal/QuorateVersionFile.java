package io.vigil.cib.manager.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.vigil.cib.model.CibVersion;

/**
 * The quorate version of the persisted CIB copy (see {@code Replica}), in a file beside it: one line
 * {@code admin_epoch.epoch.num_updates}, replaced atomically. Read back as at most the loaded copy's version, so a
 * file written for a save that then failed never makes a copy look more recent than it is; unreadable means
 * unknown, which only lets the copy lose a merge it might have won.
 */
final class QuorateVersionFile {

    private static final System.Logger LOG = System.getLogger(QuorateVersionFile.class.getName());

    private final Path file;

    QuorateVersionFile(Path cibDirectory) {
        this.file = cibDirectory.resolve("quorate-version");
    }

    void write(CibVersion v) throws IOException {
        if (v == null) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] text = (v + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(text));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The recorded quorate version of {@code loaded}, or null when none is recorded or it cannot be read. */
    CibVersion read(CibVersion loaded) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + " (" + e + "): this node's CIB copy "
                    + "counts as of unknown quorate version");
            return null;
        }
        try {
            CibVersion v = CibVersion.parse(text);
            return v.compareTo(loaded) > 0 ? loaded : v;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, file + " holds '" + text + "', not a CIB version (" + e.getMessage()
                    + "): this node's CIB copy counts as of unknown quorate version");
            return null;
        }
    }
}
