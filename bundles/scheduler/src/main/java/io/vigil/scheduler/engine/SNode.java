package io.vigil.scheduler.engine;

import java.util.HashMap;
import java.util.Map;

/** A cluster node as the scheduler sees it: membership state, attributes, assignment counters. */
final class SNode {
    final int index;
    final String id;
    final String name;
    final Map<String, String> attrs = new HashMap<>();
    final Map<String, Long> utilization = new HashMap<>();
    final Map<String, Long> capacityLeft = new HashMap<>();
    boolean online;
    boolean unclean;
    boolean unseen = true;
    boolean standby;
    boolean standbyOnFail;
    boolean pending;
    boolean maintenance;
    boolean shutdown;
    boolean expectedUp;
    boolean isDc;
    boolean remote;
    /** Set when the node will be fenced in this transition. */
    boolean fenceScheduled;
    String fenceReason;
    int numResources;
    /** Position of the name in sorted order (the last tie-breaker of node ordering, compared often). */
    int nameRank;

    private Map<String, long[]> failCounts;
    private int failCountsAttrs = -1;

    /** Fail counts by resource name, parsed once from the attributes (re-parsed if attributes were added). */
    Map<String, long[]> failCounts(boolean legacy) {
        if (failCounts == null || failCountsAttrs != attrs.size()) {
            failCounts = OpHistory.parseFailCounts(attrs, legacy);
            failCountsAttrs = attrs.size();
        }
        return failCounts;
    }

    SNode(int index, String id, String name) {
        this.index = index;
        this.id = id;
        this.name = name;
    }

    /** Can run resources at all (Pacemaker's pcmk__node_available without the score). */
    boolean available() {
        return online && !shutdown && !unclean && !standby && !maintenance;
    }

    String attr(String n) {
        return attrs.get(n);
    }

    @Override
    public String toString() {
        return name;
    }
}
