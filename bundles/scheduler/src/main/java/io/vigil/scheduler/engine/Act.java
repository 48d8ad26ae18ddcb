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
    final Map<String, String> meta = new TreeMap<>();
    final List<Order> before = new ArrayList<>();
    final List<Order> after = new ArrayList<>();

    Act(int seq, String key, String task, Rsc rsc, SNode node, long intervalMs) {
        this.seq = seq;
        this.key = key;
        this.task = task;
        this.rsc = rsc;
        this.node = node;
        this.intervalMs = intervalMs;
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
