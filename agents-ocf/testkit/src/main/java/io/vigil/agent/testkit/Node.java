package io.vigil.agent.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * One test node: a network namespace plus a PID-1 process (a small Python reaper) in fresh mount, UTS and PID
 * namespaces. Commands and agent hosts enter all four with {@code nsenter}; killing PID 1 kills every process of
 * the node and drops its mounts. The reaper reaps orphans at once, unless {@link #setReaping(boolean) reaping is
 * paused}, which makes a killed daemon linger as a zombie exactly as on a slow init (TESTBED.md hazard 3).
 */
public final class Node {

    private static final String REAPER = String.join("\n",
            "import os, sys, time",
            "flag = sys.argv[1]",
            "while True:",
            "    if not os.path.exists(flag):",
            "        try:",
            "            while os.waitpid(-1, os.WNOHANG)[0] > 0: pass",
            "        except ChildProcessError: pass",
            "    time.sleep(0.05)");

    private final Lab lab;
    private final String name;
    private final String netns;
    private final Path dir;
    private final String v4;
    private final String v6;
    private final Process holder;
    private final long pid1;

    private Node(Lab lab, String name, String netns, Path dir, String v4, String v6, Process holder, long pid1) {
        this.lab = lab;
        this.name = name;
        this.netns = netns;
        this.dir = dir;
        this.v4 = v4;
        this.v6 = v6;
        this.holder = holder;
        this.pid1 = pid1;
    }

    static Node start(Lab lab, String name, String netns, Path dir, String v4, String v6) {
        try {
            Files.createDirectories(dir.resolve("run"));
            Path noReap = dir.resolve("no-reap");
            Process holder = new ProcessBuilder("ip", "netns", "exec", netns, "unshare", "--mount", "--uts", "--pid",
                    "--fork", "--mount-proc", "--propagation", "private", "python3", "-c", REAPER,
                    noReap.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Optional<ProcessHandle> child = Optional.empty();
            while (child.isEmpty()) {
                if (!holder.isAlive() || System.nanoTime() > deadline) {
                    holder.destroyForcibly();
                    throw new IllegalStateException("node " + name + " did not start");
                }
                child = holder.toHandle().children().findFirst();
                if (child.isEmpty()) {
                    Thread.sleep(10);
                }
            }
            Node node = new Node(lab, name, netns, dir, v4, v6, holder, child.get().pid());
            node.ok("hostname", name);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The node's name; also its host name inside its UTS namespace. */
    public String name() {
        return name;
    }

    /** The network namespace's name, for {@code ip -n}. */
    public String netns() {
        return netns;
    }

    /** The node's own IPv4 address on {@code eth0} (networked labs only). */
    public String v4() {
        return v4;
    }

    /** The node's own IPv6 address on {@code eth0} (networked labs only). */
    public String v6() {
        return v6;
    }

    /** The node's directory under the lab's directory. */
    public Path dir() {
        return dir;
    }

    /** The node's private run directory ({@code HA_RSCTMP}). */
    public Path runDirectory() {
        return dir.resolve("run");
    }

    /** PID 1 of the node, as the root namespace sees it. */
    public long pid1() {
        return pid1;
    }

    /** The lab the node belongs to. */
    public Lab lab() {
        return lab;
    }

    /** The command prefix that enters this node's namespaces. */
    public List<String> enter() {
        return List.of("nsenter", "-t", Long.toString(pid1), "-n", "-m", "-u", "-p", "--");
    }

    /** Runs a command inside the node. */
    public Outcome exec(String... cmd) {
        return exec(List.of(cmd), Map.of(), Cmd.TIMEOUT);
    }

    /** Runs a command inside the node with extra environment and a timeout. */
    public Outcome exec(List<String> cmd, Map<String, String> env, Duration timeout) {
        List<String> full = new ArrayList<>(enter());
        full.addAll(cmd);
        return Cmd.run(full, env, timeout);
    }

    /** Runs a command inside the node that must succeed; returns its standard output. */
    public String ok(String... cmd) {
        Outcome o = exec(cmd);
        if (!o.completed() || o.exitCode() != 0) {
            throw new IllegalStateException("on " + name + ": " + List.of(cmd) + " failed (rc " + o.exitCode()
                    + "): " + o.output());
        }
        return o.stdout();
    }

    /** Whether the node's PID 1 reaps orphans; paused, killed orphans stay zombies. */
    public void setReaping(boolean reaping) {
        try {
            Path flag = dir.resolve("no-reap");
            if (reaping) {
                Files.deleteIfExists(flag);
            } else {
                Files.writeString(flag, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a JVM inside the node that hosts an agent (see {@link AgentHost}). */
    public AgentHandle agent(String agentClass, String... factoryArgs) {
        return AgentHandle.start(this, Map.of(), agentClass, List.of(factoryArgs));
    }

    /** As {@link #agent(String, String...)}, with extra environment for the host JVM (e.g. a stand-in on PATH). */
    public AgentHandle agent(Map<String, String> env, String agentClass, String... factoryArgs) {
        return AgentHandle.start(this, env, agentClass, List.of(factoryArgs));
    }

    /** The PIDs (root-namespace numbering) of processes inside this node whose command name is {@code comm}. */
    public List<Long> pidsOf(String comm) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(ph -> {
            if (isDescendant(ph) && comm(ph.pid()).equals(comm)) {
                pids.add(ph.pid());
            }
        });
        return pids;
    }

    private boolean isDescendant(ProcessHandle ph) {
        Optional<ProcessHandle> p = ph.parent();
        int depth = 0;
        while (p.isPresent() && depth++ < 64) {
            if (p.get().pid() == pid1) {
                return true;
            }
            p = p.get().parent();
        }
        return false;
    }

    /** A process's command name from {@code /proc/<pid>/comm}, empty when it is gone. */
    public static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** A process's state letter from {@code /proc/<pid>/stat} ('Z' zombie), or '-' when it is gone. */
    public static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return stat.charAt(close + 2);
        } catch (IOException | RuntimeException e) {
            return '-';
        }
    }

    /** Kills the node: SIGKILL to its PID 1 takes every process of its PID namespace with it. */
    void kill() {
        ProcessHandle.of(pid1).ifPresent(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
        try {
            holder.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
