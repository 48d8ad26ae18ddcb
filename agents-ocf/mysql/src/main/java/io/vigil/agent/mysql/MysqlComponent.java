package io.vigil.agent.mysql;

import org.osgi.service.component.annotations.Component;

import io.vigil.api.agent.ResourceAgent;

/** Registers {@link MysqlAgent} as {@code ocf:heartbeat:mysql}. */
@Component(service = ResourceAgent.class, property = {ResourceAgent.AGENT_CLASS + "=ocf",
    ResourceAgent.AGENT_PROVIDER + "=heartbeat", ResourceAgent.AGENT_TYPE + "=mysql"})
public final class MysqlComponent extends MysqlAgent {
}
