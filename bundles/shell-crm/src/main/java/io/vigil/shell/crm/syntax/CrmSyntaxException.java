package io.vigil.shell.crm.syntax;

import java.util.List;

/**
 * Bad crm input. The message names the problem and, when a token is at fault, shows the line with the token
 * underlined, e.g.
 * <pre>
 * unknown keyword 'parms' in primitive vip — did you mean 'params'?
 *   crm configure primitive vip ocf:heartbeat:IPaddr2 parms ip=10.0.0.1
 *                                                      ^^^^^
 * </pre>
 * An {@link IllegalArgumentException}, so the shell shows it to the administrator as it is.
 */
public class CrmSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    public CrmSyntaxException(String problem) {
        super(problem);
        this.problem = problem;
    }

    private CrmSyntaxException(String problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** The problem at {@code at} (a word index into {@code line}); a negative index points past the end. */
    public static CrmSyntaxException at(List<Token> line, int at, String problem) {
        StringBuilder text = new StringBuilder("  crm");
        int start = -1;
        int width = 1;
        for (Token t : line) {
            text.append(' ');
            if (t.index() == at) {
                start = text.length();
                width = Math.max(1, t.text().length());
            }
            text.append(display(t.text()));
        }
        if (start < 0) {
            start = text.length() + 1; // past the end: the missing word
        }
        String pointer = " ".repeat(start) + "^".repeat(width);
        return new CrmSyntaxException(problem, problem + "\n" + text + "\n" + pointer);
    }

    private static String display(String word) {
        return word.isEmpty() || word.chars().anyMatch(Character::isWhitespace) ? '"' + word + '"' : word;
    }

    /** The first line of the message: what is wrong, without the pointer. */
    public String problem() {
        return problem;
    }
}
