package io.vigil.cib.model;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pacemaker time specifications: a bare number means seconds; suffixes ms, s, m/min, h/hr; ISO 8601
 * durations such as "PT30S" or "P10S" (Pacemaker accepts the time part without the "T").
 */
public final class TimeSpec {

    private static final Pattern SIMPLE = Pattern.compile("\\s*(\\d+)\\s*(ms|msec|us|usec|s|sec|m|min|h|hr)?\\s*");
    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?T?(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?");

    private TimeSpec() {
    }

    /** Milliseconds, or empty when the text is not a time specification. */
    public static OptionalLong toMillis(String text) {
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        String t = text.trim();
        Matcher m = SIMPLE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            return OptionalLong.of(switch (unit) {
                case "ms", "msec" -> n;
                case "us", "usec" -> n / 1000;
                case "m", "min" -> n * 60_000;
                case "h", "hr" -> n * 3_600_000;
                default -> n * 1000;
            });
        }
        Matcher iso = ISO.matcher(t.toUpperCase(Locale.ROOT));
        if (iso.matches() && t.length() > 1) {
            long[] unitMs = {365L * 86_400_000, 30L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000};
            long total = 0;
            for (int i = 0; i < unitMs.length; i++) {
                String g = iso.group(i + 1);
                if (g != null) {
                    total += Long.parseLong(g) * unitMs[i];
                }
            }
            return OptionalLong.of(total);
        }
        return OptionalLong.empty();
    }
}
