package io.vigil.itest.hosts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.Vigil;

/**
 * A real Vigil cluster on namespaced test hosts ({@link TestHost}) joined by a {@link TestNetwork}: one
 * {@code bin/vigil node} per host, a generated cluster key, default failure detection unless configured. Start
 * with {@link #builder(Path)}; {@link #close()} (also run by a shutdown hook, and by the next run for a run that
 * crashed) kills every process and removes every namespace, veth and the bridge.
 */
public final class HostCluster implements AutoCloseable {

    private final Path dir;
    private final TestNetwork network;
    private final List<TestHost> hosts = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    /** How to build a cluster. */
    public static final class Builder {
        private final Path dir;
        private int nodes = 3;
        private boolean pidNamespaces = true;
        private String clusterExtra = "";
        private String nodeExtra = "";

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder nodes(int n) {
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("nodes must be between 1 and 16, not " + n);
            }
            this.nodes = n;
            return this;
        }

        /**
         * Whether each host gets its own PID namespace (default yes). Without one, the hosts' pids are visible to
         * each other, which {@code fence_vigil_process} needs (it finds its victim through {@code DIR/NAME.pid}).
         */
        public Builder pidNamespaces(boolean on) {
            this.pidNamespaces = on;
            return this;
        }

        /** More members of every node's {@code cluster} section, e.g. {@code "failureDetectionTimeoutMs": 600}. */
        public Builder clusterJson(String members) {
            this.clusterExtra = members;
            return this;
        }

        /** More top-level members of every node's config. */
        public Builder nodeJson(String members) {
            this.nodeExtra = members;
            return this;
        }

        /** Creates the network and the hosts and starts every node; returns once all see each other online. */
        public HostCluster start() {
            HostCluster c = new HostCluster(dir, TestNetwork.create());
            try {
                c.build(this);
                return c;
            } catch (RuntimeException | AssertionError e) {
                c.close();
                throw e;
            }
        }
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    private HostCluster(Path dir, TestNetwork network) {
        this.dir = dir;
        this.network = network;
        this.hook = new Thread(this::close, "host-cluster-cleanup-" + network.run());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void build(Builder b) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot create the cluster directory " + dir + ": " + e, e);
        }
        Path key = dir.resolve("authkey");
        Command.run(Distribution.bin().toString(), "keygen", key.toString());
        System.out.println("test hosts of run " + network.run() + " run " + Distribution.bin());
        StringBuilder peers = new StringBuilder("[");
        for (int i = 1; i <= b.nodes; i++) {
            peers.append(i == 1 ? "" : ", ").append("{\"name\": \"n").append(i).append("\", \"address\": \"")
                    .append(TestNetwork.address(i)).append("\", \"port\": ").append(TestHost.TRANSPORT_PORT)
                    .append(", \"nodeId\": ").append(i).append('}');
        }
        peers.append(']');
        for (int i = 1; i <= b.nodes; i++) {
            TestHost h = new TestHost(network, i, dir, b.pidNamespaces);
            hosts.add(h);
            String cluster = "{\"name\": \"itest\", \"bindAddress\": \"" + h.address() + "\", \"port\": "
                    + TestHost.TRANSPORT_PORT + ", \"peers\": " + peers + ", \"keyFile\": \"" + key + "\""
                    + (b.clusterExtra.isEmpty() ? "" : ", " + b.clusterExtra) + "}";
            h.writeConfig(cluster, b.nodeExtra);
            h.startForwarder();
        }
        hosts.forEach(TestHost::start);
        awaitAllOnline(Duration.ofSeconds(120));
    }

    public Path dir() {
        return dir;
    }

    public TestNetwork network() {
        return network;
    }

    public List<TestHost> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public TestHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host " + name + " in " + hosts));
    }

    /** The hosts other than those given. */
    public List<TestHost> others(TestHost... not) {
        List<TestHost> n = List.of(not);
        return hosts.stream().filter(h -> !n.contains(h)).toList();
    }

    /** Waits until every host answers and every running host sees all of them online. */
    public Duration awaitAllOnline(Duration timeout) {
        long t0 = System.nanoTime();
        for (TestHost h : hosts) {
            if (h.state() != TestHost.State.DOWN) {
                h.awaitReady(timeout);
            }
        }
        Deadline.await(() -> "every host to see all " + hosts.size() + " nodes online; states: " + allNodeStates(),
                timeout, 100, () -> hosts.stream().filter(TestHost::serving).allMatch(h -> {
                    Map<String, String> s = nodeStates(h);
                    return hosts.stream().allMatch(o -> "online".equals(s.get(o.name())));
                }));
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private Map<String, Map<String, String>> allNodeStates() {
        Map<String, Map<String, String>> m = new TreeMap<>();
        hosts.stream().filter(TestHost::serving).forEach(h -> m.put(h.name(), nodeStates(h)));
        return m;
    }

    /** The status JSON as a host sees it, or null when it does not answer. */
    public JsonObject status(TestHost h) {
        Vigil.Result r = h.run("status --output-as json", Duration.ofSeconds(10));
        if (r.exitCode() != 0) {
            return null;
        }
        try {
            return JsonParser.parseString(r.out()).getAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Node states (online, offline, standby, ...) as a host sees them; empty when it does not answer. */
    public Map<String, String> nodeStates(TestHost h) {
        Map<String, String> m = new TreeMap<>();
        JsonObject s = status(h);
        if (s != null) {
            s.getAsJsonObject("nodes").entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
        }
        return m;
    }

    /** Where the cluster, as {@code h} sees it, runs a resource. */
    public List<String> where(TestHost h, String resource) {
        JsonObject s = status(h);
        List<String> out = new ArrayList<>();
        if (s == null || !s.getAsJsonObject("resources").has(resource)) {
            return out;
        }
        for (JsonElement e : s.getAsJsonObject("resources").getAsJsonArray(resource)) {
            out.add(e.getAsJsonObject().get("node").getAsString());
        }
        return out;
    }

    /** The hosts whose own Dummy state says {@code resource} is active and that serve it (running, not frozen). */
    public List<TestHost> servingCopies(String resource) {
        return hosts.stream().filter(h -> h.serving() && h.dummyActive(resource)).toList();
    }

    /** Asserts, from the hosts' own state, that an exclusive Dummy resource serves on at most one host. */
    public void assertExclusive(String resource) {
        List<TestHost> on = servingCopies(resource);
        if (on.size() > 1) {
            throw new AssertionError("exclusive resource " + resource + " is active on " + on
                    + " at once (from the hosts' own Dummy state files)");
        }
    }

    /** Waits until exactly one host serves {@code resource}, checking exclusivity on every poll; returns it. */
    public TestHost awaitActive(String resource, Duration timeout) {
        return awaitActiveAmong(resource, hosts, timeout);
    }

    /** Waits until exactly one of {@code among} serves {@code resource} (and no other host does). */
    public TestHost awaitActiveAmong(String resource, List<TestHost> among, Duration timeout) {
        TestHost[] found = new TestHost[1];
        Deadline.await(() -> resource + " to be active on one of " + among + "; serving copies: "
                + servingCopies(resource), timeout, 10, () -> {
                    assertExclusive(resource);
                    List<TestHost> on = servingCopies(resource);
                    found[0] = on.size() == 1 && among.contains(on.get(0)) ? on.get(0) : null;
                    return found[0] != null;
                });
        return found[0];
    }

    /** The first host that serves and answers, to ask about the cluster. */
    public TestHost observer(TestHost... not) {
        return others(not).stream().filter(h -> h.serving() && !h.linkCut()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no running host to observe the cluster from"));
    }

    /**
     * Copies every host's log, standard error and config to {@code target/NAME.*}, for a failed test's report (the
     * cluster's own directory is usually a temporary one that goes with the test).
     */
    public void saveLogs(Path target) {
        try {
            Files.createDirectories(target);
            for (TestHost h : hosts) {
                for (Path p : List.of(h.log(), dir.resolve(h.name() + ".err"), dir.resolve(h.name() + ".out"),
                        h.config())) {
                    if (Files.exists(p)) {
                        Files.copy(p, target.resolve(h.name() + "." + p.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("cannot save the host logs to " + target + ": " + e);
        }
    }

    /** Kills every process and removes every namespace of the run; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (TestHost h : hosts) {
                try {
                    h.destroy();
                } catch (RuntimeException | AssertionError e) {
                    System.err.println("cleanup of host " + h.name() + ": " + e.getMessage());
                }
            }
        } finally {
            network.close();
            if (Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs this anyway
                }
            }
        }
    }
}
