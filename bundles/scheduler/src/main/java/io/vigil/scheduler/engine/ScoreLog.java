package io.vigil.scheduler.engine;

import io.vigil.scheduler.ScoreEntry;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the allocation score table as the stages report it: one compact snapshot per report, turned into
 * sorted {@link ScoreEntry} rows only when somebody reads the table.
 */
final class ScoreLog {
    private record Snapshot(String stage, String rsc, int[] scores, boolean[] present) {
    }

    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<ScoreEntry> promotions = new ArrayList<>();
    private final List<SNode> nodes;

    ScoreLog(List<SNode> nodes) {
        this.nodes = nodes;
    }

    void log(String stage, String rsc, List<SNode> ignored, Weights w) {
        snapshots.add(new Snapshot(stage, rsc, w.w.clone(), w.present.clone()));
    }

    void promotion(String rsc, String node, int score) {
        promotions.add(new ScoreEntry("promotion", rsc, node, score));
    }

    /** The table sorted as crm_simulate prints it, built on first access. */
    List<ScoreEntry> table() {
        List<Snapshot> snaps = List.copyOf(snapshots);
        List<ScoreEntry> promos = List.copyOf(promotions);
        List<String> names = new ArrayList<>();
        for (SNode n : nodes) {
            names.add(n.name);
        }
        return new AbstractList<>() {
            private volatile ScoreEntry[] rows;

            private ScoreEntry[] rows() {
                ScoreEntry[] r = rows;
                if (r == null) {
                    synchronized (this) {
                        r = rows;
                        if (r == null) {
                            r = build(snaps, promos, names);
                            rows = r;
                        }
                    }
                }
                return r;
            }

            @Override
            public ScoreEntry get(int index) {
                return rows()[index];
            }

            @Override
            public int size() {
                return rows().length;
            }
        };
    }

    private static ScoreEntry[] build(List<Snapshot> snaps, List<ScoreEntry> promos, List<String> names) {
        List<ScoreEntry> out = new ArrayList<>(promos);
        for (Snapshot s : snaps) {
            for (int i = 0; i < s.present().length && i < names.size(); i++) {
                if (s.present()[i]) {
                    out.add(new ScoreEntry(s.stage(), s.rsc(), names.get(i), s.scores()[i]));
                }
            }
        }
        String[] keys = new String[out.size()];
        Integer[] idx = new Integer[out.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = out.get(i).text();
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparing(i -> keys[i]));
        ScoreEntry[] rows = new ScoreEntry[idx.length];
        for (int i = 0; i < idx.length; i++) {
            rows[i] = out.get(idx[i]);
        }
        return rows;
    }
}
