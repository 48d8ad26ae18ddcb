package io.vigil.api.fence;

import io.vigil.api.agent.AgentMetadata;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fence agent: powers cluster nodes off and on. A fence-agent bundle registers one service per agent with the
 * property {@link #FENCE_AGENT} (e.g. {@code fence_vigil_process}); fence devices in the CIB
 * ({@code stonith:<agent>} primitives) name it.
 *
 * <p>Contract: never throw (every outcome is a {@link FenceResult}); {@code off} on a node that is already off
 * succeeds; a success of {@code off} or {@code reboot} means the target can no longer run resources. The fencer
 * enforces {@link FenceRequest#timeout()} and interrupts the calling thread when it expires. Implementations are
 * thread-safe.
 */
@ConsumerType
public interface FenceAgent {

    /** Service property: the agent's name as used after {@code stonith:} in the CIB. */
    String FENCE_AGENT = "fence.agent";

    /** The agent's meta-data (its parameters and actions). */
    AgentMetadata metadata();

    /** Performs one fence action. Never throws. */
    FenceResult execute(FenceRequest request);
}
