package io.vigil.scheduler.engine;

import java.util.ArrayList;
import java.util.List;

/** Pacemaker's node ordering for assignment: score, capacity (balanced), load, current node, name. */
final class NodeSort {
    private NodeSort() {
    }

    static List<SNode> sorted(Engine ctx, Weights w, SNode active) {
        List<SNode> out = new ArrayList<>();
        for (SNode n : ctx.nodes) {
            if (w.has(n)) {
                out.add(n);
            }
        }
        out.sort((a, b) -> compare(ctx, w, a, b, active));
        return out;
    }

    static int compare(Engine ctx, Weights w, SNode a, SNode b, SNode active) {
        int wa = a.available() ? w.get(a) : -Scores.INF;
        int wb = b.available() ? w.get(b) : -Scores.INF;
        if (wa != wb) {
            return wa > wb ? -1 : 1;
        }
        if (!"minimal".equals(ctx.placementStrategy)) {
            if ("balanced".equals(ctx.placementStrategy)) {
                int c = Utilization.compareCapacity(a, b);
                if (c != 0) {
                    return c;
                }
            }
            if (a.numResources != b.numResources) {
                return a.numResources < b.numResources ? -1 : 1;
            }
            if (active != null) {
                if (active == a) {
                    return -1;
                }
                if (active == b) {
                    return 1;
                }
            }
        }
        return Integer.compare(a.nameRank, b.nameRank);
    }

    /** The first node of {@link #sorted} without sorting them all (null when no node is allowed). */
    static SNode best(Engine ctx, Weights w, SNode active) {
        SNode best = null;
        for (SNode n : ctx.nodes) {
            if (w.has(n) && (best == null || compare(ctx, w, n, best, active) < 0)) {
                best = n;
            }
        }
        return best;
    }
}
