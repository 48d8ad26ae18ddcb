package io.vigil.itest.failover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.DemoCluster;

import org.junit.jupiter.api.Test;

/**
 * The failover benchmark (prints figures, asserts nothing about time). Not part of the test run; run it with
 * {@code mvn -B -f distribution/itest/pom.xml test -Dtest=FailoverBenchmark [-Dbench.runs=20]} after building the
 * distribution. Each scenario uses a real 3-node demo cluster on loopback; times are from the fault to the
 * resource's state file appearing on another node (the resource really running).
 */
class FailoverBenchmark {

    private final int runs = Integer.getInteger("bench.runs", 20);
    private final Map<String, List<Long>> figures = new LinkedHashMap<>();

    private void record(String what, long ms) {
        figures.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
    }

    private static long since(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void failover() throws Exception {
        Path base = Files.createTempDirectory("vigil-bench");
        try {
            crashes(base.resolve("crash"), false);
            crashes(base.resolve("crash-fenced"), true);
            freezes(base.resolve("freeze"));
            monitorsAndStandby(base.resolve("ops"));
        } finally {
            print();
        }
    }

    private DemoCluster cold(Path dir) {
        long t0 = System.nanoTime();
        DemoCluster c = DemoCluster.start(dir, 3);
        record("cold start of 3 nodes -> resource running (ms)", since(t0));
        return c;
    }

    private String active(DemoCluster c, String rsc) {
        String[] node = new String[1];
        Deadline.await(rsc + " active", Duration.ofSeconds(60), 5, () -> {
            List<String> on = c.dummyActiveOn(rsc, c.liveNodes());
            node[0] = on.size() == 1 ? on.get(0) : null;
            return node[0] != null;
        });
        return node[0];
    }

    private void crashes(Path dir, boolean fencing) {
        try (DemoCluster c = cold(dir)) {
            if (fencing) {
                c.ok("n1", "pcs stonith create fence1 fence_vigil_process pid_dir=" + dir + " pcmk_host_list=n1,n2,n3");
                c.ok("n1", "pcs property set stonith-enabled=true");
            }
            for (int i = 0; i < runs; i++) {
                String a = active(c, "dummy");
                long t0 = System.nanoTime();
                c.signal(a, "KILL");
                c.awaitActiveElsewhere("dummy", List.of(a), Duration.ofSeconds(60));
                record("crash (kill -9) -> running elsewhere, fencing " + (fencing ? "on" : "off") + " (ms)",
                        since(t0));
                long t1 = System.nanoTime();
                c.restart(a);
                String observer = c.liveNodes().stream().filter(n -> !n.equals(a)).findFirst().orElseThrow();
                Deadline.await(a + " online again", Duration.ofSeconds(60), 20,
                        () -> "online".equals(c.nodeStates(observer).get(a)));
                record("node restart -> online (ms)", since(t1));
            }
            for (String n : c.names()) {
                record("node RSS at idle (MB)", c.rssKb(n) / 1024);
            }
        }
    }

    private void freezes(Path dir) throws InterruptedException {
        try (DemoCluster c = cold(dir)) {
            for (int i = 0; i < Math.max(1, runs / 2); i++) {
                String a = active(c, "dummy");
                List<String> others = c.names().stream().filter(n -> !n.equals(a)).toList();
                long t0 = System.nanoTime();
                c.signal(a, "STOP");
                Deadline.await("recovery while " + a + " is frozen", Duration.ofSeconds(60), 5,
                        () -> c.dummyActiveOn("dummy", others).size() == 1);
                record("hang (SIGSTOP) -> running elsewhere (ms)", since(t0));
                long thaw = System.nanoTime();
                c.signal(a, "CONT");
                Path stale = dir.resolve(a).resolve("run").resolve("Dummy-dummy.state");
                Deadline.await("stale copy gone", Duration.ofSeconds(30), 1, () -> !Files.exists(stale));
                record("after thaw: two copies for (ms)", since(thaw));
                Deadline.await("cluster settled", Duration.ofSeconds(60), 50,
                        () -> others.stream().allMatch(o -> "online".equals(c.nodeStates(o).get(a))));
            }
        }
    }

    private void monitorsAndStandby(Path dir) {
        try (DemoCluster c = cold(dir)) {
            c.ok("n1", "pcs resource create fast ocf:pacemaker:Dummy op monitor interval=1s");
            for (int i = 0; i < runs; i++) {
                String a = active(c, "fast");
                Path state = dir.resolve(a).resolve("run").resolve("Dummy-fast.state");
                long t0 = System.nanoTime();
                try {
                    Files.deleteIfExists(state);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                Deadline.await("fast restarted", Duration.ofSeconds(60), 5,
                        () -> c.dummyActiveOn("fast", c.liveNodes()).size() == 1);
                record("failed 1 s monitor -> restarted (ms)", since(t0));
                c.ok(a, "pcs resource cleanup fast");
            }
            for (int i = 0; i < runs; i++) {
                String a = active(c, "dummy");
                long t0 = System.nanoTime();
                c.ok(a, "pcs node standby " + a);
                c.awaitActiveElsewhere("dummy", List.of(a), Duration.ofSeconds(60));
                record("standby -> moved (ms, incl. the shell command)", since(t0));
                c.ok(a, "pcs node unstandby " + a);
            }
        }
    }

    private void print() {
        System.out.println("\nVigil failover benchmark (3 nodes on loopback, " + runs + " runs)");
        System.out.printf("%-60s %6s %8s %6s %4s%n", "figure", "min", "median", "max", "n");
        figures.forEach((what, values) -> {
            List<Long> v = new ArrayList<>(values);
            Collections.sort(v);
            System.out.printf("%-60s %6d %8d %6d %4d%n", what, v.get(0), v.get(v.size() / 2), v.get(v.size() - 1),
                    v.size());
        });
    }
}
