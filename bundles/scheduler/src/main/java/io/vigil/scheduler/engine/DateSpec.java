package io.vigil.scheduler.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Map;

/** date_spec matching: each given field (hours, weekdays, monthdays, ...) must contain the value of now. */
final class DateSpec {
    private DateSpec() {
    }

    static boolean matches(Map<String, String> spec, Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        return in(spec.get("years"), t.getYear())
                && in(spec.get("months"), t.getMonthValue())
                && in(spec.get("monthdays"), t.getDayOfMonth())
                && in(spec.get("hours"), t.getHour())
                && in(spec.get("minutes"), t.getMinute())
                && in(spec.get("seconds"), t.getSecond())
                && in(spec.get("yeardays"), t.getDayOfYear())
                && in(spec.get("weekdays"), t.getDayOfWeek().getValue())
                && in(spec.get("weeks"), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                && in(spec.get("weekyears"), t.get(IsoFields.WEEK_BASED_YEAR));
    }

    private static boolean in(String range, int v) {
        if (range == null || range.isBlank()) {
            return true;
        }
        String r = range.trim();
        int dash = r.indexOf('-', 1);
        try {
            if (dash > 0) {
                return v >= Integer.parseInt(r.substring(0, dash).trim())
                        && v <= Integer.parseInt(r.substring(dash + 1).trim());
            }
            return v == Integer.parseInt(r);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
