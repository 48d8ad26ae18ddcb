package io.vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test) of the real distribution: three {@code bin/vigil node} JVMs, each in its own network
 * namespace joined by veth pairs to a bridge in a switch namespace. Nothing is added to the root namespace: the
 * 10.213.0.x addresses exist only inside the node namespaces, and this program reaches each node's command port
 * (127.0.0.1 inside its namespace) through a Unix socket that a {@code socat} inside the namespace forwards.
 *
 * <p>Membership changes are timed from the moment the fault is injected (clock read just before the signal or
 * the {@code ip link} command) to the timestamp of the first log line in which every survivor logs the view
 * without the victim ({@code ChannelMessaging: nX: view N [...]}); the time is the latest survivor's.
 */
public final class MembershipBench {

    private static final String PREFIX = "vbench";
    private static final String SWITCH = PREFIX + "-sw";
    private static final int TRANSPORT_PORT = 7800;
    private static final int COMMAND_PORT = 7001;
    private static final Pattern VIEW_LINE = Pattern.compile("^(\\S+) INFO\\s+io\\.vigil\\.messaging\\.internal"
            + "\\.ChannelMessaging: (\\S+): view (\\d+).* \\[([^\\]]*)\\]$");
    private static final List<String> INT_OPTIONS = List.of("batch-limit", "pe-input-series-max",
            "pe-warn-series-max", "pe-error-series-max", "cluster-ipc-limit", "node-action-limit", "migration-limit",
            "stonith-max-attempts", "fencing-max-attempts");

    private final Path home;
    private final Path work;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Process> hogs = new ArrayList<>();
    private final Map<String, String> results = new LinkedHashMap<>();
    private boolean namespaces;
    private int rings = 1;

    /** One node: its namespace, address, processes and files. */
    private final class Node {
        final int index;
        final String name;
        final String ns;
        final String address;
        final String address2;
        final Path dir;
        final Path sock;
        Process jvm;
        Process socat;

        Node(int index) {
            this.index = index;
            this.name = "n" + index;
            this.ns = PREFIX + "-" + name;
            this.address = "10.213.0." + index;
            this.address2 = "10.214.0." + index;
            this.dir = work.resolve(name);
            this.sock = work.resolve(name + ".sock");
        }

        Path log() {
            return dir.resolve("vigil.log");
        }

        void start() throws IOException {
            jvm = new ProcessBuilder("ip", "netns", "exec", ns, home.resolve("bin/vigil").toString(), "node",
                    "--config", work.resolve(name + ".json").toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".out").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".err").toFile())).start();
        }

        void startSocat() throws IOException {
            // setsid: socat and the children it forks per connection form one process group, killed as one
            socat = new ProcessBuilder("setsid", "ip", "netns", "exec", ns, "socat",
                    "UNIX-LISTEN:" + sock + ",fork,unlink-early", "TCP:127.0.0.1:" + COMMAND_PORT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".socat.err").toFile()))
                    .start();
        }

        /** Runs one shell command on this node; null if the node does not answer. */
        Answer exec(String command) {
            try (Shell s = new Shell(sock)) {
                return s.run(command);
            } catch (IOException e) {
                return null;
            }
        }

        List<String> members() {
            Answer a = exec("quorum status");
            if (a == null || a.code != 0) {
                return List.of();
            }
            List<String> m = new ArrayList<>();
            int at = a.out.indexOf("Membership information");
            Matcher x = Pattern.compile("^\\s+\\d+\\s+\\d+\\s+(\\S+)", Pattern.MULTILINE)
                    .matcher(at < 0 ? "" : a.out.substring(at));
            while (x.find()) {
                m.add(x.group(1));
            }
            Collections.sort(m);
            return m;
        }
    }

    record Answer(int code, String out, String err) {
    }

    /** The command port's line protocol over a Unix socket forwarded into the node's namespace. */
    static final class Shell implements AutoCloseable {
        private final SocketChannel ch;
        private final BufferedReader in;
        private final Writer out;

        Shell(Path sock) throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(sock));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8);
        }

        Answer run(String command) throws IOException {
            out.write(command + "\n");
            out.flush();
            StringBuilder o = new StringBuilder();
            StringBuilder e = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String text = line.length() > 2 ? line.substring(2) : "";
                switch (line.charAt(0)) {
                    case '1' -> o.append(text).append('\n');
                    case '2' -> e.append(text).append('\n');
                    case '=' -> {
                        return new Answer(Integer.parseInt(text.trim()), o.toString(), e.toString());
                    }
                    default -> throw new IOException("unexpected answer: " + line);
                }
            }
            throw new IOException("connection closed");
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private MembershipBench(Path home, Path work) {
        this.home = home;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path home = null;
        int runs = 10;
        int idleSeconds = 60;
        int hogCount = 2;
        int cibSeconds = 20;
        int rings = 1;
        int ring1Seconds = 8;
        Set<String> only = new HashSet<>(List.of("kill", "stop", "cut", "idle", "cib", "ring1"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vigil-home" -> home = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--hogs" -> hogCount = Integer.parseInt(args[++i]);
                case "--cib-seconds" -> cibSeconds = Integer.parseInt(args[++i]);
                case "--only" -> only = new HashSet<>(Arrays.asList(args[++i].split(",")));
                case "--rings" -> rings = Integer.parseInt(args[++i]);
                case "--ring1-seconds" -> ring1Seconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: membership.sh [--runs N] [--idle-seconds S] [--hogs N] "
                            + "[--cib-seconds S] [--rings 1|2] [--ring1-seconds S] [--only kill,stop,cut,idle,cib,ring1]");
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--vigil-home is required");
        }
        Path work = Files.createTempDirectory("vigil-bench");
        MembershipBench b = new MembershipBench(home.toAbsolutePath(), work);
        b.rings = rings;
        if (rings == 1) {
            only.remove("ring1");
        }
        AtomicBoolean cleaned = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (cleaned.compareAndSet(false, true)) {
                b.tearDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            b.setUp();
            if (only.contains("kill")) {
                b.faultRuns("kill -9", runs, b::kill9, b::restart);
            }
            if (only.contains("stop")) {
                b.faultRuns("SIGSTOP", runs, n -> signal(n, "STOP"), n -> signal(n, "CONT"));
            }
            if (only.contains("cut")) {
                b.faultRuns(rings == 2 ? "both links cut" : "link cut", runs, n -> b.link(n, "down"),
                        n -> b.link(n, "up"));
            }
            if (only.contains("ring1")) {
                b.ring1Cut(runs, ring1Seconds);
            }
            if (only.contains("idle")) {
                b.idle(idleSeconds, hogCount);
            }
            if (only.contains("cib")) {
                b.cibThroughput(cibSeconds, 1);
                b.cibThroughput(cibSeconds, 3);
            }
        } finally {
            if (cleaned.compareAndSet(false, true)) {
                b.tearDown();
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        System.out.println();
        System.out.println("== Vigil membership/CIB benchmark (3 nodes, network namespaces, default timeouts, "
                + rings + " ring" + (rings == 2 ? "s" : "") + ") ==");
        b.results.forEach((k, v) -> System.out.printf("%-44s %s%n", k, v));
    }

    // ---- set-up and tear-down ----

    private void setUp() throws Exception {
        if (!"0".equals(capture("id", "-u").strip())) {
            throw new IllegalStateException("needs root (ip netns)");
        }
        String existing = capture("ip", "netns", "list");
        if (existing.contains(PREFIX + "-")) {
            throw new IllegalStateException("namespaces " + PREFIX + "-* exist already (another run?): " + existing);
        }
        namespaces = true;
        sh("ip", "netns", "add", SWITCH);
        sh("ip", "-n", SWITCH, "link", "set", "lo", "up");
        sh("ip", "-n", SWITCH, "link", "add", "br0", "type", "bridge");
        sh("ip", "-n", SWITCH, "link", "set", "br0", "up");
        for (int i = 1; i <= 3; i++) {
            Node n = new Node(i);
            nodes.add(n);
            sh("ip", "netns", "add", n.ns);
            sh("ip", "-n", SWITCH, "link", "add", "p" + i, "type", "veth", "peer", "name", "eth0", "netns", n.ns);
            sh("ip", "-n", SWITCH, "link", "set", "p" + i, "master", "br0", "up");
            sh("ip", "-n", n.ns, "link", "set", "lo", "up");
            sh("ip", "-n", n.ns, "addr", "add", n.address + "/24", "dev", "eth0");
            sh("ip", "-n", n.ns, "link", "set", "eth0", "up");
            if (rings == 2) {
                if (i == 1) {
                    sh("ip", "-n", SWITCH, "link", "add", "br1", "type", "bridge");
                    sh("ip", "-n", SWITCH, "link", "set", "br1", "up");
                }
                sh("ip", "-n", SWITCH, "link", "add", "q" + i, "type", "veth", "peer", "name", "eth1", "netns",
                        n.ns);
                sh("ip", "-n", SWITCH, "link", "set", "q" + i, "master", "br1", "up");
                sh("ip", "-n", n.ns, "addr", "add", n.address2 + "/24", "dev", "eth1");
                sh("ip", "-n", n.ns, "link", "set", "eth1", "up");
            }
        }
        sh(home.resolve("bin/vigil").toString(), "keygen", work.resolve("authkey").toString());
        StringBuilder peers = new StringBuilder("[");
        for (Node n : nodes) {
            peers.append(n.index == 1 ? "" : ", ").append("{\"name\": \"").append(n.name)
                    .append("\", \"address\": \"").append(n.address).append("\", \"port\": ").append(TRANSPORT_PORT)
                    .append(", \"nodeId\": ").append(n.index)
                    .append(rings == 2 ? ", \"address2\": \"" + n.address2 + "\", \"port2\": " + (TRANSPORT_PORT + 1) : "")
                    .append('}');
        }
        peers.append(']');
        for (Node n : nodes) {
            Files.writeString(work.resolve(n.name + ".json"), "{\"name\": \"" + n.name + "\", \"stateDir\": \""
                    + n.dir + "\", \"deployDir\": \"" + n.dir.resolve("deploy") + "\", \"commandPort\": "
                    + COMMAND_PORT + ", \"shippedAgents\": false, \"cluster\": {\"name\": \"bench\", "
                    + "\"bindAddress\": \"" + n.address + "\", \"port\": " + TRANSPORT_PORT
                    + (rings == 2 ? ", \"address2\": \"" + n.address2 + "\", \"port2\": " + (TRANSPORT_PORT + 1) : "")
                    + ", \"peers\": " + peers
                    + ", \"keyFile\": \"" + work.resolve("authkey") + "\"}}");
            n.startSocat();
        }
        long t0 = System.nanoTime();
        for (Node n : nodes) {
            n.start();
        }
        awaitFullView(120);
        System.out.printf("3 nodes up, one view, %d ms after start (work dir %s)%n",
                (System.nanoTime() - t0) / 1_000_000, work);
    }

    private void tearDown() {
        for (Process h : hogs) {
            killGroup(h);
        }
        for (Node n : nodes) {
            if (n.jvm != null && n.jvm.isAlive()) {
                try {
                    signal(n, "CONT");
                } catch (Exception e) {
                    // killed below anyway
                }
                n.jvm.destroyForcibly();
            }
            if (n.socat != null) {
                killGroup(n.socat);
            }
        }
        for (Node n : nodes) {
            try {
                if (n.jvm != null) {
                    n.jvm.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (namespaces) {
            for (Node n : nodes) {
                quietly("ip", "netns", "del", n.ns);
            }
            quietly("ip", "netns", "del", SWITCH);
        }
    }

    private static void killGroup(Process p) {
        quietly("kill", "-9", "--", "-" + p.pid());
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- faults ----

    interface Action {
        void on(Node n) throws Exception;
    }

    private void kill9(Node n) {
        n.jvm.destroyForcibly(); // SIGKILL to the node's JVM (ip netns exec and bin/vigil both exec)
    }

    private void restart(Node n) throws Exception {
        n.jvm.waitFor(10, TimeUnit.SECONDS);
        n.start();
    }

    private static void signal(Node n, String sig) throws Exception {
        sh("kill", "-" + sig, Long.toString(n.jvm.pid()));
    }

    /** Sets the node's switch port(s) down or up: every link of the node (both rings when there are two). */
    private void link(Node n, String state) throws Exception {
        sh("ip", "-n", SWITCH, "link", "set", "p" + n.index, state);
        if (rings == 2) {
            sh("ip", "-n", SWITCH, "link", "set", "q" + n.index, state);
        }
    }

    /**
     * Two rings: cut only the first-ring link of a node for {@code seconds}; no view may change anywhere, and a CIB
     * change made on the cut-off node must still commit (over the second ring).
     */
    private void ring1Cut(int runs, int seconds) throws Exception {
        int viewChanges = 0;
        List<Long> commitMs = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            awaitFullView(120);
            Thread.sleep(1500);
            Node victim = nodes.get(r % 3);
            long t0 = System.currentTimeMillis();
            sh("ip", "-n", SWITCH, "link", "set", "p" + victim.index, "down");
            Thread.sleep(seconds * 1000L / 2);
            long c0 = System.nanoTime();
            Answer a = victim.exec("cib set-property batch-limit " + (1000 + r));
            long c = (System.nanoTime() - c0) / 1_000_000;
            Thread.sleep(seconds * 1000L / 2);
            int changes = 0;
            for (Node n : nodes) {
                changes += viewLinesSince(n, t0).size();
            }
            viewChanges += changes;
            sh("ip", "-n", SWITCH, "link", "set", "p" + victim.index, "up");
            commitMs.add(a != null && a.code == 0 ? c : -1);
            System.out.printf("first-ring link of %s cut for %d s: %d view changes; a CIB change on it %s%n",
                    victim.name, seconds, changes, a != null && a.code == 0 ? "committed in " + c + " ms"
                            : "FAILED: " + (a == null ? "no answer" : a.err.strip()));
        }
        results.put("ring-1 link cut " + seconds + " s (2 rings): view changes", viewChanges + " in " + runs
                + " runs");
        results.put("  CIB change on the cut node (ms, -1 = failed)", stats(commitMs));
    }

    private void faultRuns(String label, int runs, Action fault, Action repair) throws Exception {
        List<Long> detect = new ArrayList<>();
        List<Long> rejoin = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            awaitFullView(120);
            Thread.sleep(1500); // let the failure detectors settle on the full view
            Node victim = nodes.get(r % 3);
            List<Node> survivors = nodes.stream().filter(x -> x != victim).toList();
            long t0 = System.currentTimeMillis();
            fault.on(victim);
            long seen = awaitLoggedView(survivors, survivors.stream().map(x -> x.name).toList(), t0, 60);
            detect.add(seen - t0);
            long t1 = System.currentTimeMillis();
            repair.on(victim);
            awaitFullView(120);
            rejoin.add(System.currentTimeMillis() - t1);
            System.out.printf("%s of %s: new view at the survivors after %d ms; whole again after %d ms%n", label,
                    victim.name, seen - t0, System.currentTimeMillis() - t1);
        }
        results.put(label + " -> new view (ms, " + runs + " runs)", stats(detect));
        results.put(label + " repaired -> 3-member view (ms)", stats(rejoin));
    }

    /** The latest of the times at which each observer logged a view of exactly {@code names}, at or after t0. */
    private long awaitLoggedView(List<Node> observers, List<String> names, long t0, int seconds) throws Exception {
        Set<String> want = new HashSet<>(names);
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            long latest = 0;
            boolean all = true;
            for (Node o : observers) {
                long t = firstView(o, want, t0);
                if (t < 0) {
                    all = false;
                    break;
                }
                latest = Math.max(latest, t);
            }
            if (all) {
                return latest;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no view " + want + " logged by " + observers.stream()
                        .map(o -> o.name).toList() + " within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    private static long firstView(Node o, Set<String> want, long t0) throws IOException {
        for (String line : Files.readAllLines(o.log())) {
            Matcher m = VIEW_LINE.matcher(line);
            if (m.matches() && m.group(2).equals(o.name)) {
                long t = Instant.parse(m.group(1)).toEpochMilli();
                Set<String> have = new HashSet<>(Arrays.asList(m.group(4).split(",\\s*")));
                if (t >= t0 && have.equals(want)) {
                    return t;
                }
            }
        }
        return -1;
    }

    private static List<String> viewLinesSince(Node o, long t0) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(o.log())) {
            Matcher m = VIEW_LINE.matcher(line);
            if (m.matches() && m.group(2).equals(o.name) && Instant.parse(m.group(1)).toEpochMilli() >= t0) {
                out.add(line);
            }
        }
        return out;
    }

    private void awaitFullView(int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        List<String> all = List.of("n1", "n2", "n3");
        while (!nodes.stream().allMatch(n -> n.members().equals(all))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no 3-member view within " + seconds + " s: " + nodes.stream()
                        .map(n -> n.name + "=" + n.members()).toList());
            }
            Thread.sleep(50);
        }
    }

    // ---- idle run ----

    private void idle(int seconds, int hogCount) throws Exception {
        awaitFullView(120);
        Thread.sleep(2000);
        for (int i = 0; i < hogCount; i++) {
            hogs.add(new ProcessBuilder("setsid", "sh", "-c", "while :; do :; done")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        long t0 = System.currentTimeMillis();
        System.out.printf("idle run: %d s with %d CPU hogs on %d cores%n", seconds, hogCount,
                Runtime.getRuntime().availableProcessors());
        Thread.sleep(seconds * 1000L);
        for (Process h : hogs) {
            killGroup(h);
        }
        hogs.clear();
        int changes = 0;
        StringBuilder detail = new StringBuilder();
        for (Node n : nodes) {
            List<String> lines = viewLinesSince(n, t0);
            changes += lines.size();
            detail.append(n.name).append('=').append(lines.size()).append(' ');
            lines.forEach(l -> System.out.println("  spurious: " + l));
        }
        results.put("idle " + seconds + " s, " + hogCount + " CPU hogs: view changes", changes + " (" + detail
                .toString().strip() + ")");
    }

    // ---- CIB throughput ----

    private void cibThroughput(int seconds, int clientsPerNode) throws Exception {
        awaitFullView(120);
        int clients = nodes.size() * clientsPerNode;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<int[]>> futures = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Node n = nodes.get(c % nodes.size());
            String option = INT_OPTIONS.get(c % INT_OPTIONS.size());
            futures.add(pool.submit(() -> {
                int ok = 0;
                int failed = 0;
                try (Shell s = new Shell(n.sock)) {
                    for (int i = 1; System.nanoTime() < end; i++) {
                        Answer a = s.run("cib set-property " + option + " " + i);
                        if (a.code == 0) {
                            ok++;
                        } else {
                            failed++;
                        }
                    }
                }
                return new int[] {ok, failed};
            }));
        }
        int ok = 0;
        int failed = 0;
        for (Future<int[]> f : futures) {
            int[] r = f.get(seconds + 120L, TimeUnit.SECONDS);
            ok += r[0];
            failed += r[1];
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        List<String> versions = nodes.stream().map(n -> n.exec("cib version").out.strip()).toList();
        results.put("CIB commits/s, " + clients + " sequential clients", String.format(
                "%.0f/s (%d committed, %d refused, %.1f s; versions %s)", ok / secs, ok, failed, secs, versions));
    }

    // ---- utilities ----

    private static String stats(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        long median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        return String.format("min %d  median %d  max %d   %s", v.get(0), median, v.get(v.size() - 1), values);
    }

    private static void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static String capture(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static void quietly(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                    .DISCARD).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
