package io.vigil.api.agent.support;

import java.util.function.Function;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.attribute.NodeAttributes;

/**
 * A {@link ConfiguredAgent} that sets node attributes (ping's {@code pingd}, DRBD's promotion scores) through the
 * node attribute service when one is present. The registering component binds the service to
 * {@link #bindNodeAttributes} / {@link #unbindNodeAttributes} as an optional, dynamic reference.
 *
 * @param <C> the checked parameters of one request
 */
public abstract class AttributeAgent<C> extends ConfiguredAgent<C> {

    private volatile NodeAttributes attributes;

    protected AttributeAgent(AgentMetadata metadata, Function<ActionRequest, Object> validator) {
        super(metadata, validator);
    }

    /** Gives the agent the node attribute service. */
    public void bindNodeAttributes(NodeAttributes service) {
        this.attributes = service;
    }

    /** Takes the service away again (if it is still the bound one). */
    public void unbindNodeAttributes(NodeAttributes service) {
        if (this.attributes == service) {
            this.attributes = null;
        }
    }

    /** The node attribute service, or {@code null} while none is bound. */
    protected final NodeAttributes attributes() {
        return attributes;
    }
}
