package io.vigil.scheduler.engine;

import java.util.Arrays;

/**
 * A resource's allowed-node table: node index -> score; a node not in the table is not allowed
 * (Pacemaker's allowed_nodes hash table, as a dense array).
 */
final class Weights {
    final int[] w;
    final boolean[] present;

    Weights(int n) {
        w = new int[n];
        present = new boolean[n];
    }

    Weights copy() {
        Weights c = new Weights(w.length);
        System.arraycopy(w, 0, c.w, 0, w.length);
        System.arraycopy(present, 0, c.present, 0, w.length);
        return c;
    }

    boolean has(SNode n) {
        return present[n.index];
    }

    int get(SNode n) {
        return present[n.index] ? w[n.index] : -Scores.INF;
    }

    void set(SNode n, int v) {
        present[n.index] = true;
        w[n.index] = v;
    }

    /** resource_location semantics: add the score, creating the entry at 0 when absent. */
    void add(SNode n, int v) {
        if (!present[n.index]) {
            present[n.index] = true;
            w[n.index] = 0;
        }
        w[n.index] = Scores.add(w[n.index], v);
    }

    void fillAll(int v) {
        Arrays.fill(present, true);
        Arrays.fill(w, v);
    }

    /** True when some node is available with a non-negative score. */
    boolean anyAvailable(java.util.List<SNode> nodes) {
        for (SNode n : nodes) {
            if (present[n.index] && w[n.index] >= 0 && n.available()) {
                return true;
            }
        }
        return false;
    }
}
