package io.vigil.cib.model;

import java.util.List;

/**
 * A fencing-level: for one target (name, pattern, or attribute = value), the devices of level {@code index}
 * (1-9) that must all succeed. {@code index} keeps the configured text; {@link #level()} parses it.
 */
public record FencingLevel(String id, String target, String targetPattern, String targetAttribute,
                           String targetValue, String index, List<String> devices) {

    public FencingLevel {
        devices = Lists.copy(devices);
    }

    /** The level number, or -1 when the index is not a number. */
    public int level() {
        try {
            return Integer.parseInt(index.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
