package io.vigil.cib.model;

import java.util.Locale;
import java.util.Optional;

/** Pacemaker's boolean spellings: true/on/yes/y/1 and false/off/no/n/0, any case. */
public final class Truth {
    private Truth() {
    }

    public static Optional<Boolean> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "y", "1" -> Optional.of(Boolean.TRUE);
            case "false", "off", "no", "n", "0" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    public static boolean isTrue(String text) {
        return parse(text).orElse(false);
    }
}
