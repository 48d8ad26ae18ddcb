package io.vigil.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code vigil demo}: a local cluster of N nodes on this machine — one JVM and state directory per node, loopback
 * addresses, a generated key — with a Dummy resource, in the foreground until Ctrl-C (or, with {@code --detach},
 * left running with {@code DIR/NAME.pid} and {@code DIR/NAME.port} for every node; {@code --stop} ends it).
 */
final class Demo {

    private static final long START_TIMEOUT_MS = 90_000;

    private final Path home;
    private final Path dir;
    private final PrintStream out;
    private final PrintStream err;

    Demo(Path home, Path dir, PrintStream out, PrintStream err) {
        this.home = home;
        this.dir = dir.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    int start(int nodes, boolean detach) throws UsageException {
        if (nodes < 1 || nodes > 16) {
            throw new UsageException("--nodes must be between 1 and 16");
        }
        if (!runningPids().isEmpty()) {
            throw new UsageException("a demo cluster is already running in " + dir + " (stop it with 'vigil demo "
                    + "--stop --dir " + dir + "')");
        }
        List<Process> processes = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("authkey");
            if (!Files.exists(key)) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                if (io.vigil.messaging.tool.KeyGen.run(new String[] {key.toString()}, new PrintStream(sink),
                        new PrintStream(sink)) != 0) {
                    throw new UsageException("cannot write the cluster key " + key + ": " + sink);
                }
            }
            int clusterBase = freeRange(17800, nodes);
            List<Integer> commandPorts = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                int commandPort = freePort();
                commandPorts.add(commandPort);
                Files.writeString(dir.resolve("n" + i + ".json"), config(i, nodes, clusterBase, commandPort, key));
            }
            for (int i = 1; i <= nodes; i++) {
                String name = "n" + i;
                Process p = new ProcessBuilder(home.resolve("bin/vigil").toString(), "node", "--config",
                        dir.resolve(name + ".json").toString())
                        .redirectOutput(dir.resolve(name + ".out").toFile())
                        .redirectError(dir.resolve(name + ".err").toFile()).start();
                processes.add(p);
                Files.writeString(dir.resolve(name + ".pid"), p.pid() + "\n");
                Files.writeString(dir.resolve(name + ".port"), commandPorts.get(i - 1) + "\n");
            }
            out.println("starting " + nodes + " nodes in " + dir + " ...");
            int port = commandPorts.get(0);
            awaitOnline(port, nodes, processes);
            configure(port);
            awaitRunning(port);
            out.println(shell(port, "status").orElse(""));
            if (detach) {
                out.println("\nthe cluster keeps running; reach a node with 'vigil shell --dir " + dir
                        + " [--node nN] COMMAND', stop it with 'vigil demo --stop --dir " + dir + "'");
                return 0;
            }
            out.println("\nCtrl-C stops the cluster");
            Thread hook = new Thread(() -> stopAll(processes));
            Runtime.getRuntime().addShutdownHook(hook);
            for (Process p : processes) {
                p.waitFor();
            }
            return 0;
        } catch (IOException e) {
            stopAll(processes);
            throw new UsageException("cannot start the demo cluster in " + dir + ": " + e.getMessage(), 1);
        } catch (UsageException e) {
            stopAll(processes);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(processes);
            return 1;
        }
    }

    private String config(int i, int nodes, int clusterBase, int commandPort, Path key) {
        JsonObject c = new JsonObject();
        c.addProperty("name", "n" + i);
        c.addProperty("stateDir", dir.resolve("n" + i).toString());
        c.addProperty("commandPort", commandPort);
        JsonObject cluster = new JsonObject();
        cluster.addProperty("name", "demo");
        cluster.addProperty("bindAddress", "127.0.0.1");
        cluster.addProperty("port", clusterBase + i - 1);
        JsonArray peers = new JsonArray();
        for (int j = 1; j <= nodes; j++) {
            JsonObject peer = new JsonObject();
            peer.addProperty("name", "n" + j);
            peer.addProperty("address", "127.0.0.1");
            peer.addProperty("port", clusterBase + j - 1);
            peer.addProperty("nodeId", j);
            peers.add(peer);
        }
        cluster.add("peers", peers);
        cluster.addProperty("keyFile", key.toString());
        c.add("cluster", cluster);
        return c.toString() + "\n";
    }

    private void awaitOnline(int port, int nodes, List<Process> processes) throws UsageException,
            InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < end) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new UsageException("node n" + (i + 1) + " exited with " + processes.get(i).exitValue()
                            + "; see " + dir.resolve("n" + (i + 1) + ".err"), 1);
                }
            }
            Optional<String> json = shell(port, "status --output-as json");
            if (json.isPresent()) {
                JsonObject s = JsonParser.parseString(json.get()).getAsJsonObject();
                long online = s.getAsJsonObject("nodes").entrySet().stream()
                        .filter(e -> e.getValue().getAsString().equals("online")).count();
                if (online == nodes) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new UsageException("the demo cluster did not form within " + START_TIMEOUT_MS / 1000 + " s; see the "
                + "node logs in " + dir, 1);
    }

    private void configure(int port) throws UsageException {
        Optional<String> json = shell(port, "status --output-as json");
        boolean hasResources = json.map(j -> JsonParser.parseString(j).getAsJsonObject()
                .getAsJsonObject("resources").size() > 0).orElse(false);
        if (hasResources) {
            return;
        }
        for (String cmd : List.of("pcs property set stonith-enabled=false",
                "pcs resource create dummy ocf:pacemaker:Dummy op monitor interval=2s")) {
            if (shell(port, cmd).isEmpty()) {
                throw new UsageException("configuring the demo failed at '" + cmd + "'", 1);
            }
        }
    }

    private void awaitRunning(int port) throws UsageException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < end) {
            Optional<String> json = shell(port, "status --output-as json");
            if (json.isPresent() && JsonParser.parseString(json.get()).getAsJsonObject().getAsJsonObject("resources")
                    .entrySet().stream().allMatch(e -> e.getValue().getAsJsonArray().size() > 0)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new UsageException("the demo resource did not start within " + START_TIMEOUT_MS / 1000 + " s", 1);
    }

    /** Runs one command on a node; empty if it failed. */
    private static Optional<String> shell(int port, String command) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            int rc = new ShellClient(port, new PrintStream(o, true, StandardCharsets.UTF_8),
                    new PrintStream(e, true, StandardCharsets.UTF_8)).run(command, null);
            return rc == 0 ? Optional.of(o.toString(StandardCharsets.UTF_8)) : Optional.empty();
        } catch (UsageException ex) {
            return Optional.empty();
        }
    }

    /** {@code --stop}: SIGTERM to every node of the demo, waiting for each to exit. */
    int stop() throws UsageException {
        List<Long> pids = runningPids();
        if (pids.isEmpty()) {
            out.println("no demo cluster is running in " + dir);
            return 0;
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (long pid : pids) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            while (h.isPresent() && h.get().isAlive() && System.nanoTime() < end) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
            h.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
        out.println("stopped " + pids.size() + " node(s) of the demo cluster in " + dir);
        return 0;
    }

    /** The pids in DIR/*.pid that belong to live vigil node processes. */
    private List<Long> runningPids() throws UsageException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                long pid = Long.parseLong(Files.readString(f).strip());
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().commandLine()
                        .map(c -> c.contains("io.vigil.launcher.Main")).orElse(true)).ifPresent(h -> pids.add(pid));
            }
        } catch (IOException | NumberFormatException e) {
            throw new UsageException("cannot read the demo's pid files in " + dir + ": " + e.getMessage());
        }
        return pids;
    }

    /** The command port of a demo node ({@code --node}, default the first one). */
    static int port(Path dir, String node) throws UsageException {
        Path f = dir.resolve((node == null ? "n1" : node) + ".port");
        try {
            return Integer.parseInt(Files.readString(f).strip());
        } catch (IOException | NumberFormatException e) {
            throw new UsageException("no demo node " + (node == null ? "n1" : node) + " in " + dir + " (" + f
                    + " is missing)");
        }
    }

    private static void stopAll(List<Process> processes) {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    /** A free port below the ephemeral range, so the nodes' own outgoing connections cannot take it first. */
    private static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20000 + r.nextInt(12000);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IOException("no free TCP port between 20000 and 32000 on 127.0.0.1");
    }

    /** A base port such that base..base+n-1 and their failure-detection ports (+100) are free. */
    private static int freeRange(int start, int n) throws UsageException {
        for (int base = start; base < 60000; base += 1000) {
            boolean free = true;
            for (int i = 0; i < n && free; i++) {
                free = isFree(base + i) && isFree(base + i + 100);
            }
            if (free) {
                return base;
            }
        }
        throw new UsageException("no free range of " + n + " TCP ports on 127.0.0.1 for the demo cluster");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
