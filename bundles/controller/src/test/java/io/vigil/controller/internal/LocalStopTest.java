package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.vigil.cib.model.LrmRscOp;

import org.junit.jupiter.api.Test;

/**
 * The lease guard's stop of exclusive resources: handed to the executor on the calling thread, before any logging
 * or recording (which come later, on other threads), with the real resource manager and an in-memory agent set.
 */
class LocalStopTest {

    @Test
    void beginStopsIssuesTheStopOnTheCallingThreadAndRecordsItLater() {
        ManualLoop recorder = new ManualLoop(); // not run until the test says so: recording is not on the path
        LocalCib cib = new LocalCib(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY));
        InMemoryAgents agents = new InMemoryAgents();
        LocalResourceManager lrm = new LocalResourceManager("n1", agents, cib,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), recorder, () -> true);
        lrm.join("1", 1, false);
        lrm.execute(new ExecRequest("1:1:0:n1", "dummy", "ocf", "pacemaker", "Dummy", "start", 0, 20_000, 0,
                Map.of()));
        recorder.runDue();
        assertTrue(agents.isActive("dummy"));
        assertEquals(List.of("dummy"), lrm.activeResources(r -> true));

        var stops = lrm.beginStops(List.of("dummy"));
        assertFalse(agents.isActive("dummy"), "stopped by the time beginStops returned");
        assertEquals(List.of(), lrm.activeResources(r -> true), "this node's own history knows it at once");
        assertEquals("dummy stop 0", agents.log.get(agents.log.size() - 1), "the agent ran the stop: " + agents.log);
        recorder.runDue();
        lrm.awaitStops(stops, "test");
        LrmRscOp last = cib.current().status().nodeByName("n1").flatMap(n -> n.lrmResource("dummy"))
                .flatMap(l -> l.ops().stream().filter(o -> "dummy_last_0".equals(o.id())).findFirst()).orElseThrow();
        assertEquals("stop", last.operation(), "the local stop is recorded in the CIB afterwards");
    }
}
