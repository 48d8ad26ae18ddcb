package io.vigil.launcher;

/**
 * A problem with what the user gave us (arguments, config file, environment), reported as one line and an exit
 * code, never as a stack trace.
 */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UsageException(String message) {
        this(message, 2);
    }

    UsageException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
