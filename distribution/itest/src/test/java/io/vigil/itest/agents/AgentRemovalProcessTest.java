package io.vigil.itest.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.DemoCluster;
import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real one-node cluster ({@code vigil demo}, whose node runs the resource {@code dummy} with the shipped Dummy
 * agent): removing the jar of an agent a running resource uses defers the removal with a message naming the
 * bundle, the agent type and the resource and saying what to do; the resource keeps running and being monitored;
 * once it is stopped the bundle goes. Removing an unused agent's jar removes it at once, and putting a held jar
 * back cancels its removal.
 */
class AgentRemovalProcessTest {

    private static final String DUMMY_JAR = "io.vigil.agent.dummy.jar";

    @TempDir
    Path dir;

    private DemoCluster cluster;

    @AfterEach
    void cleanUp() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void removingAnAgentInUseIsDeferredUntilItsResourceStops() throws Exception {
        cluster = DemoCluster.start(dir, 1);
        Path deploy = dir.resolve("n1").resolve("deploy");
        Deadline.await("dummy to run on n1", Duration.ofSeconds(60), 100,
                () -> cluster.dummyActiveOn("dummy", List.of("n1")).equals(List.of("n1")));

        Files.delete(deploy.resolve(DUMMY_JAR));
        // An unused agent deleted after it: once it is gone, FileInstall has seen the Dummy jar's removal too.
        Files.delete(deploy.resolve("io.vigil.agent.mysql.jar"));
        // Felix's lb fails ("Bundle is uninstalled") when a bundle goes while it lists: that is "not yet", ask again
        Deadline.await("unused mysql agent bundle to be uninstalled", Duration.ofSeconds(60), 50, () -> {
            Vigil.Result bundles = cluster.shell("n1", "lb -s");
            return bundles.exitCode() == 0 && !bundles.out().contains("io.vigil.agent.mysql");
        });
        Deadline.await("the deferral message", Duration.ofSeconds(60), 50, () -> log().contains("removal deferred"));

        String message = log().lines().filter(l -> l.contains("removal deferred")).findFirst().orElseThrow();
        assertTrue(message.contains("io.vigil.agent.dummy") && message.contains(DUMMY_JAR), message);
        assertTrue(message.contains("ocf:pacemaker:Dummy") && message.contains("ocf:heartbeat:Dummy"), message);
        assertTrue(message.contains("resource dummy active on node n1"), message);
        assertTrue(message.contains("pcs resource disable dummy"), message);
        assertTrue(dummyBundle().contains("Active"), "the Dummy agent bundle is still there: " + dummyBundle());
        assertEquals(List.of("n1"), cluster.where("n1", "dummy"), "the resource still runs");
        Deadline.await("dummy still active on n1 (its state file)", Duration.ofSeconds(30), 50,
                () -> cluster.dummyActiveOn("dummy", List.of("n1")).equals(List.of("n1")));
        assertTrue(!cluster.ok("n1", "status").contains("FAILED"), cluster.ok("n1", "status"));

        cluster.ok("n1", "pcs resource disable dummy");
        Duration gone = Deadline.await("Dummy to be uninstalled once its resource stopped", Duration.ofSeconds(60),
                50, () -> dummyBundle().isEmpty());
        System.out.println("deferred removal completed " + gone.toMillis() + " ms after the disable");
        assertEquals(List.of(), cluster.dummyActiveOn("dummy", List.of("n1")), "stopped first, then removed");
        assertTrue(log().contains("completing its deferred removal"), log());
    }

    @Test
    void puttingTheJarBackCancelsADeferredRemoval() throws Exception {
        cluster = DemoCluster.start(dir, 1);
        Path deploy = dir.resolve("n1").resolve("deploy");
        Deadline.await("dummy to run on n1", Duration.ofSeconds(60), 100,
                () -> cluster.dummyActiveOn("dummy", List.of("n1")).equals(List.of("n1")));
        Path saved = dir.resolve("saved.jar");
        Files.move(deploy.resolve(DUMMY_JAR), saved);
        Deadline.await("the deferral message", Duration.ofSeconds(60), 50, () -> log().contains("removal deferred"));

        Path staged = deploy.resolve(".dummy.tmp");
        Files.copy(saved, staged);
        Files.move(staged, deploy.resolve(DUMMY_JAR), StandardCopyOption.ATOMIC_MOVE);
        Deadline.await("the cancellation", Duration.ofSeconds(60), 50, () -> log().contains("removal of agent bundle")
                && log().contains("cancelled: its jar is back"));

        cluster.ok("n1", "pcs resource disable dummy");
        Deadline.await("dummy to stop", Duration.ofSeconds(60), 100,
                () -> cluster.dummyActiveOn("dummy", List.of("n1")).isEmpty());
        // A pending removal would be completed on the stop's result, before the CIB records the stop.
        Deadline.await("dummy stopped in the status", Duration.ofSeconds(10), 100,
                () -> cluster.where("n1", "dummy").isEmpty());
        assertTrue(dummyBundle().contains("Active"), "the Dummy agent bundle stays: " + dummyBundle());
        assertTrue(!log().contains("completing its deferred removal"), log());
    }

    /**
     * The Dummy bundle's line in {@code lb -s}, empty once uninstalled. ('agents' cannot tell: the OCF bridge
     * offers Debian's own Dummy scripts under the same names.)
     */
    private String dummyBundle() {
        return cluster.ok("n1", "lb -s").lines().filter(l -> l.contains("io.vigil.agent.dummy")).findFirst()
                .orElse("");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("n1").resolve("vigil.log"));
        } catch (IOException e) {
            return "";
        }
    }
}
