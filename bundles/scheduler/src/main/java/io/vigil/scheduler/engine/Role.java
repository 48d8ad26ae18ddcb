package io.vigil.scheduler.engine;

import java.util.Locale;

/** Resource roles in Pacemaker's order (the ordinal matters: comparisons use it). */
enum Role {
    UNKNOWN("Unknown"), STOPPED("Stopped"), STARTED("Started"), UNPROMOTED("Unpromoted"), PROMOTED("Promoted");

    final String text;

    Role(String text) {
        this.text = text;
    }

    static Role parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "stopped" -> STOPPED;
            case "started" -> STARTED;
            case "unpromoted", "slave" -> UNPROMOTED;
            case "promoted", "master" -> PROMOTED;
            default -> UNKNOWN;
        };
    }

    boolean above(Role o) {
        return ordinal() > o.ordinal();
    }

    boolean below(Role o) {
        return ordinal() < o.ordinal();
    }

    /** Immediate next role when going from this role towards {@code target} (Pacemaker's state matrix). */
    Role stepTowards(Role target) {
        return switch (this) {
            case UNKNOWN -> target == UNKNOWN ? UNKNOWN : STOPPED;
            case STOPPED -> switch (target) {
                case STARTED -> STARTED;
                case UNPROMOTED, PROMOTED -> UNPROMOTED;
                default -> STOPPED;
            };
            case STARTED -> switch (target) {
                case STARTED -> STARTED;
                case UNPROMOTED -> UNPROMOTED;
                case PROMOTED -> PROMOTED;
                default -> STOPPED;
            };
            case UNPROMOTED -> switch (target) {
                case UNPROMOTED -> UNPROMOTED;
                case PROMOTED -> PROMOTED;
                default -> STOPPED;
            };
            case PROMOTED -> switch (target) {
                case PROMOTED -> PROMOTED;
                case UNKNOWN -> STOPPED;
                default -> UNPROMOTED;
            };
        };
    }
}
