package io.vigil.api.fence;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One action the fencer asks a fence agent to perform.
 *
 * @param deviceId the fence device's id in the CIB
 * @param action the action
 * @param target the node to act on ({@code port}/{@code plug} for RHCS agents); {@code null} for list/monitor
 * @param parameters the device's instance attributes; unmodifiable
 * @param timeout how long the action may take; the fencer enforces it
 */
public record FenceRequest(String deviceId, FenceAction action, String target, Map<String, String> parameters,
        Duration timeout) {

    public FenceRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(action, "action");
        if (action.needsTarget() && (target == null || target.isEmpty())) {
            throw new IllegalArgumentException("fence action '" + action.agentName() + "' on device '" + deviceId
                    + "' needs a target node");
        }
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(timeout, "timeout");
    }
}
