package io.vigil.shell.crm.syntax;

import io.vigil.cib.model.TimeSpec;

/** crmsh durations: {@code 10s}, {@code 1m}, {@code 20} (seconds), {@code 500ms}, ISO 8601 {@code PT10S}. */
final class Durations {

    private Durations() {
    }

    static boolean isDuration(String text) {
        return TimeSpec.toMillis(text).isPresent();
    }
}
