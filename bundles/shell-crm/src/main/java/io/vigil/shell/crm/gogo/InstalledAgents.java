package io.vigil.shell.crm.gogo;

import java.util.Optional;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.AgentParameters;

/**
 * The agents installed on this node, for the validator: a session line naming an unknown parameter or leaving out
 * a required one is refused as it is typed, not only at commit.
 */
final class InstalledAgents implements AgentCatalog {

    private final AgentRegistry registry;

    InstalledAgents(AgentRegistry registry) {
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
