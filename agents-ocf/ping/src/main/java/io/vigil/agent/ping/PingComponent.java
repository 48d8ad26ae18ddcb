package io.vigil.agent.ping;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/** Registers {@link PingAgent} as {@code ocf:pacemaker:ping}, with the node attribute service when present. */
@Component(service = ResourceAgent.class, reference = @Reference(name = "attributes", service = NodeAttributes.class,
    cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, bind = "bindNodeAttributes",
    unbind = "unbindNodeAttributes"), property = {ResourceAgent.AGENT_CLASS + "=ocf",
    ResourceAgent.AGENT_PROVIDER + "=pacemaker", ResourceAgent.AGENT_TYPE + "=ping"})
public final class PingComponent extends PingAgent {
}
