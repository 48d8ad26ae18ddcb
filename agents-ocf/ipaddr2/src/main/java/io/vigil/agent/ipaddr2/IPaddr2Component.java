package io.vigil.agent.ipaddr2;

import org.osgi.service.component.annotations.Component;

import io.vigil.api.agent.ResourceAgent;

/** Registers {@link IPaddr2Agent} as {@code ocf:heartbeat:IPaddr2}. */
@Component(service = ResourceAgent.class, property = {ResourceAgent.AGENT_CLASS + "=ocf",
    ResourceAgent.AGENT_PROVIDER + "=heartbeat", ResourceAgent.AGENT_TYPE + "=IPaddr2"})
public final class IPaddr2Component extends IPaddr2Agent {
}
