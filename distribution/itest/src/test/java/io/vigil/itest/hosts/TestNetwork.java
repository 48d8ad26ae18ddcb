package io.vigil.itest.hosts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test network of one run: a "switch" network namespace holding a bridge, and one network namespace per host
 * attached to it by a veth pair ({@code pN} on the switch, {@code eth0} in the host). Nothing is added to the root
 * namespace; addresses come from {@value #SUBNET}.0/24 and exist only inside the host namespaces (which have no
 * default route, so a wrong address fails at once instead of leaving the machine, TESTBED hazard 1).
 *
 * <p>Namespace names carry the owning JVM's pid and a random tag ({@code vt<pid>-<tag>-sw}, {@code …-n1}), so runs
 * never collide and {@link #sweepLeftovers()} can tell the namespaces of a crashed run (owner pid gone) from those
 * of a live one.
 */
public final class TestNetwork implements AutoCloseable {

    static final String PREFIX = "vt";
    static final String SUBNET = "10.240.0";
    private static final Pattern OWNED = Pattern.compile("^" + PREFIX + "(\\d+)-[0-9a-f]{4}-\\S+");

    private final String run;
    private final List<String> namespaces = new ArrayList<>();
    private boolean closed;

    private TestNetwork(String run) {
        this.run = run;
    }

    /** Creates the switch namespace and its bridge. Needs root. */
    public static TestNetwork create() {
        if (!"0".equals(Command.run("id", "-u").strip())) {
            throw new IllegalStateException("namespaced test hosts need root (ip netns); run the tests as root");
        }
        sweepLeftovers();
        String tag = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        TestNetwork n = new TestNetwork(PREFIX + ProcessHandle.current().pid() + "-" + tag);
        try {
            n.addNamespace(n.switchNs());
            Command.run("ip", "-n", n.switchNs(), "link", "add", "br0", "type", "bridge");
            Command.run("ip", "-n", n.switchNs(), "link", "set", "br0", "up");
        } catch (RuntimeException | AssertionError e) {
            n.close();
            throw e;
        }
        return n;
    }

    /** This run's name prefix, e.g. {@code vt4711-3fa2}. */
    public String run() {
        return run;
    }

    String switchNs() {
        return run + "-sw";
    }

    /** The network namespace of host number {@code index} (1-based). */
    String hostNs(int index) {
        return run + "-n" + index;
    }

    /** The switch-side veth of a host. */
    static String port(int index) {
        return "p" + index;
    }

    /** The address of host {@code index} (1-based). */
    public static String address(int index) {
        return SUBNET + "." + (10 + index);
    }

    /** Creates host {@code index}'s namespace with {@code eth0} (its address, up) plugged into the switch. */
    String plugHost(int index) {
        String ns = hostNs(index);
        addNamespace(ns);
        Command.run("ip", "-n", switchNs(), "link", "add", port(index), "type", "veth", "peer", "name", "eth0",
                "netns", ns);
        Command.run("ip", "-n", switchNs(), "link", "set", port(index), "master", "br0", "up");
        Command.run("ip", "-n", ns, "link", "set", "lo", "up");
        Command.run("ip", "-n", ns, "addr", "add", address(index) + "/24", "dev", "eth0");
        Command.run("ip", "-n", ns, "link", "set", "eth0", "up");
        return ns;
    }

    /**
     * Pulls (or plugs back) host {@code index}'s cable: its switch port goes down, so nothing it sends reaches
     * anyone and nothing reaches it — no RST or FIN can be sent for its connections. Its own {@code eth0} stays
     * administratively up (it sees only the carrier loss, as with a pulled cable).
     */
    void setPort(int index, boolean up) {
        Command.run("ip", "-n", switchNs(), "link", "set", port(index), up ? "up" : "down");
    }

    private void addNamespace(String ns) {
        Command.run("ip", "netns", "add", ns);
        namespaces.add(ns);
        Command.run("ip", "-n", ns, "link", "set", "lo", "up");
    }

    /** Kills whatever still runs in this run's namespaces and deletes them (hosts first, the switch last). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            deleteNamespace(namespaces.get(i));
        }
    }

    private static void deleteNamespace(String ns) {
        for (String pid : Command.quietly("ip", "netns", "pids", ns).out().split("\\s+")) {
            if (!pid.isBlank()) {
                Command.quietly("kill", "-9", pid.strip());
            }
        }
        Command.quietly("ip", "netns", "del", ns);
    }

    /**
     * Deletes the namespaces (and kills the processes in them) of earlier runs whose JVM is gone: a run killed
     * before its clean-up leaves nothing that can disturb later runs.
     */
    public static void sweepLeftovers() {
        for (String line : Command.quietly("ip", "netns", "list").out().split("\n")) {
            Matcher m = OWNED.matcher(line.strip());
            if (m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false)
                    == false) {
                deleteNamespace(line.strip().split("\\s+")[0]);
            }
        }
    }
}
