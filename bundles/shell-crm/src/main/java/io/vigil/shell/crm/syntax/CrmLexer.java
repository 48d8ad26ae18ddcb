package io.vigil.shell.crm.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a crm line into words the way crmsh's shell-like splitting does: blanks separate words, single and double
 * quotes group (and are removed), a backslash escapes the next character, and a '#' that starts a line makes it a
 * comment. Used for lines read from files; lines typed into Gogo arrive already split.
 */
public final class CrmLexer {

    private CrmLexer() {
    }

    /** The words of one line; an empty list for a blank or comment line. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line.strip().startsWith("#")) {
            return words;
        }
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new CrmSyntaxException("unterminated " + (quote == '"' ? "double" : "single")
                    + " quote in: " + line.strip());
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
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
