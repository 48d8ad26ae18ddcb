package io.vigil.itest.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.NodeProcess;
import io.vigil.itest.support.ShellSession;
import io.vigil.itest.support.Vigil;

/**
 * A cluster of {@code bin/vigil node} processes on loopback sharing a key made with {@code bin/vigil keygen}, each
 * with a free transport port and the same ordered peer list. {@link #close()} kills every process it started.
 */
final class ProcessCluster implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(90);

    final Path dir;
    final String clusterName;
    final Path key;
    final List<String> names = new ArrayList<>();
    final List<Integer> ports = new ArrayList<>();
    /** Second-ring UDP ports (on 127.0.0.2), or empty for one ring. */
    final List<Integer> ports2 = new ArrayList<>();
    final List<NodeProcess> nodes = new ArrayList<>();
    private final List<NodeProcess> others = new ArrayList<>();

    ProcessCluster(Path dir, String clusterName, int size) {
        this.dir = dir;
        this.clusterName = clusterName;
        this.key = dir.resolve("authkey");
        keygen(key);
        for (int i = 1; i <= size; i++) {
            names.add("n" + i);
            ports.add(Vigil.freePort());
        }
    }

    /** Gives every node a second ring on 127.0.0.2 (UDP); call before starting nodes. */
    ProcessCluster withSecondRing() {
        for (int i = 0; i < names.size(); i++) {
            ports2.add(Vigil.freePort());
        }
        return this;
    }

    static void keygen(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Vigil.Result r = Vigil.run("keygen", file.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("keygen failed: " + r.err());
        }
    }

    String peersJson() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(names.get(i))
                    .append("\", \"address\": \"127.0.0.1\", \"port\": ").append(ports.get(i))
                    .append(", \"nodeId\": ").append(i + 1)
                    .append(ports2.isEmpty() ? "" : ", \"address2\": \"127.0.0.2\", \"port2\": " + ports2.get(i))
                    .append('}');
        }
        return b.append(']').toString();
    }

    /** The {@code "cluster"} member of a node config. */
    String clusterJson(int port, Path keyFile) {
        int i = ports.indexOf(port);
        String ring2 = ports2.isEmpty() || i < 0 ? "" : ", \"address2\": \"127.0.0.2\", \"port2\": " + ports2.get(i);
        return "\"cluster\": {\"name\": \"" + clusterName + "\", \"bindAddress\": \"127.0.0.1\", \"port\": " + port
                + ring2 + ", \"peers\": " + peersJson() + ", \"keyFile\": \"" + keyFile + "\"}";
    }

    /** Starts every configured node at once (as an operator starting a cluster would). */
    List<NodeProcess> startAll() {
        return startFirst(names.size());
    }

    /** Starts the first {@code count} configured nodes at once and waits until they answer. */
    List<NodeProcess> startFirst(int count) {
        for (int i = 0; i < count; i++) {
            nodes.add(NodeProcess.start(names.get(i), dir, "\"shippedAgents\": false, "
                    + clusterJson(ports.get(i), key)));
        }
        for (NodeProcess n : nodes) {
            n.awaitReady(START);
        }
        return nodes;
    }

    /**
     * Starts configured node {@code index} with another key file: it is not in {@link #nodes}, but
     * {@link #close()} kills it too.
     */
    NodeProcess startWithKey(int index, Path keyFile) {
        NodeProcess n = NodeProcess.start(names.get(index), dir.resolve("other"), "\"shippedAgents\": false, "
                + clusterJson(ports.get(index), keyFile));
        others.add(n);
        return n;
    }

    NodeProcess node(int i) {
        return nodes.get(i);
    }

    /** What {@code quorum status} says: the member names, and whether the partition is quorate. */
    record QuorumView(List<String> members, boolean quorate, int expectedVotes, int totalVotes) {
    }

    private static final Pattern MEMBER = Pattern.compile("^\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)( \\(local\\))?$",
            Pattern.MULTILINE);

    /**
     * Runs one command over a fresh command-port connection (much faster than a {@code bin/vigil shell} JVM, for
     * polling); null when the node does not answer.
     */
    static Vigil.Result exec(NodeProcess n, String command) {
        try (ShellSession s = ShellSession.open(n.commandPort(), 15_000)) {
            return s.run(command);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static QuorumView quorum(NodeProcess n) {
        Vigil.Result r = exec(n, "quorum status");
        if (r == null || r.exitCode() != 0) {
            return null;
        }
        return parseQuorum(r.out());
    }

    static QuorumView parseQuorum(String text) {
        List<String> members = new ArrayList<>();
        int at = text.indexOf("Membership information");
        Matcher m = MEMBER.matcher(at < 0 ? "" : text.substring(at));
        while (m.find()) {
            members.add(m.group(3));
        }
        return new QuorumView(members, field(text, "Quorate").equals("Yes"),
                Integer.parseInt(field(text, "Expected votes")), Integer.parseInt(field(text, "Total votes")));
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + ":\\s+(\\S+)", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no '" + name + "' in quorum status:\n" + text);
        }
        return m.group(1);
    }

    /** Waits until each observer's {@code quorum status} lists exactly {@code members} (any order). */
    static Duration awaitMembers(Duration timeout, List<NodeProcess> observers, String... members) {
        List<String> want = Arrays.stream(members).sorted().toList();
        return Deadline.await(() -> "members " + want + " at " + observers.stream().map(o -> o.name() + "="
                + describe(o)).toList(), timeout, 50, () -> observers.stream().allMatch(o -> {
                    QuorumView q = quorum(o);
                    return q != null && q.members().stream().sorted().toList().equals(want);
                }));
    }

    private static String describe(NodeProcess n) {
        QuorumView q = quorum(n);
        return q == null ? "(no answer)" : q.members() + (q.quorate() ? " quorate" : " not quorate");
    }

    /** {@code cib version} of a node, or null if it does not answer it (yet). */
    static String cibVersion(NodeProcess n) {
        Vigil.Result r = exec(n, "cib version");
        return r != null && r.exitCode() == 0 ? r.outLines() : null;
    }

    /**
     * Waits until every node answers {@code cib show} with the same version and the same text up to the status
     * section (other components, such as the controller, change the CIB too, so versions are compared, not
     * predicted) and returns the first node's text. The status section is left out of the text comparison because
     * {@code CibChange.SetNodeState} copies its attributes with {@code Map.copyOf}, whose iteration order differs
     * from JVM to JVM: equal content, different text.
     */
    static String awaitSameCib(Duration timeout, List<NodeProcess> nodes) {
        String[] same = new String[1];
        Deadline.await(() -> "the same CIB on " + nodes.stream().map(n -> n.name() + "=" + cibVersion(n)).toList(),
                timeout, 50, () -> {
                    List<String> shows = nodes.stream().map(n -> exec(n, "cib show"))
                            .map(r -> r == null || r.exitCode() != 0 ? null : r.out()).toList();
                    if (shows.contains(null) || shows.stream().map(ProcessCluster::beforeStatus).distinct()
                            .count() != 1) {
                        return false;
                    }
                    same[0] = shows.get(0);
                    return true;
                });
        return same[0];
    }

    private static String beforeStatus(String cibShow) {
        int at = cibShow.indexOf("\n  \"status\":");
        return at < 0 ? cibShow : cibShow.substring(0, at);
    }

    /** The value of a cluster option in {@code cib show} output, or null. */
    static String property(String cibShow, String name) {
        Matcher m = Pattern.compile("\"name\":\\s*\"" + Pattern.quote(name) + "\",\\s*\"value\":\\s*\"([^\"]*)\"")
                .matcher(cibShow);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        for (NodeProcess n : others) {
            n.close();
        }
        for (NodeProcess n : nodes) {
            n.close();
        }
    }
}
