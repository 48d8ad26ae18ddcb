package io.vigil.shell.port;

import java.util.Set;

/**
 * Administrators type pcs / crm / crm_* lines as they would in a POSIX shell, but Gogo reads {@code #} as the start
 * of a comment and {@code ( )} as a sub-command, which would cut rules such as {@code #uname eq n1} or
 * {@code ( defined a or defined b )}. For those commands the port single-quotes (literal in Gogo) every unquoted
 * word holding one of these characters, so the line reaches the command as typed.
 */
public final class AdminLines {

    static final Set<String> COMMANDS = Set.of("pcs", "crm", "crm_mon", "crm_resource", "crm_attribute",
            "crm_verify", "crm_simulate", "simulate", "status",
            // the keywords typed inside a 'crm configure' session (bundle shell-crm), e.g. "location l vip rule
            // -inf: #uname eq n1"
            "primitive", "group", "clone", "ms", "location", "colocation", "order", "property", "rsc_defaults",
            "op_defaults");

    private AdminLines() {
    }

    public static String protect(String line) {
        String trimmed = line.stripLeading();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        if (!COMMANDS.contains(trimmed.substring(0, end))) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            boolean quoted = false;
            boolean special = false;
            char quote = 0;
            while (i < line.length() && (quote != 0 || !Character.isWhitespace(line.charAt(i)))) {
                char w = line.charAt(i);
                if (quote != 0) {
                    if (w == quote) {
                        quote = 0;
                    }
                } else if (w == '\'' || w == '"') {
                    quote = w;
                    quoted = true;
                } else if (w == '\\') {
                    quoted = true;
                    i++;
                } else if (w == '#' || w == '(' || w == ')') {
                    special = true;
                }
                i++;
            }
            String word = line.substring(start, Math.min(i, line.length()));
            out.append(special && !quoted ? "'" + word + "'" : word);
        }
        return out.toString();
    }
}
