package io.vigil.itest.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The CI-sized fault campaign (issue 9 must-show 1): a fixed seed, 3 namespaced hosts, fencing on through the
 * harness's power switch, a handful of faults of every kind the seed draws; any invariant violation fails the
 * build, with the report (and the seed to replay it) printed.
 *
 * <p>Seeds whose campaigns found bugs (issue 9 must-show 4), to replay with {@link FaultCampaignBenchmark} and the
 * options given; each bug also has a fast regression test of its own:
 * <ul>
 * <li>7 ({@code -Dfaults.seed=7 -Dfaults.fencing=off -Dfaults.count=30}, flapping link): the DC trusted a crash
 * record of a node's earlier process and skipped the lease wait, r1 ran on two hosts for 688 ms —
 * {@code DesignatedControllerTest.aCrashRecordOfAnEarlierIncarnationDoesNotSkipTheLeaseWait}.</li>
 * </ul>
 */
class FaultHarnessTest {

    /** Kept fixed so CI replays the same sequence; seeds that found bugs are listed above. */
    static final long CI_SEED = 20261122L;


    @Test
    void aShortCampaignWithFencingBreaksNoInvariant() throws Exception {
        // under target/, not a temporary directory: the hosts' logs stay for a post-mortem of a failed run
        Path dir = Files.createDirectories(Path.of("target", "fault-runs")).toAbsolutePath();
        dir = Files.createTempDirectory(dir, "ci-");
        Report r = new Campaign(dir, new Campaign.Options(CI_SEED, 3, 8, true, Duration.ofSeconds(60)), System.out)
                .run();
        r.print(System.out);
        assertTrue(r.violations().isEmpty(), () -> "invariants broken (seed " + CI_SEED + "): " + r.violations());
    }
}
