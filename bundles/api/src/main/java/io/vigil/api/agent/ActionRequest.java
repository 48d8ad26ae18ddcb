package io.vigil.api.agent;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One action the executor asks an agent to perform.
 *
 * @param resourceId the resource instance ({@code OCF_RESOURCE_INSTANCE}, e.g. {@code vip} or {@code ping:1})
 * @param action the action
 * @param parameters the resource's instance attributes ({@code OCF_RESKEY_<name>}); unmodifiable
 * @param meta meta attributes passed as {@code OCF_RESKEY_CRM_meta_<name>} (without the prefix); unmodifiable
 * @param timeout how long the action may take; the executor enforces it
 * @param interval the interval of a recurring monitor, {@link Duration#ZERO} for one-shot actions
 * @param environment the node the action runs on
 */
public record ActionRequest(String resourceId, AgentAction action, Map<String, String> parameters,
        Map<String, String> meta, Duration timeout, Duration interval, AgentEnvironment environment) {

    public ActionRequest {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(action, "action");
        parameters = Map.copyOf(parameters);
        meta = Map.copyOf(meta);
        Objects.requireNonNull(timeout, "timeout");
        interval = interval == null ? Duration.ZERO : interval;
        Objects.requireNonNull(environment, "environment");
    }

    /** A parameter's value, or the given default when the resource does not set it. */
    public String parameter(String name, String defaultValue) {
        String v = parameters.get(name);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    /** The OCF check level of a monitor ({@code OCF_CHECK_LEVEL}), 0 when not set or not a number. */
    public int checkLevel() {
        String v = parameters.getOrDefault("OCF_CHECK_LEVEL", meta.getOrDefault("OCF_CHECK_LEVEL", "0"));
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether this is a probe: a one-shot monitor that discovers the resource's state. */
    public boolean isProbe() {
        return action == AgentAction.MONITOR && interval.isZero();
    }
}
