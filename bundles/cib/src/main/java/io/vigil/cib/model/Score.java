package io.vigil.cib.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A Pacemaker score: an integer clamped to [-INFINITY, +INFINITY] where INFINITY is 1,000,000.
 * Addition saturates, and -INFINITY wins over +INFINITY (a ban beats a preference).
 */
public record Score(int value) implements Comparable<Score> {

    public static final int INFINITY_VALUE = 1_000_000;
    public static final Score INFINITY = new Score(INFINITY_VALUE);
    public static final Score MINUS_INFINITY = new Score(-INFINITY_VALUE);
    public static final Score ZERO = new Score(0);

    public Score {
        value = clamp(value);
    }

    public static Score of(long value) {
        return new Score(clamp(value));
    }

    private static int clamp(long v) {
        return (int) Math.max(-INFINITY_VALUE, Math.min(INFINITY_VALUE, v));
    }

    /** Parses "INFINITY", "+INFINITY", "-INFINITY", "inf" variants (any case) and integers (clamped). */
    public static Score parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a score: '" + text + "' (use an integer, INFINITY or -INFINITY)"));
    }

    public static Optional<Score> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "infinity", "+infinity", "inf", "+inf":
                return Optional.of(INFINITY);
            case "-infinity", "-inf":
                return Optional.of(MINUS_INFINITY);
            default:
                break;
        }
        if (!t.matches("[+-]?\\d+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t)));
        } catch (NumberFormatException tooLong) {
            return Optional.of(t.startsWith("-") ? MINUS_INFINITY : INFINITY);
        }
    }

    /** Pacemaker's saturating sum: -INFINITY dominates, then +INFINITY, else clamp. */
    public Score plus(Score other) {
        if (value == -INFINITY_VALUE || other.value == -INFINITY_VALUE) {
            return MINUS_INFINITY;
        }
        if (value == INFINITY_VALUE || other.value == INFINITY_VALUE) {
            return INFINITY;
        }
        return of((long) value + other.value);
    }

    public boolean isInfinite() {
        return Math.abs(value) == INFINITY_VALUE;
    }

    public boolean isPositiveInfinity() {
        return value == INFINITY_VALUE;
    }

    public boolean isNegativeInfinity() {
        return value == -INFINITY_VALUE;
    }

    @Override
    public int compareTo(Score o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        if (value == INFINITY_VALUE) {
            return "INFINITY";
        }
        if (value == -INFINITY_VALUE) {
            return "-INFINITY";
        }
        return Integer.toString(value);
    }
}
