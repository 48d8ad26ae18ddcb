package io.vigil.shell.syntax;

import java.util.List;

/**
 * A command line that cannot be understood. The message names the problem, then repeats the line with the
 * offending token underlined, so that an administrator sees at once what to change.
 */
public class CommandSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final List<String> tokens;
    private final int index;

    /**
     * @param reason what is wrong, e.g. "unknown option 'stickyness' — did you mean 'resource-stickiness'?"
     * @param tokens the whole command line, command name included
     * @param index the offending token, or {@code tokens.size()} when a word is missing at the end
     */
    public CommandSyntaxException(String reason, List<String> tokens, int index) {
        super(render(reason, tokens, index));
        this.reason = reason;
        this.tokens = List.copyOf(tokens);
        this.index = index;
    }

    /** The problem alone, without the underlined line. */
    public String reason() {
        return reason;
    }

    /** The offending token's position in {@link #tokens()} ({@code tokens().size()}: missing at the end). */
    public int index() {
        return index;
    }

    public List<String> tokens() {
        return tokens;
    }

    /** The offending token, or null when a word is missing at the end. */
    public String token() {
        return index < tokens.size() ? tokens.get(index) : null;
    }

    private static String render(String reason, List<String> tokens, int index) {
        StringBuilder line = new StringBuilder("  ");
        int at = -1;
        int width = 1;
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                line.append(' ');
            }
            if (i == index) {
                at = line.length();
                width = Math.max(1, tokens.get(i).length());
            }
            line.append(tokens.get(i));
        }
        if (at < 0) {
            at = line.length() + 1;
        }
        return reason + "\n" + line + "\n" + " ".repeat(at) + "^".repeat(width);
    }
}
