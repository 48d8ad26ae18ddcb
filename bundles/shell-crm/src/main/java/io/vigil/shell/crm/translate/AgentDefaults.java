package io.vigil.shell.crm.translate;

import java.util.Optional;

/**
 * What the installed agent says when the administrator leaves something out: the interval of its monitor action
 * (used for {@code op monitor} written without {@code interval=}).
 */
@FunctionalInterface
public interface AgentDefaults {

    /** Used when the agent is unknown or says nothing: Pacemaker tools' usual monitor interval. */
    String FALLBACK_MONITOR_INTERVAL = "60s";

    /** An agent that says nothing. */
    AgentDefaults NONE = (standard, provider, type) -> Optional.empty();

    Optional<String> monitorInterval(String standard, String provider, String type);
}
