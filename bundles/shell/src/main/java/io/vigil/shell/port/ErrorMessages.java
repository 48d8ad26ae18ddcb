package io.vigil.shell.port;

import java.lang.reflect.InvocationTargetException;

/** Turns what a failed command threw into one line an administrator can act on. */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String describe(Throwable t) {
        Throwable e = unwrap(t);
        String name = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ("CommandNotFoundException".equals(name)) {
            String command = message.replaceFirst("^Command not found: ", "");
            return "unknown command '" + command + "' (type 'help' for the list of commands)";
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return message;
        }
        if ("SyntaxError".equals(name) || "EOFError".equals(name)) {
            return "cannot parse the command line: " + message;
        }
        return name + (message.isEmpty() ? "" : ": " + message);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof InvocationTargetException || e.getClass() == RuntimeException.class)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
