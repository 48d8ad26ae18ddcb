package io.vigil.executor.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentId;

/**
 * One resource operation to run on this node: an agent action with its parameters, timeout and, for recurring
 * monitors, interval.
 *
 * @param resourceId the resource instance ({@code vip}, {@code ping:1})
 * @param agent the agent type
 * @param action the action
 * @param interval the interval of a recurring monitor, {@link Duration#ZERO} for one-shot operations
 * @param timeout how long one run may take
 * @param parameters the resource's instance attributes
 * @param meta meta attributes passed to the agent ({@code OCF_RESKEY_CRM_meta_*} without the prefix)
 * @param tag an opaque label the requester uses to recognise the result (Pacemaker's transition key), may be empty
 */
public record OperationRequest(String resourceId, AgentId agent, AgentAction action, Duration interval,
        Duration timeout, Map<String, String> parameters, Map<String, String> meta, String tag) {

    public OperationRequest {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        interval = interval == null ? Duration.ZERO : interval;
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("operation " + key(resourceId, action, interval)
                    + ": timeout must be positive");
        }
        parameters = Map.copyOf(parameters);
        meta = Map.copyOf(meta);
        tag = tag == null ? "" : tag;
    }

    /** Whether this is a recurring operation. */
    public boolean isRecurring() {
        return !interval.isZero();
    }

    /** Pacemaker's operation key, {@code RSC_ACTION_INTERVALMS} (e.g. {@code vip_monitor_10000}). */
    public String key() {
        return key(resourceId, action, interval);
    }

    static String key(String resourceId, AgentAction action, Duration interval) {
        return resourceId + "_" + action.ocfName() + "_" + interval.toMillis();
    }
}
