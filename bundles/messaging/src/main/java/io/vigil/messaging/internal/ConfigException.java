package io.vigil.messaging.internal;

/** A node configuration problem; the message is one line and names the offending field. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
