package io.vigil.itest.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.itest.hosts.HostCluster;
import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Vigil;

/**
 * One fault-injection campaign on a real Vigil cluster of namespaced test hosts: faults drawn from a seeded random
 * sequence (the seed is printed, so any run replays), each injected, held, healed, and followed by the invariant
 * checks of issue 9. Exclusivity is watched continuously (every 10 ms) from the hosts' own Dummy state, not from
 * the cluster's view.
 */
final class Campaign {

    /**
     * What to run. {@code kinds}: the faults to draw from (empty = every kind). A non-empty set is drawn uniformly
     * from the main stream: every kind but {@link #AGENT_KINDS} replays exactly the draw seeds had before those
     * kinds were added.
     */
    record Options(long seed, int nodes, int faults, boolean fencing, Duration recoveryBound, Set<FaultKind> kinds) {
        Options {
            kinds = Set.copyOf(kinds);
        }

        Options(long seed, int nodes, int faults, boolean fencing, Duration recoveryBound) {
            this(seed, nodes, faults, fencing, recoveryBound, Set.of());
        }
    }

    /** The failing-agent faults, added after the others: they have a random stream of their own (see pick()). */
    static final List<FaultKind> AGENT_KINDS = List.of(FaultKind.STOP_FAILURE, FaultKind.START_TIMEOUT);

    static final List<String> RESOURCES = List.of("r1", "r2");
    private static final String LEDGER_OPTION = "cluster-recheck-interval";

    private final Path dir;
    private final Options o;
    private final PrintStream log;
    private final Random rng;
    private final Random agentRng;
    /** Set by a fault that measures its own recovery (fault to running elsewhere); -1: not recovered; null: none. */
    private Long measuredRecovery;
    private final Report report;
    /** Hosts whose node died while its resources kept running (a crash): their copies still serve. */
    private final Set<String> leftRunning = ConcurrentHashMap.newKeySet();
    private final AtomicLong ledgerNext = new AtomicLong(1);
    private volatile long ledgerAcknowledged;
    private volatile int step;
    private HostCluster cluster;
    private Pdu pdu;

    Campaign(Path dir, Options o, PrintStream log) {
        this.dir = dir;
        this.o = o;
        this.log = log;
        this.rng = new Random(o.seed());
        this.agentRng = new Random(o.seed() ^ 0x9E3779B97F4A7C15L);
        this.report = new Report(o.seed(), o.nodes(), o.fencing());
        report.drawnFrom(o.kinds());
    }

    Report run() throws IOException {
        log.printf("fault campaign seed %d (%d nodes, %d faults, fencing %s)%n", o.seed(), o.nodes(), o.faults(),
                o.fencing() ? "on" : "off");
        pdu = new Pdu(dir, h -> {
            leftRunning.remove(h.name());
            log.printf("  step %d: the switch powered %s off on the cluster's request%n", step, h.name());
        });
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exclusivity-watch");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        try {
            cluster = HostCluster.builder(dir.resolve("hosts")).nodes(o.nodes())
                    .nodeJson("\"fenceAgentDirectory\": \"" + pdu.agentDirectory() + "\"").start();
            pdu.attach(cluster.hosts());
            configure();
            watcher.scheduleAtFixedRate(this::watchExclusivity, 10, 10, TimeUnit.MILLISECONDS);
            for (step = 1; step <= o.faults(); step++) {
                runStep();
            }
            step = 0;
            finalChecks();
        } catch (RuntimeException | AssertionError e) {
            e.printStackTrace(log);
            report.violation(new Report.Violation(step, "harness", "the campaign could not go on: " + e));
        } finally {
            watcher.shutdownNow();
            if (cluster != null) {
                if (!report.violations().isEmpty()) {
                    // beside the build's output: the campaign's own directory is usually a temporary one
                    Path logs = Path.of("target", "fault-logs", "seed-" + o.seed() + (o.fencing() ? "-fencing" : ""))
                            .toAbsolutePath();
                    cluster.saveLogs(logs);
                    log.println("logs of the failed campaign: " + logs);
                }
                cluster.close();
            }
            pdu.close();
        }
        report.acknowledged(ledgerAcknowledged);
        report.fenced(pdu.fenced());
        return report;
    }

    private void configure() {
        TestHost h = cluster.hosts().get(0);
        if (o.fencing()) {
            String list = cluster.hosts().stream().map(TestHost::name).collect(Collectors.joining(","));
            h.ok("pcs stonith create pdu fence_harness pdu_dir=" + pdu.dir() + " pcmk_host_list=" + list);
            h.ok("pcs property set stonith-enabled=true");
        } else {
            h.ok("pcs property set stonith-enabled=false");
        }
        for (String r : RESOURCES) {
            h.ok("pcs resource create " + r + " ocf:pacemaker:Dummy op monitor interval=1s");
        }
        for (String r : RESOURCES) {
            cluster.awaitActive(r, Duration.ofSeconds(60));
        }
    }

    // ---- one step ----------------------------------------------------------------------------------------------

    private void runStep() {
        FaultKind kind = pick();
        currentKind = kind;
        Random r = AGENT_KINDS.contains(kind) ? agentRng : rng;
        TestHost target = r.nextInt(100) < 60 ? active("r1") : running().get(r.nextInt(running().size()));
        boolean burst = r.nextInt(100) < 40;
        Thread burster = burst ? startBurst(target) : null;
        measuredRecovery = null;
        int fencedBefore = pdu.fenced();
        String started = java.time.LocalTime.now(java.time.ZoneOffset.UTC).toString();
        String detail = inject(kind, target);
        // started at: to find the step in the nodes' logs (UTC, as they write it)
        log.printf("step %d: %s%s (started %s)%n", step, detail, burst ? " + configuration burst" : "", started);
        joinQuietly(burster);
        long t0 = System.nanoTime();
        boolean settled = awaitRecovery();
        if (pdu.fenced() > fencedBefore) {
            log.printf("  step %d: %d host(s) fenced during the step%n", step, pdu.fenced() - fencedBefore);
        }
        long recovered = !settled ? -1
                : measuredRecovery != null ? measuredRecovery : (System.nanoTime() - t0) / 1_000_000;
        if (!settled) {
            report.violation(new Report.Violation(step, "recovery", "not recovered within "
                    + o.recoveryBound().toSeconds() + " s after " + detail + "; " + describe()));
        } else {
            checkAgreement();
        }
        report.step(new Report.Step(step, kind, detail, recovered, burst));
    }

    private FaultKind pick() {
        if (!o.kinds().isEmpty()) {
            List<FaultKind> kinds = drawable(o.kinds().stream().sorted().toList());
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("faults.kinds " + o.kinds() + " leaves nothing to draw with "
                        + "fencing off; add kinds other than FENCE_DEVICE_FAILURE");
            }
            return kinds.get(rng.nextInt(kinds.size()));
        }
        // the agent faults come from their own stream, at the share a uniform draw would give them: for a seed, the
        // other kinds keep the sequence (and parameters) they had before these kinds existed, interleaved with them
        List<FaultKind> kinds = drawable(List.of(FaultKind.values()));
        if (agentRng.nextInt(kinds.size()) < AGENT_KINDS.size()) {
            return AGENT_KINDS.get(agentRng.nextInt(AGENT_KINDS.size()));
        }
        kinds.removeAll(AGENT_KINDS);
        return kinds.get(rng.nextInt(kinds.size()));
    }

    private List<FaultKind> drawable(List<FaultKind> from) {
        List<FaultKind> kinds = new ArrayList<>(from);
        if (!o.fencing()) {
            kinds.remove(FaultKind.FENCE_DEVICE_FAILURE);
        }
        return kinds;
    }

    /** Injects the fault, holds it, heals it; returns what was done. */
    private String inject(FaultKind kind, TestHost target) {
        switch (kind) {
            case POWER_OFF -> {
                target.powerOff();
                leftRunning.remove(target.name());
                hold(1000 + rng.nextInt(3000));
                return "power-off of " + target.name();
            }
            case CRASH -> {
                if (target.state() == TestHost.State.RUNNING) {
                    leftRunning.add(target.name());
                    target.crashNode();
                }
                hold(1000 + rng.nextInt(3000));
                return "crash (kill -9 of the node only) of " + target.name();
            }
            case PAUSE -> {
                long ms = 500 + rng.nextInt(9500);
                target.freeze();
                hold(ms);
                if (target.state() == TestHost.State.FROZEN) {
                    target.thaw();
                }
                return "pause of " + target.name() + " for " + ms + " ms";
            }
            case PARTITION -> {
                List<TestHost> hosts = new ArrayList<>(cluster.hosts());
                java.util.Collections.shuffle(hosts, rng);
                List<TestHost> minority = hosts.subList(0, (hosts.size() - 1) / 2);
                List<TestHost> majority = hosts.subList(minority.size(), hosts.size());
                NetFaults.partition(minority, majority);
                long ms = 2000 + rng.nextInt(6000);
                hold(ms);
                cluster.hosts().forEach(NetFaults::clear);
                return "partition " + names(minority) + " | " + names(majority) + " for " + ms + " ms";
            }
            case ONE_WAY_CUT -> {
                NetFaults.oneWay(target, cluster.others(target));
                long ms = 2000 + rng.nextInt(6000);
                hold(ms);
                NetFaults.clear(target);
                return "one-way cut of " + target.name() + "'s outgoing packets for " + ms + " ms";
            }
            case FLAPPING_LINK -> {
                int flaps = 2 + rng.nextInt(4);
                for (int i = 0; i < flaps; i++) {
                    target.cutLink();
                    hold(300 + rng.nextInt(1200));
                    target.healLink();
                    hold(300 + rng.nextInt(1200));
                }
                return "flapping link of " + target.name() + " (" + flaps + " flaps)";
            }
            case PACKET_LOSS -> {
                int pct = 10 + rng.nextInt(40);
                NetFaults.loss(target, pct);
                long ms = 3000 + rng.nextInt(5000);
                hold(ms);
                NetFaults.clear(target);
                return pct + "% packet loss on " + target.name() + " for " + ms + " ms";
            }
            case MONITOR_FAILURE -> {
                TestHost on = active("r1");
                try {
                    Files.deleteIfExists(on.dummyStateFile("r1"));
                } catch (IOException e) {
                    throw new AssertionError("cannot remove r1's state on " + on.name() + ": " + e, e);
                }
                return "r1's copy on " + on.name() + " vanished behind the agent's back";
            }
            case NODE_RESTART -> {
                if (target.state() == TestHost.State.RUNNING) {
                    target.stop(Duration.ofSeconds(60));
                }
                return "graceful restart of " + target.name();
            }
            case FENCE_DEVICE_FAILURE -> {
                TestHost victim = active("r1");
                pdu.failing(true);
                victim.powerOff();
                long ms = 3000 + rng.nextInt(4000);
                long end = System.nanoTime() + ms * 1_000_000;
                while (System.nanoTime() < end) {
                    // unconfirmed fencing: the victim's resources must not be started anywhere else
                    List<TestHost> elsewhere = servingCopies("r1");
                    if (!elsewhere.isEmpty()) {
                        report.violation(new Report.Violation(step, "fencing", "r1 was recovered on "
                                + names(elsewhere) + " although fencing " + victim.name() + " had not succeeded"));
                        break;
                    }
                    hold(50);
                }
                pdu.failing(false);
                return "fence device failing while " + victim.name() + " (active) lost power, " + ms + " ms";
            }
            case STOP_FAILURE -> {
                return stopFailure(active("r1"));
            }
            case START_TIMEOUT -> {
                TestHost from = active("r1");
                List<TestHost> to = cluster.others(from).stream()
                        .filter(h -> h.state() == TestHost.State.RUNNING).toList();
                return startTimeout(to.get(agentRng.nextInt(to.size())));
            }
            default -> throw new IllegalStateException("unhandled fault " + kind);
        }
    }

    /**
     * r1 banned from its host {@code on}, where its stop fails. Pacemaker's default on-fail for a stop is fence
     * with stonith enabled (the host is fenced, then r1 starts elsewhere: the recovery measured is ban to running
     * elsewhere), block without (r1 stays failed on {@code on} and must not start anywhere else until the heal).
     */
    private String stopFailure(TestHost on) {
        String detail;
        String stale = staleNote("r1");
        try (AgentFaults.PinnedState pin = new AgentFaults.PinnedState(on, "r1")) {
            // through another host: with fencing, "on" may be powered off before its answer is out (seed 5005, 436)
            cluster.others(on).stream().filter(TestHost::serving).findFirst().orElse(on)
                    .ok("pcs resource ban r1 " + on.name());
            long t0 = System.nanoTime();
            if (o.fencing()) {
                measuredRecovery = awaitServingElsewhere("r1", on, t0, "its stop failed on " + on.name());
                detail = "stop of r1 failing on " + on.name() + " (banned from it), " + on.name()
                        + (on.state() == TestHost.State.DOWN ? " fenced" : " NOT fenced") + ", r1 running elsewhere "
                        + "after " + measuredRecovery + " ms" + stale;
            } else {
                String reason = awaitFailedOperation("r1", on, "stop", t0);
                long ms = 1000 + agentRng.nextInt(2000);
                expectNoCopyElsewhere("r1", on, ms, "its stop failed there (on-fail=block)");
                detail = "stop of r1 failing on " + on.name() + " (banned from it; "
                        + (reason != null ? "'" + reason + "'" : "no failed stop reported") + "), blocked for "
                        + ms + " ms" + stale;
            }
        }
        // the heal: the pin is gone; the ban goes, and the cleanup lets the cluster manage r1 again
        heal("r1");
        return detail;
    }

    /**
     * r1 moved to host {@code to}, where its start hangs past its timeout: Pacemaker treats the timeout as a
     * failed start (start-failure-is-fatal: the fail count goes to INFINITY there) and recovers r1 on another
     * host. The recovery measured is move to running elsewhere (it includes the start timeout).
     */
    private String startTimeout(TestHost to) {
        String detail;
        String stale = staleNote("r1");
        try (AgentFaults.StalledStart stall = new AgentFaults.StalledStart(to, "r1")) {
            to.ok("pcs resource move r1 " + to.name());
            long t0 = System.nanoTime();
            String reason = awaitFailedOperation("r1", to, "start", t0);
            long failedAfter = (System.nanoTime() - t0) / 1_000_000;
            measuredRecovery = reason != null ? awaitServingElsewhere("r1", to, t0, "its start timed out on "
                    + to.name()) : Long.valueOf(-1);
            detail = "start of r1 hanging on " + to.name() + " (moved there)"
                    + (reason != null ? ", failed after " + failedAfter + " ms ('" + reason + "'), r1 running "
                            + "elsewhere after " + measuredRecovery + " ms" : ", no failed start reported") + stale;
        }
        heal("r1");
        return detail;
    }

    /**
     * Removes the move/ban constraints of {@code resource} and cleans up its failures (fail counts and failed
     * operations on every node, as Pacemaker's cleanup without a node does): the failures must be gone soon after.
     */
    private void heal(String resource) {
        TestHost via = cluster.observer();
        via.ok("pcs resource clear " + resource);
        via.ok("pcs resource cleanup " + resource);
        long end = System.nanoTime() + 15_000_000_000L;
        List<String> left = failures(resource);
        while (!left.isEmpty() && System.nanoTime() < end) {
            hold(100);
            left = failures(resource);
        }
        if (!left.isEmpty()) {
            report.violation(new Report.Violation(step, "cleanup", "failed operations " + left + " of " + resource
                    + " still reported 15 s after 'pcs resource cleanup " + resource + "'"));
        }
    }

    /**
     * Failed operations of {@code resource} already reported before a fault (left by an earlier fault that was not
     * cleaned up, or back after a cleanup): they make the detection of the new failure unreliable, so say so.
     */
    private String staleNote(String resource) {
        List<String> f = failures(resource);
        if (f.isEmpty()) {
            return "";
        }
        log.printf("  step %d: failed operations of %s reported before the fault: %s%n", step, resource, f);
        return " [failed operations reported before the fault: " + f + "]";
    }

    /** The failed operations of {@code resource} (node:operation) as the first answering host reports them. */
    private List<String> failures(String resource) {
        return failureRecords(resource).stream().map(f -> string(f, "node") + ":" + string(f, "operation"))
                .toList();
    }

    /** The status's {@code failures} entries of {@code resource}, from the first serving host that answers. */
    private List<JsonObject> failureRecords(String resource) {
        for (TestHost h : cluster.hosts()) {
            JsonObject s = h.serving() ? cluster.status(h) : null;
            if (s == null || !s.has("failures")) {
                continue;
            }
            List<JsonObject> out = new ArrayList<>();
            for (JsonElement e : s.getAsJsonArray("failures")) {
                if (resource.equals(string(e.getAsJsonObject(), "resource"))) {
                    out.add(e.getAsJsonObject());
                }
            }
            return out;
        }
        return List.of();
    }

    /** Waits until {@code resource} is served by one host other than {@code not}; returns ms since t0, or -1. */
    private long awaitServingElsewhere(String resource, TestHost not, long t0, String why) {
        long end = t0 + o.recoveryBound().toNanos();
        while (System.nanoTime() < end) {
            List<TestHost> on = servingCopies(resource);
            if (on.size() == 1 && on.get(0) != not) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            hold(20);
        }
        report.violation(new Report.Violation(step, "recovery", resource + " was not running on another host "
                + "within " + o.recoveryBound().toSeconds() + " s after " + why + "; " + describe()));
        return -1;
    }

    /**
     * Waits until a host reports a failed {@code operation} of {@code resource} on {@code on}; returns the
     * failure's reason, or null (a violation) when none is reported within the recovery bound.
     */
    private String awaitFailedOperation(String resource, TestHost on, String operation, long t0) {
        long end = t0 + o.recoveryBound().toNanos();
        while (System.nanoTime() < end) {
            for (JsonObject f : failureRecords(resource)) {
                if (on.name().equals(string(f, "node")) && operation.equals(string(f, "operation"))) {
                    String reason = string(f, "reason");
                    return reason == null ? "" : reason;
                }
            }
            hold(100);
        }
        report.violation(new Report.Violation(step, "failure detection", "no failed " + operation + " of "
                + resource + " on " + on.name() + " was reported within " + o.recoveryBound().toSeconds() + " s; "
                + describe()));
        return null;
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** For {@code ms}: {@code resource} must not be served by any host but {@code on} (checked every 50 ms). */
    private void expectNoCopyElsewhere(String resource, TestHost on, long ms, String why) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            List<TestHost> elsewhere = servingCopies(resource).stream().filter(h -> h != on).toList();
            if (!elsewhere.isEmpty()) {
                report.violation(new Report.Violation(step, "exclusivity", resource + " was started on "
                        + names(elsewhere) + " although it is still active on " + on.name() + ", where " + why));
                return;
            }
            hold(50);
        }
    }

    // ---- invariants --------------------------------------------------------------------------------------------

    /** Hosts whose copies count as serving: running and not frozen, or crashed with their resources left running. */
    private List<TestHost> servingCopies(String resource) {
        return cluster.hosts().stream().filter(h -> (h.serving() || leftRunning.contains(h.name()))
                && h.dummyActive(resource)).toList();
    }

    private final Map<String, Long> openOverlaps = new ConcurrentHashMap<>();
    /** The fault of the step under way (what a double-active incident is attributed to). */
    private volatile FaultKind currentKind;

    private void watchExclusivity() {
        try {
            for (String r : RESOURCES) {
                List<TestHost> on = servingCopies(r);
                if (on.size() > 1 && !openOverlaps.containsKey(r)) {
                    openOverlaps.put(r, System.nanoTime());
                    report.doubleActive(currentKind);
                    if (o.fencing()) {
                        report.violation(new Report.Violation(step, "exclusivity", r + " active on " + names(on)
                                + " at once (from the hosts' own state)"));
                    }
                    log.printf("  step %d: DOUBLE ACTIVE %s on %s (during the %s)%n", step, r, names(on),
                            currentKind == null ? "setup" : currentKind.name().toLowerCase().replace('_', '-'));
                } else if (on.size() <= 1) {
                    Long start = openOverlaps.remove(r);
                    if (start != null) {
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        report.doubleActiveMillis(ms);
                        log.printf("  step %d: %s single again after %d ms%n", step, r, ms);
                    }
                }
            }
        } catch (RuntimeException e) {
            // a host being torn down mid-sample; the next sample sees it settled
        }
    }

    /**
     * Heals what the fault left down (hosts powered off by the fault or by fencing, crashed nodes), then waits
     * until every host is up and online, every resource is served by exactly one host, and the CIB versions agree.
     */
    private boolean awaitRecovery() {
        for (TestHost h : cluster.hosts()) {
            if (h.state() == TestHost.State.FROZEN) {
                h.thaw();
            }
            if (h.linkCut()) {
                h.healLink();
            }
            if (h.state() == TestHost.State.DOWN) {
                h.start();
            }
        }
        long end = System.nanoTime() + o.recoveryBound().toNanos();
        while (System.nanoTime() < end) {
            if (cluster.hosts().stream().allMatch(h -> h.state() == TestHost.State.RUNNING) && recovered()) {
                leftRunning.clear();
                return true;
            }
            hold(100);
            // fencing during recovery (e.g. a restarted host was fenced once more) leaves a host down: power it on
            cluster.hosts().stream().filter(h -> h.state() == TestHost.State.DOWN).forEach(TestHost::start);
        }
        return false;
    }

    private boolean recovered() {
        for (String r : RESOURCES) {
            if (servingCopies(r).size() != 1) {
                return false;
            }
        }
        for (TestHost h : cluster.hosts()) {
            Map<String, String> states = cluster.nodeStates(h);
            if (!cluster.hosts().stream().allMatch(x -> "online".equals(states.get(x.name())))) {
                return false;
            }
        }
        return versions().values().stream().distinct().count() == 1;
    }

    private Map<String, String> versions() {
        Map<String, String> v = new TreeMap<>();
        for (TestHost h : cluster.hosts()) {
            Vigil.Result r = h.run("cib version", Duration.ofSeconds(10));
            v.put(h.name(), r.exitCode() == 0 ? r.out().strip() : "(no answer: " + r.err().strip() + ")");
        }
        return v;
    }

    /** After a recovery: every acknowledged configuration change is in every host's CIB. */
    private void checkAgreement() {
        long acked = ledgerAcknowledged;
        for (TestHost h : cluster.hosts()) {
            long seen = ledgerValue(h);
            if (seen < acked) {
                report.violation(new Report.Violation(step, "acknowledged change lost", h.name() + " has "
                        + LEDGER_OPTION + " change #" + seen + " but change #" + acked + " was acknowledged"));
            }
        }
    }

    private void finalChecks() {
        if (!awaitRecovery()) {
            report.violation(new Report.Violation(0, "recovery", "the cluster did not settle at the end: "
                    + describe()));
        }
        checkAgreement();
    }

    // ---- the configuration ledger ------------------------------------------------------------------------------

    /**
     * A burst of configuration changes during the fault, sent to hosts the fault does not target: each change sets
     * {@value #LEDGER_OPTION} to a new value (600 s + its number), so the highest number a host has tells which
     * acknowledged changes it kept.
     */
    private Thread startBurst(TestHost target) {
        Thread t = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                List<TestHost> via = cluster.others(target).stream().filter(TestHost::serving).toList();
                if (via.isEmpty()) {
                    return;
                }
                long n = ledgerNext.getAndIncrement();
                TestHost h = via.get((int) (n % via.size()));
                Vigil.Result r = h.run("cib set-property " + LEDGER_OPTION + " " + (600 + n) + "s",
                        Duration.ofSeconds(20));
                if (r.exitCode() == 0) {
                    synchronized (this) {
                        ledgerAcknowledged = Math.max(ledgerAcknowledged, n);
                    }
                }
            }
        }, "configuration-burst");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private long ledgerValue(TestHost h) {
        Vigil.Result r = h.run("cib show", Duration.ofSeconds(20));
        if (r.exitCode() != 0) {
            return -1;
        }
        String v = find(JsonParser.parseString(r.out()), LEDGER_OPTION);
        if (v == null) {
            return 0;
        }
        return Long.parseLong(v.replaceAll("[^0-9]", "")) - 600;
    }

    private static String find(JsonElement e, String name) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("name") && o.get("name").isJsonPrimitive() && name.equals(o.get("name").getAsString())
                    && o.has("value")) {
                return o.get("value").getAsString();
            }
            for (var m : o.entrySet()) {
                String v = find(m.getValue(), name);
                if (v != null) {
                    return v;
                }
            }
        } else if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                String v = find(x, name);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private TestHost active(String resource) {
        List<TestHost> on = servingCopies(resource);
        if (on.size() == 1) {
            return on.get(0);
        }
        List<TestHost> r = running();
        return r.get(rng.nextInt(r.size()));
    }

    private List<TestHost> running() {
        List<TestHost> r = cluster.hosts().stream().filter(h -> h.state() == TestHost.State.RUNNING).toList();
        return r.isEmpty() ? cluster.hosts() : r;
    }

    private String describe() {
        Map<String, Object> d = new TreeMap<>();
        cluster.hosts().forEach(h -> d.put(h.name(), h.toString()));
        RESOURCES.forEach(r -> d.put(r, names(servingCopies(r))));
        d.put("cib versions", versions());
        return d.toString();
    }

    private static String names(List<TestHost> hosts) {
        return hosts.stream().map(TestHost::name).collect(Collectors.joining(",", "[", "]"));
    }

    private static void hold(long ms) {
        // the fault's own duration, not a wait for a condition
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(end - System.nanoTime(), 50_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void joinQuietly(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
