package io.vigil.api.agent;

import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent types installed on this node right now. Implemented by Vigil; agent bundles never implement it.
 * The answers change as agent bundles are installed, upgraded and removed.
 */
@ProviderType
public interface AgentRegistry {

    /** The installed agent types, sorted by their {@code class:provider:type} name. */
    SortedSet<AgentId> agentIds();

    /** The agent service for a type, if one is installed. */
    Optional<ResourceAgent> agent(AgentId id);

    /** The metadata of an installed type. */
    default Optional<AgentMetadata> metadata(AgentId id) {
        return agent(id).map(ResourceAgent::metadata);
    }
}
