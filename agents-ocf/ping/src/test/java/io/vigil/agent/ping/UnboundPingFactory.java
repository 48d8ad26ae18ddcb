package io.vigil.agent.ping;

import java.util.List;
import java.util.function.BiFunction;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/** Test-only: a ping agent that never gets the attribute service (as before the controller is up). */
public final class UnboundPingFactory implements BiFunction<NodeAttributes, List<String>, ResourceAgent> {

    @Override
    public ResourceAgent apply(NodeAttributes attributes, List<String> args) {
        return new PingAgent();
    }
}
