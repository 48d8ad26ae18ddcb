package io.vigil.itest.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The long fault campaign (issue 9 must-show 2), run by name only:
 * {@code mvn -B -f distribution/itest/pom.xml test -Dtest=FaultCampaignBenchmark -Dfaults.count=500}
 * (options: {@code -Dfaults.seed=N} (default: time-based, printed), {@code -Dfaults.nodes=3|5},
 * {@code -Dfaults.fencing=on|off|both} (default both: the fencing-off run is the comparison that shows what can go
 * wrong without fencing), {@code -Dfaults.recovery=SECONDS}, {@code -Dfaults.kinds=STOP_FAILURE,START_TIMEOUT} (only
 * these {@link FaultKind}s, drawn uniformly; default: every kind)). It prints faults by kind, recovery time
 * min/median/max per kind, invariant violations and double-active incidents; it fails only when the campaign
 * itself cannot run — the figures are the result.
 */
class FaultCampaignBenchmark {

    @Test
    void campaign() throws Exception {
        long seed = Long.getLong("faults.seed", System.currentTimeMillis());
        int nodes = Integer.getInteger("faults.nodes", 3);
        int count = Integer.getInteger("faults.count", 50);
        String fencing = System.getProperty("faults.fencing", "both");
        Duration bound = Duration.ofSeconds(Integer.getInteger("faults.recovery", 60));
        Set<FaultKind> kinds = kinds(System.getProperty("faults.kinds", ""));
        for (boolean on : new boolean[] {true, false}) {
            if (fencing.equals(on ? "off" : "on")) {
                continue;
            }
            Path dir = Files.createTempDirectory("vigil-faults-");
            Report r = new Campaign(dir, new Campaign.Options(seed, nodes, count, on, bound, kinds), System.out).run();
            r.print(System.out);
        }
    }

    private static Set<FaultKind> kinds(String list) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String k : list.split(",")) {
            if (k.isBlank()) {
                continue;
            }
            try {
                kinds.add(FaultKind.valueOf(k.strip().toUpperCase().replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-Dfaults.kinds: unknown fault kind '" + k.strip() + "'; known: "
                        + Arrays.toString(FaultKind.values()), e);
            }
        }
        return kinds;
    }
}
