package io.vigil.itest.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

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
 * <li>11 ({@code -Dfaults.seed=11 -Dfaults.kinds=STOP_FAILURE,START_TIMEOUT}): a cleanup was undone by the node's
 * next join, which wrote the forgotten failure back — {@code
 * DesignatedControllerTest.aCleanupIsNotUndoneByTheNodesNextJoin}.</li>
 * <li>1122 ({@code -Dfaults.seed=1122 -Dfaults.count=100 -Dfaults.fencing=off}), steps 40 and 52 (a partition
 * with a configuration burst): an acknowledged change was lost — a node alone in its view acknowledged its own
 * changes and its higher version won the merge — {@code
 * ReplicatedCibClusterTest.afterAPartitionHealsTheQuorateSidesCopyWinsEverywhere} and {@code
 * ReplicaTest.theCopyQuorateMoreRecentlyWinsOverAHigherVersionMadeWithoutQuorum}; step 30 (a one-way cut): after
 * the merge a member's broadcasts stayed stuck in the sequencer, its join never arrived and the DC kept a stopped
 * resource for running for a minute — {@code
 * DesignatedControllerTest.aMemberThatNeverJoinsIsExpelledAndItsResourcesRecoveredOnceItsLeaseExpired}.</li>
 * </ul>
 * These seeds were found before the failing-agent kinds (STOP_FAILURE, START_TIMEOUT) existed. Those kinds are
 * drawn from a random stream of their own, so a seed still draws the other kinds in the same order with the same
 * parameters, only with agent faults interleaved (seed 7 fencing off: 7 of its 30 steps, so its first 23 older
 * faults run). The exact old sequence replays with {@code -Dfaults.kinds=} every kind but those two.
 */
class FaultHarnessTest {

    /** Kept fixed so CI replays the same sequence; seeds that found bugs are listed above. */
    static final long CI_SEED = 20261122L;
    /** Draws START_TIMEOUT, STOP_FAILURE, START_TIMEOUT, STOP_FAILURE from the failing-agent kinds. */
    static final long AGENT_SEED = 2L;

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

    /**
     * A failing agent (issue 9): stops that fail and starts that time out, each twice. With fencing the failed
     * stop's host is fenced and the resource recovered elsewhere; the timed-out start is recovered on another host.
     */
    @Test
    void failingAgentsWithFencingBreakNoInvariant() throws Exception {
        agentCampaign(true);
    }

    /** The same without fencing: the failed stop blocks the resource (no second copy) until the heal. */
    @Test
    void failingAgentsWithoutFencingBreakNoInvariant() throws Exception {
        agentCampaign(false);
    }

    private static void agentCampaign(boolean fencing) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "fault-runs")).toAbsolutePath();
        dir = Files.createTempDirectory(dir, "agents-");
        Report r = new Campaign(dir, new Campaign.Options(AGENT_SEED, 3, 4, fencing, Duration.ofSeconds(60),
                Set.copyOf(Campaign.AGENT_KINDS)), System.out).run();
        r.print(System.out);
        assertTrue(r.violations().isEmpty(), () -> "invariants broken (seed " + AGENT_SEED + ", fencing "
                + (fencing ? "on" : "off") + "): " + r.violations());
        assertTrue(r.kinds().containsAll(Campaign.AGENT_KINDS), () -> "the campaign drew " + r.kinds()
                + ", not every failing-agent fault");
    }
}
