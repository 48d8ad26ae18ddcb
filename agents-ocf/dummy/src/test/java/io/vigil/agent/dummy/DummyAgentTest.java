package io.vigil.agent.dummy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.vigil.agent.testkit.TestEnvironment;
import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentEnvironment;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DummyAgentTest {

    @TempDir
    Path run;

    private final DummyAgent agent = new DummyAgent("Dummy");

    private AgentResult run(String rsc, AgentAction action, Map<String, String> params, String node) {
        AgentEnvironment env = new TestEnvironment(node, run);
        return agent.execute(new ActionRequest(rsc, action, params, Map.of(), Duration.ofSeconds(20), Duration.ZERO,
                env));
    }

    private AgentResult run(AgentAction action) {
        return run("d1", action, Map.of(), "n1");
    }

    @Test
    void lifecycleIsIdempotentAndMonitorTracksTheStateFile() {
        assertEquals(OcfExitCode.NOT_RUNNING, run(AgentAction.MONITOR).exitCode());
        assertTrue(run(AgentAction.STOP).isSuccess(), "stop of a stopped resource succeeds");
        assertTrue(run(AgentAction.START).isSuccess());
        assertTrue(Files.exists(run.resolve("Dummy-d1.state")));
        assertTrue(run(AgentAction.START).isSuccess(), "start of a running resource succeeds");
        assertEquals(OcfExitCode.SUCCESS, run(AgentAction.MONITOR).exitCode());
        assertTrue(run(AgentAction.STOP).isSuccess());
        assertFalse(Files.exists(run.resolve("Dummy-d1.state")));
        assertEquals(OcfExitCode.NOT_RUNNING, run(AgentAction.MONITOR).exitCode());
    }

    @Test
    void removingTheStateFileBehindTheAgentsBackIsSeenByMonitor() throws Exception {
        assertTrue(run(AgentAction.START).isSuccess());
        Files.delete(run.resolve("Dummy-d1.state"));
        assertEquals(OcfExitCode.NOT_RUNNING, run(AgentAction.MONITOR).exitCode());
    }

    @Test
    void instancesAreIndependentAndCloneNumbersAreFileSafe() {
        assertTrue(run("clone:0", AgentAction.START, Map.of(), "n1").isSuccess());
        assertEquals(OcfExitCode.NOT_RUNNING, run("clone:1", AgentAction.MONITOR, Map.of(), "n1").exitCode());
        assertTrue(Files.exists(run.resolve("Dummy-clone_0.state")));
    }

    @Test
    void explicitStateFileAndFailStartOn() {
        Map<String, String> params = new HashMap<>();
        params.put("state", run.resolve("custom.state").toString());
        params.put("fail_start_on", "n2");
        assertTrue(run("d", AgentAction.START, params, "n1").isSuccess());
        assertTrue(Files.exists(run.resolve("custom.state")));
        AgentResult failed = run("d2", AgentAction.START, Map.of("fail_start_on", "n2"), "n2");
        assertEquals(OcfExitCode.ERR_GENERIC, failed.exitCode());
        assertTrue(failed.output().contains("fail_start_on"), failed.output());
    }

    @Test
    void badParametersAreConfigurationErrorsNotExceptions() {
        AgentResult r = run("d", AgentAction.START, Map.of("op_sleep", "soon"), "n1");
        assertEquals(OcfExitCode.ERR_CONFIGURED, r.exitCode());
        assertTrue(r.output().contains("op_sleep"), r.output());
        AgentResult missingDir = run("d", AgentAction.START, Map.of("state", "/nonexistent/dir/x.state"), "n1");
        assertEquals(OcfExitCode.ERR_ARGS, missingDir.exitCode());
        assertTrue(missingDir.output().contains("/nonexistent/dir"), missingDir.output());
    }

    @Test
    void unsupportedActionsAreUnimplementedAndMetadataIsXml() {
        assertEquals(OcfExitCode.ERR_UNIMPLEMENTED, run(AgentAction.PROMOTE).exitCode());
        AgentResult md = run(AgentAction.META_DATA);
        assertTrue(md.isSuccess());
        assertTrue(md.output().contains("<resource-agent name=\"Dummy\""), md.output());
    }
}
