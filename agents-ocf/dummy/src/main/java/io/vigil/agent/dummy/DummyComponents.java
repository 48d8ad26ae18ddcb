package io.vigil.agent.dummy;

import io.vigil.api.agent.ResourceAgent;

import org.osgi.service.component.annotations.Component;

/**
 * Registers the Dummy agent under both names Pacemaker users meet it by: {@code ocf:pacemaker:Dummy} and
 * {@code ocf:heartbeat:Dummy}.
 */
final class DummyComponents {

    private DummyComponents() {
    }

    /** {@code ocf:pacemaker:Dummy}. */
    @Component(service = ResourceAgent.class, property = {ResourceAgent.AGENT_CLASS + "=ocf",
        ResourceAgent.AGENT_PROVIDER + "=pacemaker", ResourceAgent.AGENT_TYPE + "=Dummy"})
    public static final class Pacemaker extends DummyAgent {
        public Pacemaker() {
            super("Dummy");
        }
    }

    /** {@code ocf:heartbeat:Dummy}. */
    @Component(service = ResourceAgent.class, property = {ResourceAgent.AGENT_CLASS + "=ocf",
        ResourceAgent.AGENT_PROVIDER + "=heartbeat", ResourceAgent.AGENT_TYPE + "=Dummy"})
    public static final class Heartbeat extends DummyAgent {
        public Heartbeat() {
            super("Dummy");
        }
    }
}
