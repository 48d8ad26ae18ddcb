package io.vigil.executor.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.vigil.api.agent.AgentAction;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs resource operations on this node through the installed agents. Operations on one resource run one at a
 * time, in submission order; different resources run in parallel (bounded). Every run is bounded by its timeout,
 * and every failure, including an agent that throws or is not installed, is a result, never an exception.
 */
@ProviderType
public interface ResourceExecutor {

    /**
     * Runs a one-shot operation, or starts a recurring one. The stage completes with the result of the (first)
     * run; it never completes exceptionally. Starting a recurring operation that already runs replaces it.
     */
    CompletionStage<OperationResult> execute(OperationRequest request);

    /** Stops a recurring operation; returns whether one was running. */
    boolean cancel(String resourceId, AgentAction action, Duration interval);

    /** Stops every recurring operation of a resource (before it is stopped or moved). */
    void cancelAll(String resourceId);

    /** The recurring operations running now. */
    List<OperationRequest> recurring();

    void addListener(OperationListener listener);

    void removeListener(OperationListener listener);
}
