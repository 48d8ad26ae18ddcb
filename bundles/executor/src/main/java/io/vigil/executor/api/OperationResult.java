package io.vigil.executor.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.vigil.api.agent.AgentResult;

/**
 * The result of one run of an operation.
 *
 * @param request what was run
 * @param result what the agent said (or why it could not run)
 * @param callId this node's sequence number for the run, increasing
 * @param started when the run started (wall clock, for history and display only)
 * @param duration how long it took
 */
public record OperationResult(OperationRequest request, AgentResult result, long callId, Instant started,
        Duration duration) {

    public OperationResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
    }
}
