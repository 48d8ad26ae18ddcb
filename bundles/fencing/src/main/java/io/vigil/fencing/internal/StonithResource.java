package io.vigil.fencing.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.fence.FenceAction;
import io.vigil.api.fence.FenceAgent;
import io.vigil.api.fence.FenceRequest;
import io.vigil.api.fence.FenceResult;

/**
 * A fence device as the resource manager sees it ({@code stonith:<agent>} primitives): starting it enables the
 * device on a node, monitoring it checks the device with the agent's {@code monitor} action, stopping disables
 * it. Registered as a resource agent for every installed fence agent.
 */
final class StonithResource implements ResourceAgent {

    private final FenceAgent agent;
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    StonithResource(FenceAgent agent) {
        this.agent = agent;
    }

    @Override
    public AgentMetadata metadata() {
        return agent.metadata();
    }

    @Override
    public AgentResult execute(ActionRequest request) {
        switch (request.action()) {
            case START:
                started.add(request.resourceId());
                return AgentResult.success();
            case STOP:
                started.remove(request.resourceId());
                return AgentResult.success();
            case MONITOR:
                if (!started.contains(request.resourceId()) && !request.isProbe()) {
                    return AgentResult.notRunning("fence device " + request.resourceId() + " is not enabled here");
                }
                if (!started.contains(request.resourceId())) {
                    return AgentResult.notRunning("");
                }
                FenceResult r = agent.execute(new FenceRequest(request.resourceId(), FenceAction.MONITOR, null,
                        request.parameters(), request.timeout().isZero() ? Duration.ofSeconds(20)
                                : request.timeout()));
                return r.isSuccess() ? AgentResult.success() : AgentResult.error(OcfExitCode.ERR_GENERIC,
                        "fence device " + request.resourceId() + " failed its check: " + r.output());
            case META_DATA:
                return AgentResult.of(OcfExitCode.SUCCESS, agent.metadata().toXml());
            case VALIDATE_ALL:
                return AgentResult.success();
            default:
                return AgentResult.error(OcfExitCode.ERR_UNIMPLEMENTED, "fence devices do not " + request.action());
        }
    }

    /** The service properties that make this a {@code stonith:<agent>} resource agent. */
    static Map<String, Object> properties(String agentName) {
        return Map.of(ResourceAgent.AGENT_CLASS, "stonith", ResourceAgent.AGENT_TYPE, agentName);
    }
}
