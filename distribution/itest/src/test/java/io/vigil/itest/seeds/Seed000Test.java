package io.vigil.itest.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.vigil.itest.hosts.TestHost;

import org.junit.jupiter.api.Test;

/**
 * Seed 000 ({@code shared/seeds/000_83bc85cac1996aa7.txt}): "an active/passive pacemaker cluster ... with a Dummy
 * resource agent ... if the node of the cluster running the Dummy resource (active node) fails, then that resource
 * should fail-over and be started on the other node". Two real nodes on namespaced test hosts; the active one is
 * powered off (its whole process tree killed, its volatile /run lost) and the Dummy must start on the other.
 *
 * <p>Deviation: the seed's text stops at "Continue reading" and quotes no command, so the commands are the crmsh
 * lines of the 2-node walkthroughs it refers to ({@code property stonith-enabled=false},
 * {@code property no-quorum-policy=ignore}, {@code primitive … ocf:pacemaker:Dummy op monitor …}); node names are the
 * test hosts' n1/n2. Needs root (network namespaces).
 */
class Seed000Test extends TwoNodeSeed {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    @Test
    void theDummyFailsOverWhenTheActiveNodeDies() {
        startCluster();
        TestHost admin = cluster.hosts().get(0);
        admin.ok("crm configure property stonith-enabled=false");
        admin.ok("crm configure property no-quorum-policy=ignore");
        admin.ok("crm configure primitive dummy ocf:pacemaker:Dummy op monitor interval=10s");

        TestHost active = cluster.awaitActive("dummy", SETTLE);
        SeedStatus.awaitStarted(cluster, active, "dummy", List.of(active.name()), SETTLE);
        String before = SeedStatus.crmMon(active);
        assertTrue(before.contains("Online: [ n1 n2 ]"), "crm_mon -1 before the failure:\n" + before);

        TestHost passive = cluster.others(active).get(0);
        active.powerOff();
        TestHost now = cluster.awaitActiveAmong("dummy", List.of(passive), SETTLE);
        assertEquals(passive, now);
        SeedStatus.awaitStarted(cluster, passive, "dummy", List.of(passive.name()), SETTLE);
        String after = SeedStatus.crmMon(passive);
        System.out.println("seed 000, crm_mon -1 on " + passive.name() + " after " + active.name()
                + " died:\n" + after);
        assertTrue(after.matches("(?s).*OFFLINE: \\[ " + active.name() + " \\].*"),
                "crm_mon -1 must show the dead node offline:\n" + after);
        assertTrue(after.matches("(?s).*dummy\\s+\\(ocf::pacemaker:Dummy\\):\\s+Started " + passive.name() + ".*"),
                "crm_mon -1 must show dummy started on " + passive.name() + ":\n" + after);
        assertFalse(active.dummyActive("dummy"), "the dead host keeps no copy (its /run went with it)");
    }
}
