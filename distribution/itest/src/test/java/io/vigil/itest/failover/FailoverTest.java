package io.vigil.itest.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.DemoCluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real 3-node cluster (the distribution's {@code vigil demo}, one JVM per node on loopback, fencing disabled)
 * with the demo's Dummy resource {@code dummy}: failover after a crash and after a freeze, moves on standby and
 * move, restart after a failed monitor and a move after migration-threshold failures. After every step the
 * resource must be active on at most one live node, judged from the nodes' own Dummy state files.
 */
class FailoverTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private DemoCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String activeNode(String rsc) {
        String[] node = new String[1];
        Deadline.await(rsc + " to be active on one node", RECOVERY, 20, () -> {
            List<String> on = cluster.dummyActiveOn(rsc, cluster.liveNodes());
            cluster.assertExclusive(rsc, cluster.liveNodes());
            node[0] = on.size() == 1 ? on.get(0) : null;
            return node[0] != null;
        });
        return node[0];
    }

    private String other(String... not) {
        return cluster.liveNodes().stream().filter(n -> !List.of(not).contains(n)).findFirst().orElseThrow();
    }

    @Test
    void aCrashedNodesResourceRunsElsewhere() {
        cluster = DemoCluster.start(dir, 3);
        String a = activeNode("dummy");
        long t0 = System.nanoTime();
        cluster.signal(a, "KILL");
        String b = cluster.awaitActiveElsewhere("dummy", List.of(a), RECOVERY);
        System.out.println("kill -9 of " + a + ": dummy running on " + b + " after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertNotEquals(a, b);
        String observer = other(a);
        Deadline.await("the cluster to report dummy on " + b, RECOVERY, 50,
                () -> cluster.where(observer, "dummy").equals(List.of(b)));
    }

    @Test
    void aFrozenNodeIsReplacedAndItsStaleCopyGoesWhenItThaws() throws Exception {
        cluster = DemoCluster.start(dir, 3);
        String a = activeNode("dummy");
        cluster.signal(a, "STOP");
        List<String> others = new ArrayList<>(cluster.names());
        others.remove(a);
        String b;
        try {
            long t0 = System.nanoTime();
            // the frozen node's copy is not serving: exclusivity is judged among the others while it is frozen
            b = null;
            long end = System.nanoTime() + RECOVERY.toNanos();
            while (b == null && System.nanoTime() < end) {
                cluster.assertExclusive("dummy", others);
                List<String> on = cluster.dummyActiveOn("dummy", others);
                b = on.size() == 1 ? on.get(0) : null;
                Thread.sleep(10);
            }
            assertTrue(b != null, "dummy was not recovered while " + a + " was frozen");
            System.out.println("SIGSTOP of " + a + ": dummy running on " + b + " after "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            cluster.signal(a, "CONT");
        }
        long thaw = System.nanoTime();
        Path stale = dir.resolve(a).resolve("run").resolve("Dummy-dummy.state");
        Deadline.await("the thawed node " + a + " to drop its stale copy", Duration.ofSeconds(10), 5,
                () -> !Files.exists(stale));
        System.out.println("stale copy on " + a + " gone " + (System.nanoTime() - thaw) / 1_000_000
                + " ms after the thaw");
        String finalB = b;
        Deadline.await("the cluster to settle with dummy on one node", RECOVERY, 50, () -> {
            cluster.assertExclusive("dummy", cluster.liveNodes());
            return cluster.where(finalB, "dummy").size() == 1
                    && cluster.dummyActiveOn("dummy", cluster.liveNodes()).size() == 1;
        });
    }

    @Test
    void standbyAndMoveMoveTheResource() {
        cluster = DemoCluster.start(dir, 3);
        String a = activeNode("dummy");
        cluster.ok(a, "pcs node standby " + a);
        String b = cluster.awaitActiveElsewhere("dummy", List.of(a), RECOVERY);
        cluster.ok(a, "pcs node unstandby " + a);
        String c = other(a, b);
        cluster.ok(a, "pcs resource move dummy " + c);
        Deadline.await("dummy to move to " + c, RECOVERY, 20, () -> {
            cluster.assertExclusive("dummy", cluster.liveNodes());
            return cluster.dummyActiveOn("dummy", cluster.liveNodes()).equals(List.of(c));
        });
        cluster.ok(c, "pcs resource clear dummy");
        assertFalse(cluster.ok(c, "cib show").contains("cli-prefer-dummy"), "the move constraint is gone");
    }

    @Test
    void aFailedMonitorRestartsInPlaceThenMovesAfterMigrationThreshold() {
        cluster = DemoCluster.start(dir, 3);
        cluster.ok("n1", "pcs resource create d2 ocf:pacemaker:Dummy op monitor interval=1s meta "
                + "migration-threshold=2");
        String a = activeNode("d2");
        Path state = dir.resolve(a).resolve("run").resolve("Dummy-d2.state");
        breakIt(state);
        Deadline.await("d2 to be restarted on " + a + " with one failure", RECOVERY, 20, () -> {
            cluster.assertExclusive("d2", cluster.liveNodes());
            return Files.exists(state) && failures(a, "d2") == 1;
        });
        assertEquals(List.of(a), cluster.dummyActiveOn("d2", cluster.liveNodes()), "restarted in place");
        breakIt(state);
        String b = cluster.awaitActiveElsewhere("d2", List.of(a), RECOVERY);
        System.out.println("d2 moved from " + a + " to " + b + " after 2 failures");
        cluster.ok(b, "pcs resource cleanup d2");
        Deadline.await("cleanup to clear the failures of d2", RECOVERY, 50,
                () -> !cluster.ok(b, "status").contains("d2_monitor_1000 on"));
    }

    private static void breakIt(Path state) {
        try {
            Files.deleteIfExists(state);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private int failures(String node, String rsc) {
        String show = cluster.shell(node, "cib show").out();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"fail-count-" + rsc
                + "#monitor_1000\",\\s*\"value\":\\s*\"(\\d+)\"").matcher(show);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
