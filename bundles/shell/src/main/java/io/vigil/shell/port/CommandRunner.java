package io.vigil.shell.port;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs command lines in one Gogo session and captures what each prints, so the command port can answer with the
 * output and an exit code. Not thread-safe: one runner per connection.
 */
final class CommandRunner implements AutoCloseable {

    /** What one command produced. */
    record Outcome(String out, String err, int exitCode) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandSession session;

    CommandRunner(CommandProcessor processor) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        session = processor.createSession(java.io.InputStream.nullInputStream(), o, e);
    }

    Outcome run(String line) {
        out.reset();
        err.reset();
        int exit = 0;
        StringBuilder result = new StringBuilder();
        try {
            Object value = session.execute(AdminLines.protect(line));
            if (value != null) {
                CharSequence text = session.format(value, Converter.INSPECT);
                result.append(text);
            }
        } catch (Exception e) {
            exit = 1;
            session.getConsole().flush();
            String message = ErrorMessages.describe(e);
            err.writeBytes((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        session.getConsole().flush();
        String printed = out.toString(StandardCharsets.UTF_8);
        return new Outcome(printed + result, err.toString(StandardCharsets.UTF_8), exit);
    }

    @Override
    public void close() {
        session.close();
    }
}
