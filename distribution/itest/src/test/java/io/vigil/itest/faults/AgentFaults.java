package io.vigil.itest.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.itest.hosts.Command;
import io.vigil.itest.hosts.TestHost;

/**
 * Failing agents (issue 9): real per-host conditions under which the Dummy agent's own file operations fail or hang
 * on one host, made in that host's mount namespace so the test's view of the hosts' state (and the other hosts)
 * stays untouched. Each is undone by {@code close()}, also when the host was fenced meanwhile.
 */
final class AgentFaults {

    private AgentFaults() {
    }

    /**
     * A resource's state file pinned on its host: the file is bind-mounted onto itself in the host's mount
     * namespace, so the agent's stop cannot unlink it (EBUSY) and fails, while monitors still find it.
     */
    static final class PinnedState implements AutoCloseable {
        private final TestHost host;
        private final Path file;
        private boolean pinned;

        PinnedState(TestHost host, String resource) {
            this.host = host;
            this.file = host.dummyStateFile(resource);
            if (!Files.exists(file)) {
                throw new AssertionError("cannot pin " + resource + "'s state on host " + host.name() + ": " + file
                        + " does not exist (the resource is not active there)");
            }
            host.inMountNamespace("mount", "--bind", file.toString(), file.toString());
            pinned = true;
        }

        @Override
        public void close() {
            if (!pinned) {
                return;
            }
            pinned = false;
            // a fenced host took its mount namespace (and the pin) with it
            if (host.state() != TestHost.State.DOWN) {
                try {
                    host.inMountNamespace("umount", file.toString());
                } catch (AssertionError e) {
                    if (host.state() != TestHost.State.DOWN) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * A start that hangs on one host: the resource's state file there is a symbolic link into a file system that is
     * frozen ({@code fsfreeze}, a small ext4 image mounted in the host's mount namespace only). The agent sees no
     * state file, so its start creates one, and that write blocks in the kernel until the file system is thawed
     * (the agent's thread cannot be interrupted: the executor's timeout must report the start as timed out). A stop
     * in the meantime just unlinks the link, which lives on the ordinary file system. Seen from the test, the link
     * points to an empty directory, so the host does not count as running the resource.
     */
    static final class StalledStart implements AutoCloseable {
        private static final long IMAGE_BYTES = 4L << 20;

        private final TestHost host;
        private final Path image;
        private final Path mountPoint;
        private final Path link;
        private boolean mounted;
        private boolean frozen;

        StalledStart(TestHost host, String resource) {
            this.host = host;
            this.image = host.stateDir().resolve("stalled-start.img");
            this.mountPoint = host.stateDir().resolve("stalled-start");
            this.link = host.dummyStateFile(resource);
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new AssertionError("cannot stall the start of " + resource + " on host " + host.name() + ": "
                        + link + " exists (the resource is active there, or an earlier stall was not undone)");
            }
            try {
                Files.deleteIfExists(image);
                try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
                    f.setLength(IMAGE_BYTES);
                }
                Files.createDirectories(mountPoint);
            } catch (IOException e) {
                throw new AssertionError("cannot prepare the frozen file system " + image + " for host "
                        + host.name() + ": " + e, e);
            }
            Command.run("mkfs.ext4", "-q", "-F", image.toString());
            try {
                // loop devices are cleared automatically when the last mount goes (also with the host's namespace)
                host.inMountNamespace("mount", "-o", "loop", image.toString(), mountPoint.toString());
                mounted = true;
                host.inMountNamespace("fsfreeze", "-f", mountPoint.toString());
                frozen = true;
                Files.createSymbolicLink(link, mountPoint.resolve(link.getFileName()));
            } catch (IOException e) {
                throw undoAfter(new AssertionError("cannot link " + link + " for host " + host.name() + ": " + e,
                        e));
            } catch (RuntimeException e) {
                throw undoAfter(e);
            } catch (AssertionError e) {
                throw undoAfter(e);
            }
        }

        /** Undoes what was done of a stall that could not be set up; returns the original failure. */
        private <T extends Throwable> T undoAfter(T failure) {
            try {
                close();
            } catch (RuntimeException | AssertionError e) {
                failure.addSuppressed(e);
            }
            return failure;
        }

        @Override
        public void close() {
            try {
                if (host.state() != TestHost.State.DOWN) {
                    if (frozen) {
                        // first: a thread blocked on the frozen file system cannot even be killed
                        host.inMountNamespace("fsfreeze", "-u", mountPoint.toString());
                    }
                    if (mounted) {
                        host.inMountNamespace("umount", "-l", mountPoint.toString());
                    }
                }
                frozen = false;
                mounted = false;
                if (Files.isSymbolicLink(link)) {
                    Files.delete(link);
                }
                Files.deleteIfExists(image);
            } catch (IOException e) {
                throw new AssertionError("cannot undo the stalled start on host " + host.name() + " (" + link
                        + ", " + image + "): " + e, e);
            }
        }
    }
}
