package io.vigil.scheduler.engine;

import java.util.Map;
import java.util.TreeSet;

/** Utilization and placement-strategy helpers (capacity left per node). */
final class Utilization {
    private Utilization() {
    }

    /** Negative when a has more free capacity than b (Pacemaker's pcmk__compare_node_capacities). */
    static int compareCapacity(SNode a, SNode b) {
        int result = 0;
        TreeSet<String> keys = new TreeSet<>(a.capacityLeft.keySet());
        keys.addAll(b.capacityLeft.keySet());
        for (String k : keys) {
            long va = a.capacityLeft.getOrDefault(k, 0L);
            long vb = b.capacityLeft.getOrDefault(k, 0L);
            if (va > vb) {
                result--;
            } else if (va < vb) {
                result++;
            }
        }
        return result;
    }

    static boolean fits(SNode n, Map<String, Long> need) {
        for (Map.Entry<String, Long> e : need.entrySet()) {
            if (n.capacityLeft.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static void consume(SNode n, Map<String, Long> need) {
        need.forEach((k, v) -> n.capacityLeft.merge(k, -v, Long::sum));
    }
}
