package io.vigil.api.agent;

import java.util.Locale;
import java.util.Optional;

/** The actions of the OCF 1.1 resource-agent API. */
public enum AgentAction {
    START,
    STOP,
    MONITOR,
    META_DATA,
    VALIDATE_ALL,
    PROMOTE,
    DEMOTE,
    NOTIFY,
    RELOAD,
    RELOAD_AGENT,
    MIGRATE_TO,
    MIGRATE_FROM;

    /** The action's name as OCF spells it ({@code meta-data}, {@code validate-all}, {@code migrate_to}, …). */
    public String ocfName() {
        switch (this) {
            case META_DATA:
                return "meta-data";
            case VALIDATE_ALL:
                return "validate-all";
            case RELOAD_AGENT:
                return "reload-agent";
            default:
                return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The action for an OCF action name; {@code status} is accepted as the LSB spelling of {@code monitor}. */
    public static Optional<AgentAction> fromOcfName(String name) {
        if ("status".equals(name)) {
            return Optional.of(MONITOR);
        }
        for (AgentAction a : values()) {
            if (a.ocfName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return ocfName();
    }
}
