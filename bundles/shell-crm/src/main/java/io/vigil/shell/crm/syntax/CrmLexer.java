package io.vigil.shell.crm.syntax;

import io.vigil.shell.syntax.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a crm line into words the way crmsh's shell-like splitting does (shell's {@link Tokenizer}: blanks,
 * quotes, backslashes), plus crmsh's rule that a '#' starting a line makes it a comment. Used for lines read from
 * files; lines typed into Gogo arrive already split.
 */
public final class CrmLexer {

    private CrmLexer() {
    }

    /** The words of one line; an empty list for a blank or comment line. */
    public static List<String> split(String line) {
        if (line.strip().startsWith("#")) {
            return new ArrayList<>();
        }
        try {
            return Tokenizer.split(line);
        } catch (IllegalArgumentException e) {
            // crm reports a bad script line as a CrmSyntaxException, quoting the line without its indentation
            String reason = e.getMessage();
            throw new CrmSyntaxException(reason.substring(0, reason.length() - line.length()) + line.strip());
        }
    }

    /** Words as tokens numbered from 0. */
    public static List<Token> tokens(List<String> words) {
        List<Token> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(new Token(words.get(i), i));
        }
        return out;
    }
}
