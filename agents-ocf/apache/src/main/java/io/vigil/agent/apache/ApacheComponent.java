package io.vigil.agent.apache;

import org.osgi.service.component.annotations.Component;

import io.vigil.api.agent.ResourceAgent;

/** Registers {@link ApacheAgent} as {@code ocf:heartbeat:apache}. */
@Component(service = ResourceAgent.class, property = {ResourceAgent.AGENT_CLASS + "=ocf",
    ResourceAgent.AGENT_PROVIDER + "=heartbeat", ResourceAgent.AGENT_TYPE + "=apache"})
public final class ApacheComponent extends ApacheAgent {
}
