package io.vigil.scheduler.engine;

import io.vigil.scheduler.ScoreEntry;

import java.util.ArrayList;
import java.util.List;

/** Collects the allocation score table as the stages report it. */
final class ScoreLog {
    final List<ScoreEntry> entries = new ArrayList<>();
    boolean enabled = true;

    void log(String stage, String rsc, List<SNode> nodes, Weights w) {
        if (!enabled) {
            return;
        }
        for (SNode n : nodes) {
            if (w.has(n)) {
                entries.add(new ScoreEntry(stage, rsc, n.name, w.get(n)));
            }
        }
    }

    void promotion(String rsc, String node, int score) {
        entries.add(new ScoreEntry("promotion", rsc, node, score));
    }
}
