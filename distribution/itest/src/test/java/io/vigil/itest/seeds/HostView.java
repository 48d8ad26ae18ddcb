package io.vigil.itest.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vigil.itest.hosts.TestHost;

/**
 * What one test host itself has, read from the test JVM through its init process's {@code /proc} entries (no
 * command run, so sampling is cheap): its mounts (its own mount namespace), its local IPv4 addresses (its network
 * namespace) and files under its own root (its private {@code /run}).
 */
final class HostView {

    private final TestHost host;
    private final long pid;

    HostView(TestHost host) {
        this.host = host;
        this.pid = host.processTree().get(0);
    }

    TestHost host() {
        return host;
    }

    /** The host's init, for {@code nsenter -t PID}. */
    long pid() {
        return pid;
    }

    /** Whether something is mounted on {@code dir} in the host's mount namespace. */
    boolean mounted(Path dir) {
        for (String line : lines("mountinfo")) {
            // fields: id parent major:minor root mount-point ...
            String[] f = line.split(" ");
            if (f.length > 4 && f[4].equals(dir.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code ip} is a local address of the host's network namespace. */
    boolean hasAddress(String ip) {
        String mark = "|-- " + ip;
        List<String> l = lines("net/fib_trie");
        for (int i = 0; i + 1 < l.size(); i++) {
            if (l.get(i).trim().equals(mark) && l.get(i + 1).contains("/32 host LOCAL")) {
                return true;
            }
        }
        return false;
    }

    /** A file as the host sees it (under its own mounts, e.g. its private /run). */
    Path file(String absolute) {
        return Path.of("/proc/" + pid + "/root" + absolute);
    }

    private List<String> lines(String entry) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/" + entry));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Runs a command inside the host's mount namespace (e.g. a bind mount only that host sees). */
    void inMountNamespace(String... cmd) {
        List<String> full = new java.util.ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-m"));
        full.addAll(List.of(cmd));
        Sh.run(full);
    }
}
