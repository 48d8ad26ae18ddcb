package io.vigil.itest.failover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.DemoCluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fencing on a real 3-node cluster with the shipped {@code fence_vigil_process} device (it kills a node's process
 * tree): a hung node is fenced before its resource is recovered, and the fence history says so; with fencing
 * enabled and no device, nothing starts and the status says why.
 */
class FencingTest {

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
            node[0] = on.size() == 1 ? on.get(0) : null;
            return node[0] != null;
        });
        return node[0];
    }

    /** The poll interval of the deadline-bounded loops below. */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHungNodeIsFencedBeforeItsResourceIsRecovered() {
        cluster = DemoCluster.start(dir, 3);
        cluster.ok("n1", "pcs stonith create fence1 fence_vigil_process pid_dir=" + dir + " pcmk_host_list=n1,n2,n3");
        cluster.ok("n1", "pcs property set stonith-enabled=true");
        String a = activeNode("dummy");
        String observer = cluster.names().stream().filter(n -> !n.equals(a)).findFirst().orElseThrow();
        cluster.signal(a, "STOP");
        long t0 = System.nanoTime();
        // While recovery has not happened, the hung node must still be alive: recovery never precedes fencing.
        String b = null;
        long end = System.nanoTime() + RECOVERY.toNanos();
        while (b == null && System.nanoTime() < end) {
            List<String> others = cluster.liveNodes().stream().filter(n -> !n.equals(a)).toList();
            List<String> on = cluster.dummyActiveOn("dummy", others);
            if (on.size() == 1) {
                assertFalse(cluster.alive(a), "dummy was recovered on " + on + " while " + a + " was not fenced");
                b = on.get(0);
            }
            pause();
        }
        assertTrue(b != null, "dummy was not recovered after " + a + " hung");
        System.out.println("hung " + a + " fenced and dummy recovered on " + b + " after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        String history = cluster.ok(observer, "pcs stonith history");
        assertTrue(history.contains("reboot of " + a + " successful"), history);
        assertTrue(cluster.ok(observer, "status").contains("Fencing History"), "crm_mon-style status shows it");
    }

    @Test
    void withFencingEnabledAndNoDeviceNothingStartsAndStatusSaysWhy() {
        cluster = DemoCluster.start(dir, 3);
        cluster.ok("n1", "pcs property set stonith-enabled=true");
        cluster.ok("n1", "pcs resource create d3 ocf:pacemaker:Dummy op monitor interval=2s");
        // give the cluster time to act (it must not): several scheduling rounds pass within this window
        Deadline.await("the DC to settle", Duration.ofSeconds(30), 200,
                () -> cluster.ok("n1", "status").contains("d3"));
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            assertTrue(cluster.dummyActiveOn("d3", cluster.liveNodes()).isEmpty(), "d3 started without fencing");
            pause();
        }
        String status = cluster.ok("n2", "status");
        assertTrue(status.contains("stonith-enabled is true but no fencing device is configured"), status);
    }
}
