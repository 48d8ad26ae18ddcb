package io.vigil.shell.syntax;

import java.util.Optional;

import io.vigil.cib.model.Score;

/** Scores as administrators write them: integers, INFINITY, +INFINITY, -INFINITY (and crmsh's inf / -inf). */
public final class Scores {

    private Scores() {
    }

    public static Optional<Score> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        switch (t.toLowerCase()) {
            case "infinity", "+infinity", "inf", "+inf" -> {
                return Optional.of(Score.INFINITY);
            }
            case "-infinity", "-inf" -> {
                return Optional.of(Score.MINUS_INFINITY);
            }
            default -> {
                if (!t.matches("[+-]?\\d{1,12}")) {
                    return Optional.empty();
                }
                return Optional.of(Score.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t)));
            }
        }
    }

    /** The score at the cursor's next word, or an error naming it. */
    public static Score next(Tokens t, String what) {
        String w = t.next(what);
        return parse(w).orElseThrow(() -> t.errorAtPrevious("'" + w + "' is not a score (an integer, INFINITY or "
                + "-INFINITY)"));
    }

    /** Pacemaker's way to write a score back. */
    public static String text(Score s) {
        if (s.value() >= Score.INFINITY_VALUE) {
            return "INFINITY";
        }
        if (s.value() <= -Score.INFINITY_VALUE) {
            return "-INFINITY";
        }
        return Integer.toString(s.value());
    }
}
