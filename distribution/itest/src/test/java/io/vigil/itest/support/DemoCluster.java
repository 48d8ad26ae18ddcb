package io.vigil.itest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A real local cluster started with {@code vigil demo --detach}: one node JVM per node on loopback, Dummy resource
 * state per node in {@code DIR/NAME/run}. {@link #close()} kills whatever is left, even after a failed test.
 */
public final class DemoCluster implements AutoCloseable {

    private final Path dir;
    private final int nodes;

    private DemoCluster(Path dir, int nodes) {
        this.dir = dir;
        this.nodes = nodes;
    }

    public static DemoCluster start(Path dir, int nodes) {
        DemoCluster c = new DemoCluster(dir, nodes);
        Vigil.Result r = Vigil.run("demo", "--detach", "--dir", dir.toString(), "--nodes", Integer.toString(nodes));
        if (r.exitCode() != 0) {
            c.close();
            throw new AssertionError("vigil demo failed (" + r.exitCode() + "): " + r.err() + r.out());
        }
        return c;
    }

    public Path dir() {
        return dir;
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            n.add("n" + i);
        }
        return n;
    }

    public long pid(String node) {
        try {
            return Long.parseLong(Files.readString(dir.resolve(node + ".pid")).strip());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Whether a node's process is alive. A zombie is dead: the nodes of a detached demo are orphans, which this
     * machine's init reaps late (TESTBED hazard 3), so their /proc entry outlives them for a while.
     */
    public boolean alive(String node) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid(node) + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    public Vigil.Result shell(String node, String command) {
        return Vigil.run("shell", "--dir", dir.toString(), "--node", node, command);
    }

    /** Runs a command that must succeed. */
    public String ok(String node, String command) {
        Vigil.Result r = shell(node, command);
        if (r.exitCode() != 0) {
            throw new AssertionError("'" + command + "' on " + node + " failed: " + r.err());
        }
        return r.out();
    }

    /** The status JSON of a node, or null when it does not answer. */
    public JsonObject status(String node) {
        Vigil.Result r = shell(node, "status --output-as json");
        return r.exitCode() == 0 ? JsonParser.parseString(r.out()).getAsJsonObject() : null;
    }

    /** Where the cluster (as {@code node} sees it) runs a resource. */
    public List<String> where(String node, String resource) {
        JsonObject s = status(node);
        List<String> out = new ArrayList<>();
        if (s == null || !s.getAsJsonObject("resources").has(resource)) {
            return out;
        }
        for (JsonElement e : s.getAsJsonObject("resources").getAsJsonArray(resource)) {
            out.add(e.getAsJsonObject().get("node").getAsString());
        }
        return out;
    }

    /**
     * Where the Dummy resource really is active: the nodes whose own state file exists, among the nodes given as
     * live (a killed node's file proves nothing: its process is gone).
     */
    public List<String> dummyActiveOn(String resource, List<String> liveNodes) {
        List<String> out = new ArrayList<>();
        for (String n : liveNodes) {
            if (Files.exists(dir.resolve(n).resolve("run").resolve("Dummy-" + resource + ".state"))) {
                out.add(n);
            }
        }
        return out;
    }

    /** Asserts that an exclusive Dummy resource is active on at most one of the live nodes. */
    public void assertExclusive(String resource, List<String> liveNodes) {
        List<String> on = dummyActiveOn(resource, liveNodes);
        if (on.size() > 1) {
            throw new AssertionError("exclusive resource " + resource + " is active on " + on);
        }
    }

    public List<String> liveNodes() {
        return names().stream().filter(this::alive).toList();
    }

    /** Waits until the resource is active (by its state file) on exactly one live node other than those given. */
    public String awaitActiveElsewhere(String resource, List<String> not, Duration timeout) {
        String[] found = new String[1];
        Deadline.await("resource " + resource + " to run on a node other than " + not, timeout, 10, () -> {
            List<String> on = dummyActiveOn(resource, liveNodes());
            assertExclusive(resource, liveNodes());
            on.removeAll(not);
            if (on.size() == 1) {
                found[0] = on.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** Starts a node of the cluster again (after it was killed or fenced), as the demo started it. */
    public void restart(String node) {
        try {
            Process p = new ProcessBuilder(Vigil.bin().toString(), "node", "--config",
                    dir.resolve(node + ".json").toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(node + ".out").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(node + ".err").toFile())).start();
            Files.writeString(dir.resolve(node + ".pid"), p.pid() + "\n");
        } catch (IOException e) {
            throw new AssertionError("cannot restart " + node + ": " + e, e);
        }
    }

    /** Resident set size of a node's process in kB, from /proc. */
    public long rssKb(String node) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid(node) + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    public void signal(String node, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid(node))).start();
            p.waitFor();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Transient node attributes and node states as a node sees them (for diagnostics). */
    public Map<String, String> nodeStates(String node) {
        Map<String, String> m = new TreeMap<>();
        JsonObject s = status(node);
        if (s != null) {
            s.getAsJsonObject("nodes").entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
        }
        return m;
    }

    @Override
    public void close() {
        for (String n : names()) {
            if (Files.exists(dir.resolve(n + ".pid"))) {
                ProcessHandle.of(pid(n)).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
            }
        }
        for (String n : names()) {
            if (Files.exists(dir.resolve(n + ".pid"))) {
                ProcessHandle.of(pid(n)).ifPresent(h -> h.onExit().join());
            }
        }
    }
}
