package io.vigil.agent.ocfbridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.vigil.agent.testkit.TestEnvironment;
import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentEnvironment;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ResourceAgent;

/** Runs agent actions in the test JVM for agents that touch only files (Dummy, Stateful): no network at all. */
final class LocalRun {

    private final Path run;
    private final String node;

    LocalRun(Path run, String node) {
        this.run = run;
        this.node = node;
    }

    AgentResult run(ResourceAgent agent, String rsc, AgentAction action, Map<String, String> params,
            Duration interval) {
        AgentEnvironment env = new TestEnvironment(node, run);
        return agent.execute(new ActionRequest(rsc, action, params, Map.of(), Duration.ofSeconds(20), interval,
                env));
    }
}
