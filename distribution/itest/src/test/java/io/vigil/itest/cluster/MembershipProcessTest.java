package io.vigil.itest.cluster;

import static io.vigil.itest.cluster.ProcessCluster.awaitMembers;
import static io.vigil.itest.cluster.ProcessCluster.awaitSameCib;
import static io.vigil.itest.cluster.ProcessCluster.exec;
import static io.vigil.itest.cluster.ProcessCluster.quorum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.NodeProcess;
import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, must-show 1: one JVM per node via {@code bin/vigil node} on loopback with a key from
 * {@code bin/vigil keygen}. Membership and quorum are read from {@code quorum status}, the CIB from
 * {@code cib version} / {@code cib show}.
 */
class MembershipProcessTest {

    private static final Duration VIEW = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ProcessCluster cluster;

    @AfterEach
    void killEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeNodesFormAClusterSurviveKill9AndARestartedNodeReceivesTheCurrentCib() throws Exception {
        cluster = new ProcessCluster(dir, "m3-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), 3);
        List<NodeProcess> all = cluster.startAll();
        NodeProcess n1 = all.get(0);
        NodeProcess n2 = all.get(1);
        NodeProcess n3 = all.get(2);
        Duration formed = awaitMembers(VIEW, all, "n1", "n2", "n3");
        System.out.println("3-member view seen by all " + formed.toMillis() + " ms after the nodes answered");
        Vigil.Result status = n1.shell("quorum status"); // through the real bin/vigil shell once
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("Quorate:          Yes"), status.out());
        assertTrue(status.out().contains("Total votes:      3"), status.out());

        Vigil.Result first = n1.shell("cib set-property no-quorum-policy freeze");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("freeze", ProcessCluster.property(awaitSameCib(VIEW, all), "no-quorum-policy"));

        // kill -9 of one: the others see the new view and stay quorate
        long t0 = System.nanoTime();
        n3.kill9();
        awaitMembers(VIEW, List.of(n1, n2), "n1", "n2");
        System.out.println("kill -9 n3 -> 2-member view at n1 and n2 after " + (System.nanoTime() - t0) / 1_000_000
                + " ms (including polling)");
        for (NodeProcess n : List.of(n1, n2)) {
            ProcessCluster.QuorumView q = quorum(n);
            assertTrue(q.quorate(), n.name() + " stays quorate with 2 of 3 votes: " + q);
            assertEquals(2, q.totalVotes());
        }
        // a change made while n3 is down
        Vigil.Result second = n2.shell("cib set-property batch-limit 7");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("7", ProcessCluster.property(awaitSameCib(VIEW, List.of(n1, n2)), "batch-limit"));

        // kill -9 of a second: the last one loses quorum
        t0 = System.nanoTime();
        n2.kill9();
        awaitMembers(VIEW, List.of(n1), "n1");
        System.out.println("kill -9 n2 -> 1-member view at n1 after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        Deadline.await("n1 to lose quorum", VIEW, 50, () -> !quorum(n1).quorate());
        Vigil.Result alone = n1.shell("quorum status");
        assertTrue(alone.out().contains("Quorate:          No") && alone.out().contains("Activity blocked"),
                alone.out());

        // restart n3: it rejoins, the partition is quorate again, and n3 holds the CIB changed while it was down
        n3.relaunch();
        n3.awaitReady(ProcessCluster.START);
        awaitMembers(VIEW, List.of(n1, n3), "n1", "n3");
        Deadline.await("n1 and n3 quorate again", VIEW, 50, () -> quorum(n1).quorate() && quorum(n3).quorate());
        String same = awaitSameCib(VIEW, List.of(n1, n3));
        assertEquals("7", ProcessCluster.property(same, "batch-limit"), "n3 holds the change made while it was down");
        Vigil.Result show3 = n3.shell("cib show"); // through the real bin/vigil shell once
        assertEquals(0, show3.exitCode(), show3.err());
        assertEquals("7", ProcessCluster.property(show3.out(), "batch-limit"), show3.out());

        // and the second killed node too, with all three in one view again
        n2.relaunch();
        n2.awaitReady(ProcessCluster.START);
        awaitMembers(VIEW, all, "n1", "n2", "n3");
        assertEquals("7", ProcessCluster.property(awaitSameCib(VIEW, all), "batch-limit"));
        String log3 = Files.readString(n3.stateDir().resolve("vigil.log"));
        assertTrue(log3.contains("received from"), "n3 got the CIB by state transfer:\n" + log3);
    }

    @Test
    void aNodeWithAnotherKeyNeverAppearsInTheView() throws Exception {
        // n3 is a configured peer with the right cluster name and address, but holds another key
        cluster = new ProcessCluster(dir, "wk-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), 3);
        Path otherKey = dir.resolve("other/authkey");
        ProcessCluster.keygen(otherKey);
        List<NodeProcess> good = cluster.startFirst(2);
        NodeProcess intruder = cluster.startWithKey(2, otherKey);
        intruder.awaitReady(ProcessCluster.START);
        awaitMembers(VIEW, good, "n1", "n2");
        awaitMembers(VIEW, List.of(intruder), "n3");
        // Give discovery and several merge rounds (mergeIntervalMs 2000) the time to let it in, were it able to.
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < end) {
            for (NodeProcess n : good) {
                assertEquals(List.of("n1", "n2"), quorum(n).members().stream().sorted().toList(),
                        "the view of " + n.name());
            }
            assertEquals(List.of("n3"), quorum(intruder).members(), "the node with another key stays alone");
            Thread.sleep(500);
        }
        assertFalse(quorum(intruder).quorate(), "alone with 1 of 3 votes");
        assertEquals(0, exec(good.get(0), "cib set-property batch-limit 3").exitCode());
        assertEquals("3", ProcessCluster.property(awaitSameCib(VIEW, good), "batch-limit"));
        assertEquals(null, ProcessCluster.property(exec(intruder, "cib show").out(), "batch-limit"),
                "no CIB change reaches it");
        for (NodeProcess n : good) {
            String log = Files.readString(n.stateDir().resolve("vigil.log"));
            assertFalse(log.lines().anyMatch(l -> l.contains(": view ") && l.contains("n3")),
                    n.name() + " never had n3 in a view:\n" + log);
        }
    }

    /**
     * Two rings configured through the node config (second ring: UDP on 127.0.0.2): the cluster forms and replicates.
     * Losing one ring is shown in-JVM (SecondRingTest) and with real link cuts in network namespaces
     * (distribution/bench, {@code --rings 2}); loopback offers no way to cut one ring of one process.
     */
    @Test
    void aClusterWithTwoRingsFormsAndReplicates() throws Exception {
        cluster = new ProcessCluster(dir, "r2-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), 3)
                .withSecondRing();
        List<NodeProcess> all = cluster.startAll();
        awaitMembers(VIEW, all, "n1", "n2", "n3");
        assertEquals(0, exec(all.get(2), "cib set-property batch-limit 9").exitCode());
        assertEquals("9", ProcessCluster.property(awaitSameCib(VIEW, all), "batch-limit"));
        String log = Files.readString(all.get(0).stateDir().resolve("vigil.log"));
        assertFalse(log.contains("cluster.address2"), "no configuration error:\n" + log);
    }
}
