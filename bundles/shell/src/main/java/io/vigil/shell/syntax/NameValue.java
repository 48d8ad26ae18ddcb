package io.vigil.shell.syntax;

/** A {@code NAME=VALUE} word; {@code index} is its position on the command line (for error pointers). */
public record NameValue(String name, String value, int index) {

    /** Splits {@code word} at its first '='; null when it has none or the name is empty. */
    public static NameValue parse(String word, int index) {
        int eq = word.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        return new NameValue(word.substring(0, eq), word.substring(eq + 1), index);
    }
}
