package io.vigil.cib.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.vigil.cib.CibParseException;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.model.Status;

/**
 * Persists the configuration (status is not stored: it is rebuilt from the cluster) in a state directory:
 * {@code cib.json} is the current version, {@code cib-A-E-N.json} the last {@code keep} previous versions.
 * A save writes a temporary file, fsyncs it, moves the current file to a backup, renames the temporary file into
 * place atomically and fsyncs the directory; when {@link #save} returns the version is durable.
 */
public final class CibStore {

    static final String CURRENT = "cib.json";
    private static final String TEMP = "cib.json.tmp";
    private static final System.Logger LOG = System.getLogger(CibStore.class.getName());

    private final Path dir;
    private final int keep;

    public CibStore(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1 backup, was " + keep);
        }
        this.dir = dir;
        this.keep = keep;
    }

    public Path directory() {
        return dir;
    }

    /** Writes the snapshot's configuration durably. */
    public synchronized void save(CibSnapshot snapshot) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = StoredFile.encode(snapshot.withStatus(Status.EMPTY));
        Path tmp = dir.resolve(TEMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Path current = dir.resolve(CURRENT);
        if (Files.exists(current)) {
            Optional<CibVersion> old = versionOf(current);
            // A current file that no longer verifies is kept aside under a name that says so, never overwritten.
            Path backup = dir.resolve(old.map(CibStore::backupName).orElse("cib-corrupt-" + System.nanoTime() + ".json"));
            move(current, backup);
        }
        move(tmp, current);
        fsyncDirectory();
        prune();
    }

    /** Loads the newest good file: cib.json, else the newest backup that verifies. Never deletes anything. */
    public synchronized LoadReport load() throws IOException {
        List<String> steps = new ArrayList<>();
        Path current = dir.resolve(CURRENT);
        if (Files.exists(current)) {
            try {
                CibSnapshot s = StoredFile.decode(Files.readAllBytes(current));
                steps.add("loaded " + current + " (version " + s.version() + ")");
                return report(Optional.of(s), current, false, steps);
            } catch (CibParseException e) {
                steps.add("skipped " + current + ": " + e.getMessage());
            }
        } else {
            steps.add("no " + current);
        }
        for (Path backup : backups()) {
            try {
                CibSnapshot s = StoredFile.decode(Files.readAllBytes(backup));
                steps.add("fell back to backup " + backup + " (version " + s.version() + ")");
                return report(Optional.of(s), backup, true, steps);
            } catch (CibParseException e) {
                steps.add("skipped backup " + backup + ": " + e.getMessage());
            }
        }
        steps.add("no good configuration found; starting empty");
        return report(Optional.empty(), null, steps.size() > 2, steps);
    }

    private static LoadReport report(Optional<CibSnapshot> s, Path source, boolean fellBack, List<String> steps) {
        steps.forEach(step -> LOG.log(fellBack ? Level.WARNING : Level.INFO, "CIB store: {0}", step));
        return new LoadReport(s, source, fellBack, steps);
    }

    /** Backups, newest version first. */
    List<Path> backups() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "cib-*.json")) {
            ds.forEach(out::add);
        }
        out.removeIf(p -> parseBackupName(p).isEmpty());
        out.sort(Comparator.comparing((Path p) -> parseBackupName(p).orElseThrow()).reversed());
        return out;
    }

    private void prune() throws IOException {
        List<Path> all = backups();
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    private static Optional<CibVersion> versionOf(Path file) {
        try {
            return Optional.of(StoredFile.decode(Files.readAllBytes(file)).version());
        } catch (CibParseException | IOException e) {
            return Optional.empty();
        }
    }

    static String backupName(CibVersion v) {
        return String.format("cib-%d-%d-%d.json", v.adminEpoch(), v.epoch(), v.numUpdates());
    }

    static Optional<CibVersion> parseBackupName(Path p) {
        String n = p.getFileName().toString();
        if (!n.matches("cib-\\d+-\\d+-\\d+\\.json")) {
            return Optional.empty();
        }
        String[] parts = n.substring(4, n.length() - 5).split("-");
        try {
            return Optional.of(new CibVersion(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the state directory's file system cannot rename atomically: " + to.getParent(), e);
        }
    }

    private void fsyncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the rename itself is still atomic.
            LOG.log(Level.DEBUG, "cannot fsync directory {0}: {1}", dir, e.getMessage());
        }
    }
}
