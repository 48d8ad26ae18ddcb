package io.vigil.shell.crm.syntax;

/** One word of a crm command line, with its position (0-based word index) for error pointers. */
public record Token(String text, int index) {

    @Override
    public String toString() {
        return text;
    }
}
