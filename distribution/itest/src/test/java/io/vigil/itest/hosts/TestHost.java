package io.vigil.itest.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.Vigil;

/**
 * One test host: a {@code bin/vigil node} in its own network namespace (plugged into the run's switch), mount
 * namespace (its own {@code /run}), UTS namespace (its node name as host name) and, by default, PID namespace (the
 * node's shell wrapper is PID 1, so killing it powers the whole host off and reaping is immediate, TESTBED hazard
 * 3). Its state directory lives on the test's file system, so the test reads the Dummy state files directly.
 *
 * <p>Faults: {@link #powerOff()} (the whole process tree dies; the host's volatile run directory is lost as
 * with a real power cut, but its kernel still closes the connections), {@link #powerCut()} (the same behind a dead
 * cable: nothing at all reaches the others), {@link #crashNode()} (only the node's JVM dies, its resources' state stays), {@link
 * #freeze()}/{@link #thaw()} (SIGSTOP/SIGCONT of the whole tree), {@link #cutLink()}/{@link #healLink()} (the
 * switch port goes down: silent, no RST/FIN).
 */
public final class TestHost {

    /** Whether the host's node runs, and whether it is frozen (a frozen host serves nothing). */
    public enum State { DOWN, RUNNING, FROZEN }

    static final int COMMAND_PORT = 7001;
    static final int TRANSPORT_PORT = 7800;

    private final TestNetwork network;
    private final int index;
    private final String name;
    private final String ns;
    private final Path dir;
    private final boolean pidNamespace;
    private Process process;
    private Process forwarder;
    private volatile State state = State.DOWN;
    private volatile boolean linkCut;
    private boolean poweredOffSilently;

    TestHost(TestNetwork network, int index, Path dir, boolean pidNamespace) {
        this.network = network;
        this.index = index;
        this.name = "n" + index;
        this.dir = dir;
        this.pidNamespace = pidNamespace;
        this.ns = network.plugHost(index);
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    /** The host's address on the test network (exists only inside the test namespaces). */
    public String address() {
        return TestNetwork.address(index);
    }

    /** The network namespace's name (for {@code ip -n}/{@code ip netns exec}). */
    public String namespace() {
        return ns;
    }

    public Path stateDir() {
        return dir.resolve(name);
    }

    public Path config() {
        return dir.resolve(name + ".json");
    }

    /** The node's run directory, where the Dummy agent keeps its state files. */
    public Path runDir() {
        return stateDir().resolve("run");
    }

    public Path log() {
        return stateDir().resolve("vigil.log");
    }

    public State state() {
        return state;
    }

    public boolean linkCut() {
        return linkCut;
    }

    /** Whether the host's copies of resources count as serving: its node runs and is not frozen. */
    public boolean serving() {
        return state == State.RUNNING;
    }

    /** The Dummy state file of {@code resource} on this host. */
    public Path dummyStateFile(String resource) {
        return runDir().resolve("Dummy-" + resource + ".state");
    }

    /** Whether this host's own Dummy state says {@code resource} is active here (whatever the cluster thinks). */
    public boolean dummyActive(String resource) {
        return Files.exists(dummyStateFile(resource));
    }

    /** Writes the node config: the cluster section is shared, the rest is this host's. */
    void writeConfig(String clusterJson, String extraJson) {
        String json = "{\"name\": \"" + name + "\", \"stateDir\": \"" + stateDir() + "\", \"commandPort\": "
                + COMMAND_PORT + ", \"cluster\": " + clusterJson + (extraJson.isEmpty() ? "" : ", " + extraJson)
                + "}";
        try {
            Files.createDirectories(stateDir());
            Files.writeString(config(), json);
        } catch (IOException e) {
            throw new AssertionError("cannot write the config of host " + name + " (" + config() + "): " + e, e);
        }
    }

    /** Starts the command-port forwarder (once; it outlives node restarts). */
    void startForwarder() {
        try {
            // setsid: socat and its per-connection children are one process group, killed as one
            forwarder = new ProcessBuilder("setsid", "ip", "netns", "exec", ns, "socat",
                    "UNIX-LISTEN:" + socket() + ",fork,unlink-early", "TCP:127.0.0.1:" + COMMAND_PORT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".socat.err").toFile()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start the command forwarder (socat) of host " + name + ": " + e, e);
        }
        Deadline.await("the command forwarder of " + name + " to listen on " + socket(), Duration.ofSeconds(10),
                10, () -> Files.exists(socket()));
    }

    private Path socket() {
        return dir.resolve(name + ".sock");
    }

    /** Starts the node (its first start or a restart after {@link #powerOff()}/{@link #stop}). */
    public synchronized void start() {
        if (state != State.DOWN) {
            throw new IllegalStateException("host " + name + " is " + state + "; stop or power it off first");
        }
        if (poweredOffSilently) {
            healLink();
            poweredOffSilently = false;
        }
        // hostname for the UTS namespace, a private /run for the mount namespace, then the node (not exec'd: the
        // shell stays PID 1 of the PID namespace and reaps orphans at once)
        String script = "hostname " + name + " && mount -t tmpfs -o mode=755,size=16m vigil-run /run && "
                + "\"$0\" node --config \"$1\"; exit $?";
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "unshare", "--mount", "--uts"));
        if (pidNamespace) {
            cmd.addAll(List.of("--pid", "--fork", "--mount-proc", "--kill-child"));
        }
        cmd.addAll(List.of("sh", "-c", script, Distribution.bin().toString(), config().toString()));
        try {
            process = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".out").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile())).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start host " + name + ": " + e, e);
        }
        state = State.RUNNING;
        try {
            // the pid file as fence_vigil_process reads it (only usable by fencers in the same PID namespace)
            Files.writeString(dir.resolve(name + ".pid"), machine().pid() + "\n");
        } catch (IOException e) {
            throw new AssertionError("cannot write the pid file of host " + name + ": " + e, e);
        }
    }

    /**
     * The root of the host's process tree: the PID namespace's init (the shell wrapper), or without a PID
     * namespace the wrapper itself.
     */
    private ProcessHandle machine() {
        if (!pidNamespace) {
            return process.toHandle();
        }
        ProcessHandle[] init = new ProcessHandle[1];
        Deadline.await("the init process of host " + name, Duration.ofSeconds(10), 2, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("host " + name + " exited at once with " + process.exitValue()
                        + "; stderr: " + stderr());
            }
            init[0] = process.toHandle().children().findFirst().orElse(null);
            return init[0] != null;
        });
        return init[0];
    }

    /** Every process of the host (its init and all descendants), as pids of this JVM's PID namespace. */
    public List<Long> processTree() {
        ProcessHandle root = machine();
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        root.descendants().forEach(h -> pids.add(h.pid()));
        return pids;
    }

    /** The node's JVM (the launcher's main class runs in it). */
    public Optional<ProcessHandle> nodeJvm() {
        if (process == null) {
            return Optional.empty();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
    }

    /** Waits until the node answers on its command port. */
    public Duration awaitReady(Duration timeout) {
        return Deadline.await(() -> "host " + name + " to answer on its command port; stderr: " + stderr(), timeout,
                50, () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("host " + name + " exited with " + process.exitValue()
                                + "; stderr: " + stderr());
                    }
                    return run("help", Duration.ofSeconds(5)).exitCode() == 0;
                });
    }

    /** Power cut: SIGKILL to the whole tree (the PID namespace dies with its init); the run directory is lost. */
    public synchronized void powerOff() {
        if (process == null || state == State.DOWN) {
            return;
        }
        List<Long> tree = processTree();
        signal("KILL", tree);
        state = State.DOWN;
        awaitExit(Duration.ofSeconds(10));
        // a real host's /run is volatile: what the node's agents kept there does not survive the power cut
        deleteTree(runDir());
    }

    /**
     * A real power cut: the host's cable goes dead first (its kernel can send no FIN or RST for the connections of
     * the dying processes, as with {@link #powerOff()} alone), then the whole tree dies. {@link #start()} plugs the
     * cable back in, as a machine that is powered on again is still cabled.
     */
    public synchronized void powerCut() {
        cutLink();
        poweredOffSilently = true;
        powerOff();
    }

    /** {@code kill -9} of the node's JVM only: whatever its agents started keeps its state. */
    public synchronized void crashNode() {
        ProcessHandle jvm = nodeJvm().orElseThrow(() -> new IllegalStateException("host " + name
                + " has no running node JVM"));
        signal("KILL", List.of(jvm.pid()));
        state = State.DOWN;
        awaitExit(Duration.ofSeconds(10));
    }

    /** Graceful stop: SIGTERM to the node's JVM, then waits for the host's tree to end. */
    public synchronized void stop(Duration timeout) {
        Optional<ProcessHandle> jvm = nodeJvm();
        if (jvm.isEmpty()) {
            state = State.DOWN;
            return;
        }
        signal("TERM", List.of(jvm.get().pid()));
        awaitExit(timeout);
        state = State.DOWN;
    }

    /**
     * SIGSTOP of every process of the host: repeated until no process of the tree is left running, so a child
     * forked during the first pass is stopped too. Returns the nanoTime just before the first signal.
     */
    public synchronized long freeze() {
        long t0 = System.nanoTime();
        signal("STOP", processTree());
        Deadline.await("every process of host " + name + " to be stopped", Duration.ofSeconds(5), 2, () -> {
            List<Long> running = processTree().stream().filter(p -> !stopped(p)).toList();
            if (!running.isEmpty()) {
                signal("STOP", running);
            }
            return running.isEmpty();
        });
        state = State.FROZEN;
        return t0;
    }

    /** SIGCONT of every process of the host; returns the nanoTime just before the signal was sent. */
    public synchronized long thaw() {
        List<Long> tree = processTree();
        state = State.RUNNING; // from now on its copies count as serving
        long t0 = System.nanoTime();
        signal("CONT", tree);
        return t0;
    }

    /** Pulls the host's cable (switch port down): silent, the host can neither send nor receive anything. */
    public void cutLink() {
        network.setPort(index, false);
        linkCut = true;
    }

    /** Plugs the cable back in. */
    public void healLink() {
        network.setPort(index, true);
        linkCut = false;
    }

    /** Runs one shell command on the node through its command port (fast path, no client JVM). */
    public Vigil.Result run(String command) {
        return run(command, Duration.ofSeconds(30));
    }

    public Vigil.Result run(String command, Duration limit) {
        return NodeShell.run(socket(), command, limit);
    }

    /** Runs a command that must succeed; returns its output. */
    public String ok(String command) {
        Vigil.Result r = run(command);
        if (r.exitCode() != 0) {
            throw new AssertionError("'" + command + "' on host " + name + " failed (" + r.exitCode() + "): "
                    + r.err());
        }
        return r.out();
    }

    /** Runs {@code bin/vigil shell --port P COMMAND} inside the host's network namespace, as an operator would. */
    public Vigil.Result shellCli(String command) {
        Command.Result r = Command.attempt("ip", "netns", "exec", ns, Distribution.bin().toString(), "shell",
                "--port", Integer.toString(COMMAND_PORT), command);
        return new Vigil.Result(r.code(), r.out(), r.err());
    }

    /**
     * Runs a system command inside the host's own mount namespace (through its node's JVM): what it mounts there,
     * neither the test nor the other hosts see. Fails when the host has no running node.
     */
    public String inMountNamespace(String... cmd) {
        long pid = nodeJvm().orElseThrow(() -> new AssertionError("host " + name + " has no running node whose "
                + "mount namespace could run '" + String.join(" ", cmd) + "'; start the host first")).pid();
        // with a PID namespace, its /proc (which mount and umount read) shows only the host's own processes
        List<String> all = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-m"));
        if (pidNamespace) {
            all.add("-p");
        }
        all.add("--");
        all.addAll(List.of(cmd));
        return Command.run(all.toArray(String[]::new));
    }

    /** Asks the node's JVM for a thread dump (SIGQUIT), which it prints to the host's standard output file. */
    public void threadDump() {
        nodeJvm().ifPresent(j -> signal("QUIT", List.of(j.pid())));
    }

    /** The node's resident set size in kB (its JVM), or -1 when it is not running. */
    public long rssKb() {
        Optional<ProcessHandle> jvm = nodeJvm();
        if (jvm.isEmpty()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + jvm.get().pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    public String stderr() {
        try {
            return Files.readString(dir.resolve(name + ".err"));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** Kills everything of this host (node tree and forwarder); safe to call at any point. */
    synchronized void destroy() {
        if (process != null && process.isAlive()) {
            List<Long> tree = new ArrayList<>();
            tree.add(process.pid());
            process.toHandle().descendants().forEach(h -> tree.add(h.pid()));
            signal("KILL", tree);
            awaitExit(Duration.ofSeconds(10));
        }
        state = State.DOWN;
        if (forwarder != null && forwarder.isAlive()) {
            Command.quietly("kill", "-9", "--", "-" + forwarder.pid());
            forwarder.destroyForcibly();
            try {
                forwarder.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("host " + name + " did not end within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for host " + name + " to end", e);
        }
    }

    private void signal(String sig, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + sig));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        // a process of the tree may have ended meanwhile: that is not a failure of the signal
        Command.quietly(cmd.toArray(String[]::new));
    }

    /** Whether a process is stopped (T) or gone (nothing left to stop). */
    private static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char s = stat.charAt(stat.lastIndexOf(')') + 2);
            return s == 'T' || s == 't' || s == 'Z' || s == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(p)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot clear the run directory " + p + " of a powered-off host: " + e, e);
        }
    }

    @Override
    public String toString() {
        return name + "(" + state + (linkCut ? ", link cut" : "") + ")";
    }
}
