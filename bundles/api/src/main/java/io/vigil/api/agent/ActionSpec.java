package io.vigil.api.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * An action an agent supports with its advised timeout and, for monitors, interval (OCF meta-data
 * {@code <action name timeout interval depth role>}).
 *
 * @param action the action
 * @param timeout the advised timeout
 * @param interval the advised interval, {@link Duration#ZERO} for one-shot actions
 * @param depth the OCF check level for monitors, 0 otherwise
 * @param role the role a monitor applies to ({@code Promoted}/{@code Unpromoted}), or {@code null}
 */
public record ActionSpec(AgentAction action, Duration timeout, Duration interval, int depth, String role) {

    public ActionSpec {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
        interval = interval == null ? Duration.ZERO : interval;
    }

    /** A one-shot action with an advised timeout. */
    public static ActionSpec of(AgentAction action, Duration timeout) {
        return new ActionSpec(action, timeout, Duration.ZERO, 0, null);
    }

    /** A recurring action (a monitor) with an advised timeout and interval. */
    public static ActionSpec recurring(AgentAction action, Duration timeout, Duration interval) {
        return new ActionSpec(action, timeout, interval, 0, null);
    }
}
