package io.vigil.cib.manager.api;

import java.util.Optional;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.AgentParameters;

/**
 * The agents installed on this node, as the CIB validator asks about them: the one adapter from the agent registry
 * to {@link AgentCatalog}, shared by the CIB manager (commit checks), crm_verify and crm's configure sessions so all
 * three judge agent parameters alike. An agent name the registry cannot hold is simply not installed.
 */
public final class RegistryCatalog implements AgentCatalog {

    private final AgentRegistry registry;

    public RegistryCatalog(AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<AgentParameters> lookup(String standard, String provider, String type) {
        AgentId id;
        try {
            id = new AgentId(standard, provider, type);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return registry.metadata(id).map(md -> new AgentParameters(md.parameters().stream()
                .map(p -> new AgentParameters.Parameter(p.name(), p.required())).toList()));
    }
}
