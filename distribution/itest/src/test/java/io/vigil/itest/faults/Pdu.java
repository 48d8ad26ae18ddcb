package io.vigil.itest.faults;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.vigil.itest.hosts.TestHost;

/**
 * The test hosts' power switch. A real PDU cannot exist here, and {@code fence_vigil_process} cannot reach a host
 * in another PID namespace, so the cluster fences through {@code stonith:fence_harness}: a real RHCS-style fence
 * program (driven by Vigil's {@code fence_external}) that hands its request to this switch through files in
 * {@link #dir()} and waits for the answer. The switch powers the host off (its whole PID namespace dies, its
 * volatile run directory is lost) before it answers, exactly what a PDU guarantees.
 */
final class Pdu implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final Map<String, TestHost> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger fenced = new AtomicInteger();
    private final ScheduledExecutorService poller;
    private final Consumer<TestHost> poweredOff;
    private volatile boolean failing;

    Pdu(Path base, Consumer<TestHost> poweredOff) throws IOException {
        this.dir = Files.createDirectories(base.resolve("pdu"));
        this.bin = Files.createDirectories(base.resolve("fence-agents"));
        this.poweredOff = poweredOff;
        Path script = bin.resolve("fence_harness");
        try (var in = Pdu.class.getResourceAsStream("/fence_harness")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdu");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::serve, 10, 10, TimeUnit.MILLISECONDS);
    }

    /** Wires the switch to the hosts it powers. */
    void attach(List<TestHost> powered) {
        powered.forEach(h -> hosts.put(h.name(), h));
    }

    /** Where requests and answers are exchanged ({@code pdu_dir} of the fence device). */
    Path dir() {
        return dir;
    }

    /** The directory holding {@code fence_harness} (the nodes' {@code fenceAgentDirectory}). */
    Path agentDirectory() {
        return bin;
    }

    /** While set, every off/reboot request fails, as a broken fence device would. */
    void failing(boolean on) {
        failing = on;
    }

    /** How many power-offs the cluster asked for and got. */
    int fenced() {
        return fenced.get();
    }

    private void serve() {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "req-*")) {
            for (Path req : s) {
                String id = req.getFileName().toString().substring(4);
                String[] words = Files.readString(req).strip().split("\\s+");
                Files.delete(req);
                String answer = answer(words[0], words.length > 1 ? words[1] : "");
                Path tmp = dir.resolve("tmp-" + id);
                Files.writeString(tmp, answer + "\n");
                Files.move(tmp, dir.resolve("ack-" + id), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            // a half-written request is read on the next round; anything else shows up as a fencing timeout
        }
    }

    private String answer(String action, String target) {
        TestHost h = hosts.get(target);
        if (h == null) {
            return "fail: no host named '" + target + "' on this switch";
        }
        switch (action) {
            case "off", "reboot" -> {
                if (failing) {
                    return "fail: the switch does not answer";
                }
                h.powerOff();
                clearRunDirectory(h);
                fenced.incrementAndGet();
                poweredOff.accept(h);
                return "ok";
            }
            case "status" -> {
                return h.state() == TestHost.State.DOWN ? "off" : "on";
            }
            default -> {
                return "fail: unknown action '" + action + "'";
            }
        }
    }

    /** What a host kept in volatile storage is gone once its power is cut (also when its node had crashed). */
    static void clearRunDirectory(TestHost h) {
        if (!Files.isDirectory(h.runDir())) {
            return;
        }
        try (Stream<Path> s = Files.walk(h.runDir())) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(h.runDir())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot clear the run directory of powered-off host " + h.name() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
