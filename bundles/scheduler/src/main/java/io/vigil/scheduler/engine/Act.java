package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An action while the transition is being built (Pacemaker's pe_action_t): flags change until the graph stage. */
final class Act {
    final int seq;
    final String key;
    final String task;
    final Rsc rsc;
    final SNode node;
    final long intervalMs;
    boolean optional = true;
    boolean runnable = true;
    boolean pseudo;
    /** Node-level action (fencing, shutdown). */
    boolean nodeAction;
    String reason;
    /** Extra parameters (probe, interval, stonith_action); allocated on first use: most actions have none. */
    private Map<String, String> meta;
    /** Index in the output graph, -1 when not part of it. */
    int graphId = -1;
    final List<Order> before = new ArrayList<>(0);
    final List<Order> after = new ArrayList<>(0);
    /** A probe (one-shot monitor): its only meta is probe=true, so no map is kept for it. */
    boolean probe;

    Act(int seq, String key, String task, Rsc rsc, SNode node, long intervalMs) {
        this.seq = seq;
        this.key = key;
        this.task = task;
        this.rsc = rsc;
        this.node = node;
        this.intervalMs = intervalMs;
    }

    Map<String, String> meta() {
        if (meta == null) {
            meta = new TreeMap<>();
        }
        return meta;
    }

    private static final Map<String, String> PROBE_META = Map.of("probe", "true");

    Map<String, String> metaOrEmpty() {
        if (meta == null) {
            return probe ? PROBE_META : Map.of();
        }
        return meta;
    }

    boolean required() {
        return !optional;
    }

    @Override
    public String toString() {
        return key + (node == null ? "" : "@" + node.name) + (optional ? "" : "!") + (runnable ? "" : "x")
                + (pseudo ? "~" : "");
    }
}
