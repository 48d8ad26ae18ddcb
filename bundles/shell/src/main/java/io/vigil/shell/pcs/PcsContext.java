package io.vigil.shell.pcs;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.cib.model.CibSnapshot;

/**
 * What the pcs translator reads besides the words: the current CIB (to find resources and constraints), the
 * installed agents (to resolve short names and check parameters), this node's name (pcs node standby without a
 * node) and the time (lifetimes of move/ban).
 */
public record PcsContext(CibSnapshot cib, Collection<AgentId> agents,
        Function<AgentId, Optional<AgentMetadata>> metadata, String localNode, Instant now) {
}
