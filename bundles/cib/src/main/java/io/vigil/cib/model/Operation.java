package io.vigil.cib.model;

import java.util.Map;

/**
 * An operation definition of a primitive. {@code interval} and {@code timeout} keep the configured text
 * ("60s", "P10S"); {@link #intervalMs()} gives the value Pacemaker uses. Attributes Vigil has no field for
 * (start-delay, enabled, interval-origin, ...) are kept in {@code otherAttributes}.
 */
public record Operation(String id, String name, String interval, String timeout, String role, String onFail,
                        Map<String, String> otherAttributes, AttributeSets metaAttributes,
                        AttributeSets instanceAttributes) {

    public Operation {
        otherAttributes = Lists.copy(otherAttributes);
        metaAttributes = metaAttributes == null ? AttributeSets.EMPTY : metaAttributes;
        instanceAttributes = instanceAttributes == null ? AttributeSets.EMPTY : instanceAttributes;
    }

    /** Interval in milliseconds; 0 when absent, -1 when the text is not a time specification. */
    public long intervalMs() {
        if (interval == null) {
            return 0;
        }
        return TimeSpec.toMillis(interval).orElse(-1);
    }

    /** Timeout in milliseconds, or -1 when not set here (op_defaults or 20 s then apply). */
    public long timeoutMs() {
        return timeout == null ? -1 : TimeSpec.toMillis(timeout).orElse(-1);
    }
}
