package io.vigil.shell.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for the cases administrators type: blanks separate
 * words, single quotes keep everything literally, double quotes keep blanks, a backslash escapes the next
 * character. Used where a line arrives as text (crm's interactive lines, tests); Gogo splits its own lines.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** @throws IllegalArgumentException when a quote is not closed */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + (quote == '"' ? "double" : "single")
                    + " quote in: " + line);
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
