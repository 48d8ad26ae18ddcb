package io.vigil.shell.crm.translate;

import java.util.ArrayList;
import java.util.List;

import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.CrmCommand;
import io.vigil.shell.crm.syntax.CrmLexer;
import io.vigil.shell.crm.syntax.CrmParser;
import io.vigil.shell.crm.syntax.CrmSyntaxException;

/**
 * A crm script ({@code crm -f FILE}, {@code crm configure load update FILE}) → its configure commands. Lines ending
 * in a backslash continue on the next; '#' lines are comments. A line may be written as crmsh's interactive
 * configure level takes it ({@code primitive …}), or in full ({@code crm configure primitive …},
 * {@code configure primitive …}); the level words {@code configure}, {@code commit}, {@code end}, {@code up} are
 * accepted and ignored, because the whole script is committed as one change.
 */
public final class ScriptReader {

    private static final List<String> IGNORED = List.of("configure", "commit", "end", "up", "cd", "exit", "quit");

    private ScriptReader() {
    }

    /** The configure commands of {@code text}; an error names the line (counted from 1). */
    public static List<ConfigureCommand> read(String text) {
        List<ConfigureCommand> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (pending.length() == 0) {
                start = i + 1;
            }
            if (l.endsWith("\\")) {
                pending.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            pending.append(l);
            String full = pending.toString();
            pending.setLength(0);
            ConfigureCommand cmd = command(full, start);
            if (cmd != null) {
                out.add(cmd);
            }
        }
        if (pending.length() > 0) {
            ConfigureCommand cmd = command(pending.toString(), start);
            if (cmd != null) {
                out.add(cmd);
            }
        }
        return out;
    }

    private static ConfigureCommand command(String line, int number) {
        List<String> words;
        try {
            words = new ArrayList<>(CrmLexer.split(line));
        } catch (CrmSyntaxException e) {
            throw new CrmSyntaxException("line " + number + ": " + e.getMessage());
        }
        if (!words.isEmpty() && words.get(0).equals("crm")) {
            words.remove(0);
        }
        if (words.isEmpty() || (words.size() == 1 && IGNORED.contains(words.get(0)))) {
            return null;
        }
        if (!words.get(0).equals("configure")) {
            words.add(0, "configure");
        }
        CrmCommand cmd;
        try {
            cmd = CrmParser.parse(words);
        } catch (CrmSyntaxException e) {
            throw new CrmSyntaxException("line " + number + ": " + e.getMessage());
        }
        if (!(cmd instanceof ConfigureCommand c) || c instanceof ConfigureCommand.Load
                || c instanceof ConfigureCommand.Commit || c instanceof ConfigureCommand.OpenSession) {
            throw new CrmSyntaxException("line " + number + ": only configure commands (primitive, group, clone, ms,"
                    + " location, colocation, order, property, rsc_defaults, op_defaults, delete) belong in a script: "
                    + line.strip());
        }
        if (c instanceof ConfigureCommand.Show || c instanceof ConfigureCommand.Verify) {
            return null; // reading commands change nothing; the commit reports the result
        }
        return c;
    }
}
