package io.vigil.api.fence;

import java.util.Locale;
import java.util.Optional;

/** The actions of an RHCS-style fence agent. */
public enum FenceAction {
    /** Power the target off. */
    OFF,
    /** Power the target on. */
    ON,
    /** Power the target off and on again. */
    REBOOT,
    /** Report the target's power state. */
    STATUS,
    /** List the targets the device can fence. */
    LIST,
    /** Check that the device itself works. */
    MONITOR;

    /** The action's name as fence agents spell it ({@code off}, {@code reboot}, …). */
    public String agentName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action for a name; {@code poweroff} is accepted for {@code off}. */
    public static Optional<FenceAction> fromName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if ("poweroff".equals(n)) {
            return Optional.of(OFF);
        }
        for (FenceAction a : values()) {
            if (a.agentName().equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Whether the action needs a target node. */
    public boolean needsTarget() {
        return this == OFF || this == ON || this == REBOOT || this == STATUS;
    }
}
