package io.vigil.cib.validate;

import java.util.Optional;

/**
 * Looks up installed agents' metadata. Implemented by whoever can read agents (the agents bundle);
 * empty means the agent is not installed here, which is only a warning.
 */
@FunctionalInterface
public interface AgentCatalog {

    /** A catalog that knows no agent: parameter checks are skipped without warnings. */
    AgentCatalog NONE = (standard, provider, type) -> Optional.empty();

    Optional<AgentParameters> lookup(String standard, String provider, String type);
}
