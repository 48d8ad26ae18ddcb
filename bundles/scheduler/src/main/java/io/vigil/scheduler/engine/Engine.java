package io.vigil.scheduler.engine;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.ClusterProperties;
import io.vigil.scheduler.Transition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scheduler run: holds the working set and runs the named stages in Pacemaker's order
 * (unpack → status → location → assign → actions → fencing → orderings → graph).
 */
public final class Engine {
    final CibSnapshot cib;
    final Instant now;
    final long nowSec;
    final List<SNode> nodes = new ArrayList<>();
    final Map<String, SNode> nodeByName = new HashMap<>();
    final Map<String, SNode> nodeById = new HashMap<>();
    /** Top-level resources in assignment order (priority, then document order). */
    final List<Rsc> resources = new ArrayList<>();
    /** Every resource by id (config ids; clone instances as id:N). */
    final Map<String, Rsc> byId = new LinkedHashMap<>();
    final List<Colocation> colocations = new ArrayList<>();
    final ActionGraph graph = new ActionGraph(this);
    final ScoreLog scoreLog = new ScoreLog(nodes);
    final List<String> warnings = new ArrayList<>();

    boolean symmetric;
    boolean stonithEnabled;
    boolean haveStonithResource;
    boolean haveQuorum;
    String noQuorumPolicy;
    boolean maintenanceMode;
    boolean stopAll;
    boolean startFailureIsFatal;
    String placementStrategy;
    String stonithAction;
    boolean concurrentFencing;
    boolean startupProbes;
    boolean stopOrphans;
    boolean shutdownLock;
    final Map<String, String> rscDefaults;
    final ClusterProperties props;

    public Engine(CibSnapshot cib, Instant now) {
        this.cib = cib;
        this.now = now;
        this.nowSec = now.getEpochSecond();
        this.props = cib.configuration().properties();
        this.rscDefaults = new HashMap<>();
    }

    private static final boolean TIMING = Boolean.getBoolean("vigil.scheduler.timing");
    private long stageStart;

    private void stage(String name) {
        if (TIMING) {
            long now = System.nanoTime();
            if (name != null) {
                System.err.printf("  %-22s %6d ms%n", name, (now - stageStart) / 1_000_000);
            }
            stageStart = now;
        }
    }

    public Transition run() {
        stage(null);
        new Unpacker(this).unpack();
        stage("unpack");
        new StatusUnpacker(this).unpack();
        stage("status");
        new Constraints(this).unpackColocations();
        stage("colocations");
        new Locations(this).apply();
        stage("locations");
        for (Rsc r : resources) {
            r.assign(null);
        }
        stage("assign");
        for (Rsc r : resources) {
            r.createActions();
        }
        stage("actions");
        new Probes(this).schedule();
        stage("probes");
        for (Rsc r : resources) {
            r.internalConstraints();
        }
        stage("internal-orderings");
        Constraints orders = new Constraints(this);
        orders.unpackOrders();
        stage("orders");
        new Fencing(this).schedule();
        stage("fencing");
        graph.blockColocatedDependents();
        orders.pairInterleaved();
        graph.propagate();
        stage("propagate");
        Transition t = new Output(this).build();
        stage("output");
        return t;
    }

    /** Where each resource (instance suffixes stripped) runs before the transition: id -> [(node, role)]. */
    public static Map<String, List<io.vigil.scheduler.Placement>> currentPlacement(CibSnapshot cib, Instant now) {
        Engine e = new Engine(cib, now);
        new Unpacker(e).unpack();
        new StatusUnpacker(e).unpack();
        Map<String, List<io.vigil.scheduler.Placement>> out = new java.util.TreeMap<>();
        for (Rsc r : e.resources) {
            for (PrimitiveRsc p : r.primitives()) {
                List<io.vigil.scheduler.Placement> l = out.computeIfAbsent(p.baseId(), k -> new ArrayList<>());
                for (SNode n : p.runningOn) {
                    Role role = p.role == Role.STARTED && p.inPromotable() ? Role.UNPROMOTED : p.role;
                    l.add(new io.vigil.scheduler.Placement(n.name, (p.failed ? "FAILED " : "") + role.text));
                }
            }
        }
        return out;
    }

    private final java.util.IdentityHashMap<io.vigil.cib.model.Operation, Long> intervals =
            new java.util.IdentityHashMap<>();

    /** An operation definition's interval, parsed once (clone instances share their definitions). */
    long interval(io.vigil.cib.model.Operation op) {
        Long v = intervals.get(op);
        if (v == null) {
            v = op.intervalMs();
            intervals.put(op, v);
        }
        return v;
    }

    private final Map<io.vigil.cib.model.Operation, Long> timeouts = new java.util.IdentityHashMap<>();

    /** An operation definition's timeout (0 when it has none), parsed once. */
    long timeout(io.vigil.cib.model.Operation op) {
        Long v = timeouts.get(op);
        if (v == null) {
            v = op.timeoutMs();
            timeouts.put(op, v);
        }
        return v;
    }

    private final Map<Long, String> numbers = new HashMap<>();

    /** Decimal text of a number, one shared string per value (timeouts, intervals, instance numbers repeat). */
    String text(long v) {
        return numbers.computeIfAbsent(v, k -> Long.toString(k));
    }

    private final Map<io.vigil.cib.model.Primitive, String> digests = new java.util.IdentityHashMap<>();

    /** The parameter digest of a definition, computed once (clone instances share it). */
    String digest(io.vigil.cib.model.Primitive p, java.util.function.Supplier<String> compute) {
        return digests.computeIfAbsent(p, k -> compute.get());
    }

    private Map<String, String> opDefaults;

    /** The unconditional op_defaults, merged once. */
    Map<String, String> opDefaults() {
        if (opDefaults == null) {
            opDefaults = cib.configuration().opDefaults().unconditional();
        }
        return opDefaults;
    }

    private long defaultTimeout = -1;

    /** The timeout of operations without their own: op_defaults, else 20 s. */
    long defaultTimeoutMs() {
        if (defaultTimeout < 0) {
            defaultTimeout = io.vigil.cib.model.TimeSpec.toMillis(opDefaults().get("timeout")).orElse(20_000);
        }
        return defaultTimeout;
    }

    private final Map<io.vigil.cib.model.Primitive, Map<String, String>> instanceAttributes =
            new java.util.IdentityHashMap<>();

    /** A primitive's unconditional instance attributes (clone instances share their definition). */
    Map<String, String> instanceAttributes(io.vigil.cib.model.Primitive p) {
        return instanceAttributes.computeIfAbsent(p, k -> k.instanceAttributes().unconditional());
    }

    private Boolean legacyFailCounts;

    /** Whether the CIB predates per-operation fail counts (crm_feature_set below 3.0.13). */
    boolean legacyFailCounts() {
        if (legacyFailCounts == null) {
            legacyFailCounts = compareVersion(cib.attributes().get("crm_feature_set"), "3.0.13") < 0;
        }
        return legacyFailCounts;
    }

    /** Pacemaker's compare_version: dotted numbers; a missing version sorts first. */
    static int compareVersion(String a, String b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        String[] x = a.trim().split("\\.");
        String[] y = b.trim().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return p < q ? -1 : 1;
            }
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean canFence(SNode n) {
        if (!stonithEnabled || !haveStonithResource) {
            return false;
        }
        if (haveQuorum || "ignore".equals(noQuorumPolicy)) {
            return true;
        }
        return n != null && n.online;
    }

    void warn(String s) {
        warnings.add(s);
    }
}
