package io.vigil.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;

import org.junit.jupiter.api.Test;

class ResourceUsageTest {

    private static final AgentId DUMMY = AgentId.parse("ocf:pacemaker:Dummy");
    private static final AgentId VIP = AgentId.parse("ocf:heartbeat:IPaddr2");

    private final ResourceUsage usage = new ResourceUsage();

    private boolean done(String rsc, AgentId agent, String action, OcfExitCode rc) {
        return usage.record(rsc, agent, action, ExecStatus.DONE, rc);
    }

    @Test
    void aStartedResourceUsesItsAgentUntilAStopSucceeds() {
        assertTrue(done("d1", DUMMY, "start", OcfExitCode.SUCCESS));
        assertTrue(done("v1", VIP, "start", OcfExitCode.SUCCESS));
        assertEquals(Set.of("d1"), usage.resourcesUsing(List.of(DUMMY)));
        assertFalse(done("d1", DUMMY, "monitor", OcfExitCode.SUCCESS), "no change");
        assertFalse(usage.record("d1", DUMMY, "stop", ExecStatus.TIMED_OUT, OcfExitCode.ERR_GENERIC),
                "a stop that timed out leaves the resource possibly running");
        assertFalse(done("d1", DUMMY, "stop", OcfExitCode.ERR_GENERIC));
        assertEquals(Set.of("d1"), usage.resourcesUsing(List.of(DUMMY)));
        assertTrue(done("d1", DUMMY, "stop", OcfExitCode.SUCCESS));
        assertEquals(Set.of(), usage.resourcesUsing(List.of(DUMMY)));
        assertEquals(new TreeSet<>(Set.of("v1")), usage.resourcesUsing(List.of(DUMMY, VIP)));
    }

    @Test
    void monitorsAndProbesTellWhetherAResourceRuns() {
        assertTrue(done("d1", DUMMY, "monitor", OcfExitCode.SUCCESS), "a probe found it running");
        assertTrue(done("d1", DUMMY, "monitor", OcfExitCode.NOT_RUNNING));
        assertTrue(done("d2", DUMMY, "monitor", OcfExitCode.ERR_GENERIC), "failed but present: needs a stop");
        assertFalse(done("d3", DUMMY, "monitor", OcfExitCode.ERR_INSTALLED), "software missing: not here");
        assertTrue(done("d4", DUMMY, "monitor", OcfExitCode.RUNNING_PROMOTED));
        assertEquals(Set.of("d2", "d4"), usage.resourcesUsing(List.of(DUMMY)));
    }

    @Test
    void aFailedStartStillHoldsTheAgentButActionsThatNeverRanDoNot() {
        assertTrue(done("d1", DUMMY, "start", OcfExitCode.ERR_GENERIC), "Pacemaker stops a failed start");
        assertFalse(usage.record("d2", DUMMY, "start", ExecStatus.NOT_INSTALLED, OcfExitCode.ERR_GENERIC));
        assertFalse(usage.record("d1", DUMMY, "monitor", ExecStatus.CANCELLED, OcfExitCode.ERR_GENERIC));
        assertFalse(done("d3", DUMMY, "meta-data", OcfExitCode.SUCCESS));
        assertFalse(done("d3", DUMMY, "validate-all", OcfExitCode.SUCCESS));
        assertEquals(Set.of("d1"), usage.resourcesUsing(List.of(DUMMY)));
    }

    @Test
    void assumedActiveUntilAResultSaysOtherwise() {
        usage.assumeActive("d1", DUMMY);
        assertEquals(Set.of("d1"), usage.resourcesUsing(List.of(DUMMY)));
        assertTrue(done("d1", DUMMY, "monitor", OcfExitCode.NOT_RUNNING));
        assertEquals(Set.of(), usage.resourcesUsing(List.of(DUMMY)));
    }

    @Test
    void theDeferralMessageNamesBundleAgentsResourcesAndWhatToDo() {
        String m = DeployFolderInstaller.deferralMessage("io.vigil.agent.dummy", "/d/io.vigil.agent.dummy.jar",
                new TreeSet<>(Set.of(DUMMY, AgentId.parse("ocf:heartbeat:Dummy"))), new TreeSet<>(Set.of("d2",
                        "d1")), "n1");
        assertEquals("agent bundle io.vigil.agent.dummy (/d/io.vigil.agent.dummy.jar) was removed from the deploy "
                + "folder, but its agent types ocf:heartbeat:Dummy, ocf:pacemaker:Dummy are used by resources d1, d2 "
                + "active on node n1: removal deferred, the bundle stays installed until they are stopped or moved "
                + "away (e.g. 'pcs resource disable d1' or 'pcs resource move d1 <node>'), then it is uninstalled; "
                + "put the jar back to cancel the removal", m);
    }

    @Test
    void aResourceThatJustStoppedMayBeRestarting() {
        assertFalse(usage.releasedWithin(List.of(DUMMY), Long.MAX_VALUE), "never used");
        done("d1", DUMMY, "start", OcfExitCode.SUCCESS);
        assertFalse(usage.releasedWithin(List.of(DUMMY), Long.MAX_VALUE), "still active, not released");
        done("d1", DUMMY, "stop", OcfExitCode.SUCCESS);
        assertTrue(usage.releasedWithin(List.of(DUMMY), Long.MAX_VALUE));
        assertFalse(usage.releasedWithin(List.of(DUMMY), 0), "not within no time at all");
        assertFalse(usage.releasedWithin(List.of(VIP), Long.MAX_VALUE), "another agent");
    }
}
