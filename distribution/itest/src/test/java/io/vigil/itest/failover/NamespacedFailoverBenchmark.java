package io.vigil.itest.failover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.vigil.itest.hosts.ExclusivityChecker;
import io.vigil.itest.hosts.HostCluster;
import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Deadline;

import org.junit.jupiter.api.Test;

/**
 * The failover benchmark of issue 6 (must-show 4) on namespaced test hosts: prints min/median/max over
 * {@code -Dbench.runs} runs (default 20) and asserts nothing about time. Not part of the test run; see
 * {@code distribution/itest/BENCHMARKS.md}. Needs root. Every time is measured from the fault (the clock read just
 * before the signal, link change or command) to the resource's Dummy state file appearing on the host that took it
 * over (the resource really running), as seen by a sampler reading every host's own state every 10 ms.
 *
 * <p>A run that does not reach its goal within {@link #STEP} is counted as failed (the table shows the count), the
 * cluster is brought back (links healed, hosts thawed and restarted) and the benchmark goes on.
 */
class NamespacedFailoverBenchmark {

    private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("bench.stepSeconds", 30));
    private static final String RSC = "dummy";

    private static final String COLD = "cold start of 3 nodes -> resource running";
    private static final String CUT = "silent link cut of the active host -> running elsewhere";
    private static final String HANG = "hung host (SIGSTOP of its tree) -> running elsewhere";
    /** The monitor interval of the resource, {@code -Dbench.monitorSeconds} (default 1, as Pacemaker's figure). */
    private static final int MONITOR_S = Integer.getInteger("bench.monitorSeconds", 1);
    private static final String MONITOR = "failed " + MONITOR_S + " s monitor -> restarted";
    private static final String STANDBY = "standby -> moved (incl. the shell command)";

    private static String crashFigure(String fencing) {
        return "crash (power-off of the active host) -> running elsewhere, fencing " + fencing;
    }

    private final int runs = Integer.getInteger("bench.runs", 20);
    private final Map<String, List<Long>> figures = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    private void record(String what, long ms) {
        figures.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
    }

    private void failed(String what, Throwable e) {
        figures.computeIfAbsent(what, k -> new ArrayList<>());
        failures.merge(what, 1, Integer::sum);
        System.out.println("run failed: " + what + ": " + e.getMessage());
    }

    private static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    @Test
    void failover() throws Exception {
        Path base = Files.createTempDirectory("vigil-nsbench");
        System.out.println("namespaced failover benchmark: " + runs + " runs, work dir " + base);
        try {
            fencingOff(base.resolve("off"));
            fencingOn(base.resolve("on"));
        } finally {
            print();
        }
    }

    private static void configure(HostCluster c, boolean fencing, Path pidDir) {
        TestHost h = c.hosts().get(0);
        if (fencing) {
            h.ok("pcs stonith create fence1 fence_vigil_process pid_dir=" + pidDir + " pcmk_host_list=n1,n2,n3");
            h.ok("pcs property set stonith-enabled=true");
        } else {
            h.ok("pcs property set stonith-enabled=false");
        }
        // one resource (as Pacemaker's figures were measured), with the monitor of the failed-monitor figure
        h.ok("pcs resource create " + RSC + " ocf:pacemaker:Dummy op monitor interval=" + MONITOR_S + "s");
    }

    /** Every fault kind with fencing disabled, hosts with their own PID namespaces. */
    private void fencingOff(Path dir) {
        try (HostCluster c = HostCluster.builder(dir).nodes(3).start();
                ExclusivityChecker checker = ExclusivityChecker.start(c.hosts(), RSC, 10)) {
            configure(c, false, dir);
            c.awaitActive(RSC, Duration.ofSeconds(120));
            for (int i = 0; i < runs; i++) {
                System.out.println("-- run " + (i + 1) + " of " + runs + " (fencing off)");
                step(c, COLD, () -> coldStart(c, checker));
                step(c, crashFigure("off"), () -> crash(c, checker, "off"));
                step(c, CUT, () -> cut(c, checker));
                step(c, HANG, () -> freeze(c, checker));
                step(c, MONITOR, () -> failedMonitor(c));
                step(c, STANDBY, () -> standby(c));
                for (TestHost h : c.hosts()) {
                    long kb = h.rssKb();
                    if (kb > 0) {
                        record("RSS per node at idle (MB, not ms)", kb / 1024);
                    }
                }
            }
        }
    }

    /** Crash with fencing on (fence_vigil_process): hosts share the PID namespace so the fencer can see them. */
    private void fencingOn(Path dir) {
        try (HostCluster c = HostCluster.builder(dir).nodes(3).pidNamespaces(false).start();
                ExclusivityChecker checker = ExclusivityChecker.start(c.hosts(), RSC, 10)) {
            configure(c, true, dir);
            c.awaitActive(RSC, Duration.ofSeconds(120));
            for (int i = 0; i < runs; i++) {
                System.out.println("-- run " + (i + 1) + " of " + runs + " (fencing on)");
                step(c, crashFigure("on"), () -> crash(c, checker, "on"));
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(HostCluster c, String what, Step s) {
        try {
            s.run();
        } catch (Exception | AssertionError e) {
            failed(what, e);
            recover(c);
        }
    }

    /** Brings the cluster back after a failed run: links healed, hosts thawed and started, all online. */
    private void recover(HostCluster c) {
        for (TestHost h : c.hosts()) {
            if (h.linkCut()) {
                h.healLink();
            }
            if (h.state() == TestHost.State.FROZEN) {
                h.thaw();
            }
            if (h.state() == TestHost.State.DOWN) {
                h.start();
            }
        }
        try {
            c.awaitAllOnline(Duration.ofSeconds(60));
            c.awaitActive(RSC, Duration.ofSeconds(60));
        } catch (AssertionError stuck) {
            // the cluster did not come back by itself: count it, power every host off and on, and go on measuring
            failed("  cluster restarted after a run it did not recover from (count, not ms)", stuck);
            for (TestHost h : c.hosts()) {
                if (h.state() != TestHost.State.DOWN) {
                    h.powerOff();
                }
            }
            c.hosts().forEach(TestHost::start);
            c.awaitAllOnline(Duration.ofSeconds(120));
            c.awaitActive(RSC, Duration.ofSeconds(120));
        }
    }

    private void coldStart(HostCluster c, ExclusivityChecker checker) {
        for (TestHost h : c.hosts()) {
            h.stop(Duration.ofSeconds(30));
        }
        List<String> left = c.hosts().stream().filter(h -> h.dummyActive(RSC)).map(TestHost::name).toList();
        if (!left.isEmpty()) {
            // a graceful stop of the whole cluster should stop every resource: say so, do not hide it
            System.out.println("after a graceful stop of every node, " + RSC + "'s state file is still on " + left);
            record("  graceful stop of all nodes left a state file (count, not ms)", 1);
        }
        long t0 = System.nanoTime();
        c.hosts().forEach(TestHost::start);
        TestHost first = c.hosts().get(0);
        String[] on = new String[1];
        // the cluster says it runs the resource, and that host's own state file says so too
        Deadline.await(RSC + " running after a cold start", STEP, 20, () -> {
            List<String> where = c.where(first, RSC);
            on[0] = where.size() == 1 ? where.get(0) : null;
            return on[0] != null && c.host(on[0]).dummyActive(RSC);
        });
        record(COLD, ms(t0, System.nanoTime()));
        c.awaitAllOnline(Duration.ofSeconds(120));
    }

    /** When the sampler first saw the state file on {@code host} at or after {@code since} (now if it has not yet). */
    private static long appeared(ExclusivityChecker checker, TestHost host, long since) {
        Deadline.await("the sampler to see " + RSC + " on " + host.name(), Duration.ofSeconds(5), 5,
                () -> checker.transitions(host).stream().anyMatch(t -> t.present() && t.nanos() >= since)
                        || checker.transitions(host).stream().reduce((a, b) -> b).map(t -> t.present()).orElse(false));
        return checker.transitions(host).stream().filter(t -> t.present() && t.nanos() >= since)
                .mapToLong(ExclusivityChecker.Transition::nanos).findFirst().orElse(since);
    }

    private void crash(HostCluster c, ExclusivityChecker checker, String fencing) {
        TestHost a = c.awaitActive(RSC, STEP);
        long t0 = System.nanoTime();
        a.powerOff();
        TestHost b = c.awaitActiveAmong(RSC, c.others(a), STEP);
        record(crashFigure(fencing), ms(t0,
                appeared(checker, b, t0)));
        long t1 = System.nanoTime();
        a.start();
        TestHost observer = c.observer(a);
        Deadline.await(a.name() + " online again", STEP, 20, () -> "online".equals(c.nodeStates(observer)
                .get(a.name())));
        record("node restart -> online", ms(t1, System.nanoTime()));
        c.awaitAllOnline(Duration.ofSeconds(120));
    }

    private void cut(HostCluster c, ExclusivityChecker checker) {
        TestHost a = c.awaitActive(RSC, STEP);
        boolean wasDc = a.name().equals(dcAsSeenBy(c, c.observer(a)));
        long t0 = System.nanoTime();
        a.cutLink();
        try {
            TestHost b = c.awaitActiveAmong(RSC, c.others(a), STEP);
            long took = ms(t0, appeared(checker, b, t0));
            record(CUT, took);
            // a lost member's lease is bounded by its last answer; a lost DC's by the new DC's authority, which
            // begins only once the others excluded it: the two take different times
            record(wasDc ? "  of which: the active host was the DC" : "  of which: the active host was not the DC",
                    took);
        } finally {
            record("  silent link cut: two copies at once (must be 0)", checker.doubleActiveMillisSince(t0));
            a.healLink();
        }
        c.awaitAllOnline(Duration.ofSeconds(120));
        c.awaitActive(RSC, STEP);
    }

    private static String dcAsSeenBy(HostCluster c, TestHost h) {
        com.google.gson.JsonObject s = c.status(h);
        return s == null || !s.has("dc") || s.get("dc").isJsonNull() ? "" : s.get("dc").getAsString();
    }

    private void freeze(HostCluster c, ExclusivityChecker checker) {
        TestHost a = c.awaitActive(RSC, STEP);
        long t0 = a.freeze();
        long thaw;
        try {
            TestHost b = c.awaitActiveAmong(RSC, c.others(a), STEP);
            record(HANG, ms(t0, appeared(checker, b, t0)));
        } finally {
            thaw = a.thaw();
        }
        long thawAt = thaw;
        Deadline.await("the stale copy on the thawed " + a.name() + " to go", STEP, 5,
                () -> checker.firstAbsentSince(a, thawAt).isPresent());
        OptionalLong gone = checker.firstAbsentSince(a, thawAt);
        record("  hung host: two copies after the thaw (SIGCONT -> stale copy gone)", ms(thawAt, gone.getAsLong()));
        c.awaitAllOnline(Duration.ofSeconds(120));
        c.awaitActive(RSC, STEP);
    }

    private void failedMonitor(HostCluster c) throws IOException {
        TestHost a = c.awaitActive(RSC, STEP);
        Path state = a.dummyStateFile(RSC);
        long t0 = System.nanoTime();
        Files.deleteIfExists(state);
        Deadline.await(RSC + " to be restarted", STEP, 5, () -> !c.servingCopies(RSC).isEmpty());
        record(MONITOR, ms(t0, System.nanoTime()));
        c.observer().ok("pcs resource cleanup " + RSC);
    }

    private void standby(HostCluster c) {
        TestHost a = c.awaitActive(RSC, STEP);
        long t0 = System.nanoTime();
        a.ok("pcs node standby " + a.name());
        try {
            c.awaitActiveAmong(RSC, c.others(a), STEP);
            record(STANDBY, ms(t0, System.nanoTime()));
        } finally {
            a.ok("pcs node unstandby " + a.name());
        }
    }

    private void print() {
        System.out.println("\nVigil failover benchmark: 3 nodes on namespaced test hosts, fencing off unless said, "
                + runs + " runs; times in ms from the fault to the resource running (its state file) elsewhere");
        System.out.printf("%-72s %7s %7s %7s %4s %6s%n", "figure", "min", "median", "max", "n", "failed");
        figures.forEach((what, values) -> {
            List<Long> v = new ArrayList<>(values);
            Collections.sort(v);
            int f = failures.getOrDefault(what, 0);
            if (v.isEmpty()) {
                System.out.printf("%-72s %7s %7s %7s %4d %6d%n", what, "-", "-", "-", 0, f);
            } else {
                System.out.printf("%-72s %7d %7d %7d %4d %6d%n", what, v.get(0), v.get(v.size() / 2),
                        v.get(v.size() - 1), v.size(), f);
            }
        });
    }
}
