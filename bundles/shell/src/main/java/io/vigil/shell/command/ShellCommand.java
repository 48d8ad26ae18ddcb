package io.vigil.shell.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

/**
 * Base of Vigil's Gogo commands. Registered as Gogo {@link Function}s (rather than as methods looked up by name)
 * so that commands can carry Pacemaker's hyphenated names ({@code agent-info}, {@code crm_mon}) and take
 * free-form subcommand syntax ({@code pcs resource create …}). A command returns its output as text; bad input
 * is an {@link IllegalArgumentException} whose message is shown to the administrator as it is.
 *
 * <p>Subclasses are DS components registered with {@code osgi.command.scope=vigil} and
 * {@code osgi.command.function=<name>}.
 */
public abstract class ShellCommand implements Function {

    @Override
    public final Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = new ArrayList<>(arguments.size());
        for (Object a : arguments) {
            args.add(String.valueOf(a));
        }
        if (args.size() == 1 && ("--help".equals(args.get(0)) || "-h".equals(args.get(0)))) {
            return usage();
        }
        return run(args);
    }

    /** Runs the command on its arguments; returns the text to print (or {@code null} for nothing). */
    protected abstract String run(List<String> args) throws Exception;

    /** One-paragraph usage text shown by {@code COMMAND --help}. */
    protected abstract String usage();
}
