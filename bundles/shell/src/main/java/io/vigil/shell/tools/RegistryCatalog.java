package io.vigil.shell.tools;

import java.util.Optional;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.AgentParameters;

/** The agents installed on this node, as the CIB validator asks about them (for crm_verify). */
final class RegistryCatalog implements AgentCatalog {

    private final AgentRegistry registry;

    RegistryCatalog(AgentRegistry registry) {
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
