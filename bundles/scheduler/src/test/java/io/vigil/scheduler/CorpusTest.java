package io.vigil.scheduler;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs Vigil on every case of Pacemaker's scheduler corpus and compares with Pacemaker's verdicts. */
class CorpusTest {

    @Test
    void corpusAgreement() throws Exception {
        Path dir = Corpus.dir();
        Assumptions.assumeTrue(dir != null, "shared/pacemaker-scheduler corpus not found: skipping");
        List<Corpus.Result> results = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases(dir)) {
            results.add(Corpus.run(dir, c));
        }
        Map<String, int[]> byTier = Corpus.table();
        Map<String, int[]> byFeature = Corpus.table();
        Set<String> agreeing = new TreeSet<>();
        Set<String> actionsAgreeing = new TreeSet<>();
        for (Corpus.Result r : results) {
            int col = switch (r.status()) {
                case "agree" -> 0;
                case "disagree" -> 1;
                default -> 2;
            };
            count(byTier, "tier-" + r.c().tier(), col, r.actions());
            count(byTier, "all", col, r.actions());
            for (String f : r.c().features()) {
                count(byFeature, f, col, r.actions());
            }
            if (r.placement()) {
                agreeing.add(r.c().name());
            }
            if (r.actions()) {
                actionsAgreeing.add(r.c().name());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %6s %9s %11s %8s%n", "key", "agree", "disagree", "unsupp/err", "actions"));
        for (var e : byTier.entrySet()) {
            sb.append(String.format("%-28s %6d %9d %11d %8d%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    e.getValue()[2], e.getValue()[3]));
        }
        sb.append('\n');
        for (var e : byFeature.entrySet()) {
            sb.append(String.format("%-28s %6d %9d %11d %8d%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    e.getValue()[2], e.getValue()[3]));
        }
        StringBuilder detail = new StringBuilder();
        for (Corpus.Result r : results) {
            if (!r.placement() || !r.actions()) {
                detail.append(r.c().name()).append(" tier=").append(r.c().tier()).append(' ').append(r.status())
                        .append('\n');
                for (String d : r.diffs()) {
                    detail.append("    ").append(d).append('\n');
                }
            }
        }
        System.out.println(sb);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("corpus-table.txt"), sb.toString());
        Files.writeString(target.resolve("corpus-disagreements.txt"), detail.toString());
        Files.writeString(target.resolve("agreeing-cases.txt"), String.join("\n", agreeing) + "\n");
        Files.writeString(target.resolve("agreeing-actions-cases.txt"), String.join("\n", actionsAgreeing) + "\n");
        List<String> regressions = regressions(Path.of("src/test/resources/agreeing-cases.txt"), agreeing);
        assertTrue(regressions.isEmpty(), "cases that agreed before no longer agree: " + regressions);
        List<String> actionRegressions = regressions(Path.of("src/test/resources/agreeing-actions-cases.txt"),
                actionsAgreeing);
        assertTrue(actionRegressions.isEmpty(),
                "cases whose actions agreed before no longer agree: " + actionRegressions);
    }

    /** Names listed in the committed file that are missing from {@code now}. */
    private static List<String> regressions(Path listed, Set<String> now) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        if (Files.exists(listed)) {
            for (String name : Files.readAllLines(listed)) {
                if (!name.isBlank() && !name.startsWith("#") && !now.contains(name.trim())) {
                    out.add(name.trim());
                }
            }
        }
        return out;
    }

    private static void count(Map<String, int[]> t, String key, int col, boolean actions) {
        int[] v = t.computeIfAbsent(key, k -> new int[4]);
        v[col]++;
        if (actions) {
            v[3]++;
        }
    }
}
