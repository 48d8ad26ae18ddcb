package io.vigil.shell.port;

/**
 * The command port's line protocol. The client sends one command per line. For each command the node answers
 * with any number of output lines, each prefixed by {@link #OUT} or {@link #ERR} and a space, then one line
 * {@code "= <exit code>"}. Output containing newlines is split into several lines.
 */
public final class Frame {

    /** Prefix of a line of standard output. */
    public static final char OUT = '1';
    /** Prefix of a line of standard error. */
    public static final char ERR = '2';
    /** Prefix of the line that ends a command's answer, followed by the exit code. */
    public static final char END = '=';

    private Frame() {
    }
}
