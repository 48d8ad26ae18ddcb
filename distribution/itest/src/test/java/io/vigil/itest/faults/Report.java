package io.vigil.itest.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one campaign did: every fault with its recovery time, and every invariant it saw broken. */
final class Report {

    /** One injected fault. {@code recoveryMs} is -1 when the cluster did not recover within the bound. */
    record Step(int index, FaultKind kind, String detail, long recoveryMs, boolean burst) {
    }

    /** A broken promise, with the step during which it broke (0 = setup or final checks). */
    record Violation(int step, String invariant, String detail) {
    }

    private final long seed;
    private final int nodes;
    private final boolean fencing;
    private final List<Step> steps = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private int doubleActive;
    private long acknowledgedChanges;
    private int fenced;
    private final List<Long> doubleActiveMillis = new ArrayList<>();
    private final Map<String, Integer> doubleActiveByKind = new java.util.TreeMap<>();
    private String drawnFrom = "";

    Report(long seed, int nodes, boolean fencing) {
        this.seed = seed;
        this.nodes = nodes;
        this.fencing = fencing;
    }

    /** The kinds the campaign was limited to (empty: every kind), for the replay line. */
    synchronized void drawnFrom(java.util.Set<FaultKind> kinds) {
        drawnFrom = kinds.isEmpty() ? "" : " -Dfaults.kinds=" + kinds.stream().sorted().map(FaultKind::name)
                .collect(java.util.stream.Collectors.joining(","));
    }

    synchronized void step(Step s) {
        steps.add(s);
    }

    synchronized void violation(Violation v) {
        violations.add(v);
    }

    /** A double-active incident began during a fault of {@code kind} (null: outside any fault). */
    synchronized void doubleActive(FaultKind kind) {
        doubleActive++;
        doubleActiveByKind.merge(kind == null ? "setup" : label(kind), 1, Integer::sum);
    }

    private static String label(FaultKind k) {
        return k.name().toLowerCase().replace('_', '-');
    }

    synchronized void acknowledged(long n) {
        acknowledgedChanges = n;
    }

    synchronized void doubleActiveMillis(long ms) {
        doubleActiveMillis.add(ms);
    }

    synchronized void fenced(int n) {
        fenced = n;
    }

    /** The kinds of fault the campaign injected. */
    synchronized java.util.Set<FaultKind> kinds() {
        java.util.Set<FaultKind> k = java.util.EnumSet.noneOf(FaultKind.class);
        steps.forEach(s -> k.add(s.kind()));
        return k;
    }

    synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    synchronized void print(PrintStream out) {
        out.printf("fault campaign: seed %d, %d nodes, fencing %s, %d faults, %d acknowledged configuration changes%n",
                seed, nodes, fencing ? "on" : "off", steps.size(), acknowledgedChanges);
        Map<FaultKind, List<Long>> byKind = new EnumMap<>(FaultKind.class);
        Map<FaultKind, Integer> unrecovered = new EnumMap<>(FaultKind.class);
        for (Step s : steps) {
            if (s.recoveryMs() < 0) {
                unrecovered.merge(s.kind(), 1, Integer::sum);
            } else {
                byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.recoveryMs());
            }
        }
        out.printf("%-22s %6s %10s %10s %10s %12s%n", "fault", "count", "min ms", "median ms", "max ms",
                "unrecovered");
        for (FaultKind k : FaultKind.values()) {
            List<Long> t = byKind.getOrDefault(k, List.of()).stream().sorted().toList();
            int u = unrecovered.getOrDefault(k, 0);
            if (t.isEmpty() && u == 0) {
                continue;
            }
            out.printf("%-22s %6d %10s %10s %10s %12d%n", label(k), t.size() + u,
                    t.isEmpty() ? "-" : t.get(0), t.isEmpty() ? "-" : t.get(t.size() / 2),
                    t.isEmpty() ? "-" : t.get(t.size() - 1), u);
        }
        out.printf("hosts fenced (powered off by the switch on the cluster's request): %d%n", fenced);
        List<Long> d = doubleActiveMillis.stream().sorted().toList();
        out.printf("double-active incidents (two serving copies of an exclusive resource): %d%s%n", doubleActive,
                d.isEmpty() ? "" : String.format(" (duration min/median/max %d/%d/%d ms, 10 ms resolution)", d.get(0),
                        d.get(d.size() / 2), d.get(d.size() - 1)));
        if (!doubleActiveByKind.isEmpty()) {
            out.printf("  by the fault during which they began: %s%n", doubleActiveByKind.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        }
        out.printf("invariant violations: %d%n", violations.size());
        for (Violation v : violations) {
            out.printf("  step %d: %s: %s%n", v.step(), v.invariant(), v.detail());
        }
        out.printf("replay: -Dfaults.seed=%d -Dfaults.nodes=%d -Dfaults.count=%d -Dfaults.fencing=%s%s%n", seed,
                nodes, steps.size(), fencing ? "on" : "off", drawnFrom);
    }
}
