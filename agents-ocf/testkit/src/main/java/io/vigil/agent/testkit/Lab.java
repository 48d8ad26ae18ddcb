package io.vigil.agent.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A set of test nodes as TESTBED.md prescribes: every node is its own network namespace ({@code vt-<id>-<name>})
 * holding a long-lived PID-1 process in its own mount, UTS and PID namespaces; with {@link #network} the nodes'
 * {@code eth0} veths plug into a bridge that lives in a separate "switch" namespace ({@code vt-<id>-sw}), with
 * addresses from a random {@code 10.x.y.0/24} (and {@code fd00:x:y::/64}). Nothing is added to the root namespace.
 * {@link #close()} kills every node (which kills every process inside it and drops its mounts) and deletes the
 * namespaces and the lab directory.
 */
public final class Lab implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final Path dir;
    private final int octet2;
    private final int octet3;
    private final boolean networked;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Runnable> cleanups = new ArrayList<>();

    private Lab(boolean networked) {
        this.id = String.format("%04x", RANDOM.nextInt(0x10000));
        this.octet2 = 200 + RANDOM.nextInt(50);
        this.octet3 = RANDOM.nextInt(256);
        this.networked = networked;
        try {
            this.dir = Files.createDirectories(Path.of("/tmp", "vt-" + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nodes joined by a switch: {@code eth0} of node i has {@code 10.x.y.(11+i)/24} and {@code fd00:x:y::(11+i)/64}. */
    public static Lab network(String... names) {
        Lab lab = new Lab(true);
        try {
            String sw = lab.switchNs();
            Cmd.ok("ip", "netns", "add", sw);
            lab.cleanups.add(() -> Cmd.quietly("ip", "netns", "del", sw));
            Cmd.ok("ip", "-n", sw, "link", "set", "lo", "up");
            Cmd.ok("ip", "-n", sw, "link", "add", "br0", "type", "bridge");
            Cmd.ok("ip", "-n", sw, "link", "set", "br0", "up");
            for (String n : names) {
                lab.addNode(n);
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Nodes with their own namespaces but no network beyond loopback. */
    public static Lab isolated(String... names) {
        Lab lab = new Lab(false);
        try {
            for (String n : names) {
                lab.addNode(n);
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void addNode(String name) {
        int index = nodes.size();
        String ns = "vt-" + id + "-" + name;
        Cmd.ok("ip", "netns", "add", ns);
        cleanups.add(() -> Cmd.quietly("ip", "netns", "del", ns));
        Cmd.ok("ip", "-n", ns, "link", "set", "lo", "up");
        String v4 = null;
        String v6 = null;
        if (networked) {
            String port = "v" + name;
            Cmd.ok("ip", "-n", switchNs(), "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
            Cmd.ok("ip", "-n", switchNs(), "link", "set", port, "master", "br0", "up");
            v4 = "10." + octet2 + "." + octet3 + "." + (11 + index);
            v6 = String.format("fd00:%x:%x::%x", octet2, octet3, 11 + index);
            Cmd.ok("ip", "-n", ns, "addr", "add", v4 + "/24", "dev", "eth0");
            Cmd.ok("ip", "-n", ns, "addr", "add", v6 + "/64", "dev", "eth0", "nodad");
            Cmd.ok("ip", "-n", ns, "link", "set", "eth0", "up");
        }
        Node node = Node.start(this, name, ns, dir.resolve(name), v4, v6);
        nodes.put(name, node);
        cleanups.add(node::kill);
    }

    /** The node of that name. */
    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name + " in lab " + id);
        }
        return n;
    }

    /** A free IPv4 address of the lab's subnet (host part 100 + i), for floating addresses. */
    public String spareV4(int i) {
        return "10." + octet2 + "." + octet3 + "." + (100 + i);
    }

    /** A free IPv6 address of the lab's /64. */
    public String spareV6(int i) {
        return String.format("fd00:%x:%x::%x", octet2, octet3, 0x100 + i);
    }

    /** The lab's working directory under /tmp (removed on close). */
    public Path dir() {
        return dir;
    }

    /** The lab's random id, part of every namespace name. */
    public String id() {
        return id;
    }

    String switchNs() {
        return "vt-" + id + "-sw";
    }

    /** Registers extra clean-up; clean-ups run in reverse order of registration, so this runs before the nodes are killed. */
    public void onClose(Runnable r) {
        cleanups.add(r);
    }

    @Override
    public void close() {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).run();
            } catch (RuntimeException e) {
                // keep cleaning
            }
        }
        cleanups.clear();
        deleteTree(dir);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a mount point still busy is left behind; the namespace is gone anyway
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
