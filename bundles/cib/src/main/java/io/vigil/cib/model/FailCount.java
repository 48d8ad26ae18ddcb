package io.vigil.cib.model;

import java.util.Optional;

/**
 * A fail count or last-failure transient attribute: {@code fail-count-RSC#OP_INTERVAL} or the older
 * {@code fail-count-RSC} (operation and interval null).
 */
public record FailCount(String resource, String operation, String interval, String value) {

    public static final String FAIL_COUNT = "fail-count-";
    public static final String LAST_FAILURE = "last-failure-";

    /** Parses an attribute name with the given prefix; empty when the name is not of that form. */
    public static Optional<FailCount> parse(String prefix, String attribute, String value) {
        if (attribute == null || !attribute.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = attribute.substring(prefix.length());
        int hash = rest.lastIndexOf('#');
        if (hash < 0) {
            return Optional.of(new FailCount(rest, null, null, value));
        }
        String opAndInterval = rest.substring(hash + 1);
        int underscore = opAndInterval.lastIndexOf('_');
        if (underscore < 0) {
            return Optional.of(new FailCount(rest.substring(0, hash), opAndInterval, null, value));
        }
        return Optional.of(new FailCount(rest.substring(0, hash), opAndInterval.substring(0, underscore),
                opAndInterval.substring(underscore + 1), value));
    }

    public Score count() {
        return Score.tryParse(value).orElse(Score.ZERO);
    }

    public static String attributeName(String prefix, String resource, String operation, long intervalMs) {
        return prefix + resource + "#" + operation + "_" + intervalMs;
    }
}
