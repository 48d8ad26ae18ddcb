package io.vigil.itest.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.vigil.itest.hosts.ExclusivityChecker;
import io.vigil.itest.hosts.HostCluster;
import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Deadline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fencing disabled, 3 real nodes on namespaced test hosts (own network, mount, UTS and PID namespace each, a
 * bridge in a switch namespace), one Dummy resource. A checker reads every host's own Dummy state file every 10 ms
 * for the whole test: a silent link cut of the active host never leaves two copies serving at once, and a frozen
 * active host (its whole process tree SIGSTOPped, so its copy serves nothing) is replaced, and drops its stale copy
 * within 100 ms of the thaw. Needs root (network namespaces).
 */
class NamespacedFailoverTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);
    /** Issue 6, must-show 2: the thawed node's stale copy is gone within this bound of the thaw. */
    private static final long STALE_COPY_BOUND_MS = 100;

    @TempDir
    Path dir;

    private HostCluster cluster;

    /** A failed test leaves the hosts' logs in target/host-logs/TEST (the cluster directory is temporary). */
    @RegisterExtension
    final TestExecutionExceptionHandler keepLogs = (context, failure) -> {
        if (cluster != null) {
            Path to = Path.of("target", "host-logs", context.getRequiredTestMethod().getName());
            cluster.saveLogs(to);
            System.err.println("host logs of the failed test: " + to.toAbsolutePath());
        }
        throw failure;
    };

    @BeforeEach
    void start() {
        cluster = HostCluster.builder(dir).nodes(3).start();
        TestHost first = cluster.hosts().get(0);
        first.ok("pcs property set stonith-enabled=false");
        first.ok("pcs resource create dummy ocf:pacemaker:Dummy op monitor interval=2s");
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSilentLinkCutOfTheActiveHostNeverLeavesTwoCopies() {
        TestHost a = cluster.awaitActive("dummy", RECOVERY);
        try (ExclusivityChecker checker = ExclusivityChecker.start(cluster.hosts(), "dummy", 10)) {
            long t0 = System.nanoTime();
            a.cutLink();
            TestHost b = cluster.awaitActiveAmong("dummy", cluster.others(a), RECOVERY);
            System.out.println("link cut of " + a.name() + ": dummy running on " + b.name() + " after "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms (checker: " + checker.samples()
                    + " samples, worst gap " + checker.maxGapMs() + " ms)");
            assertFalse(a.dummyActive("dummy"), "the cut-off host " + a.name() + " stopped its copy before the "
                    + "quorate side started one");
            checker.assertNeverTwoCopies();

            a.healLink();
            cluster.awaitAllOnline(RECOVERY);
            TestHost observer = cluster.observer();
            Deadline.await(() -> "the healed cluster to settle with dummy on one host; copies: "
                    + cluster.servingCopies("dummy") + ", cluster view: " + cluster.where(observer, "dummy"),
                    RECOVERY, 50, () -> {
                        cluster.assertExclusive("dummy");
                        List<TestHost> on = cluster.servingCopies("dummy");
                        return on.size() == 1 && cluster.where(observer, "dummy").equals(List.of(on.get(0).name()));
                    });
            checker.assertNeverTwoCopies();
        }
    }

    @Test
    void aFrozenActiveHostIsReplacedAndDropsItsStaleCopyWithin100msOfTheThaw() {
        TestHost a = cluster.awaitActive("dummy", RECOVERY);
        try (ExclusivityChecker checker = ExclusivityChecker.start(cluster.hosts(), "dummy", 10)) {
            long frozenAt = a.freeze();
            long thawAt;
            TestHost b;
            try {
                // while frozen, a's copy serves nothing: exclusivity is judged among the serving hosts
                b = cluster.awaitActiveAmong("dummy", cluster.others(a), RECOVERY);
                System.out.println("SIGSTOP of " + a.name() + "'s tree: dummy running on " + b.name() + " after "
                        + (System.nanoTime() - frozenAt) / 1_000_000 + " ms");
                assertTrue(a.dummyActive("dummy"), "the frozen host cannot have removed its copy");
            } finally {
                thawAt = a.thaw();
            }
            Deadline.await(() -> "the checker to see the stale copy on " + a.name() + " gone; transitions: "
                    + checker.transitions(a), Duration.ofSeconds(30), 5,
                    () -> checker.firstAbsentSince(a, thawAt).isPresent());
            OptionalLong goneAt = checker.firstAbsentSince(a, thawAt);
            long staleMs = (goneAt.getAsLong() - thawAt) / 1_000_000;
            System.out.println("thaw of " + a.name() + " (SIGCONT) at about " + java.time.Instant.now().minusNanos(
                    System.nanoTime() - thawAt) + " (compare with its log: 'stopping dummy ... lost its lease')");
            System.out.println("after the thaw of " + a.name() + ": stale copy gone after " + staleMs
                    + " ms (two copies for " + checker.doubleActiveMillisSince(thawAt) + " ms; checker period 10 ms,"
                    + " worst gap " + checker.maxGapMs() + " ms)");
            assertEquals(List.of(), checker.overlapsBefore(thawAt), "two serving copies before the thaw");
            assertTrue(staleMs <= STALE_COPY_BOUND_MS, "the thawed host " + a.name() + " kept its stale copy of "
                    + "dummy for " + staleMs + " ms after SIGCONT (bound " + STALE_COPY_BOUND_MS + " ms); see "
                    + a.log());

            cluster.awaitAllOnline(RECOVERY);
            TestHost observer = cluster.observer();
            Deadline.await(() -> "the cluster to settle with dummy on one host; copies: "
                    + cluster.servingCopies("dummy"), RECOVERY, 50, () -> {
                        List<TestHost> on = cluster.servingCopies("dummy");
                        return on.size() == 1 && cluster.where(observer, "dummy").equals(List.of(on.get(0).name()));
                    });
            assertTrue(checker.overlapsSince(goneAt.getAsLong()).isEmpty(), "two copies after the stale one went: "
                    + checker.describe(checker.overlapsSince(goneAt.getAsLong())));
        }
    }
}
