package io.vigil.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The node's logging: every event as one line (timestamp, level, source, message) in
 * {@code <stateDir>/vigil.log}, and the important ones, briefly, on standard error. Bundles log through
 * {@link System.Logger}, which lands here; the logger name is the class, whose package names the bundle.
 */
final class NodeLog {

    private NodeLog() {
    }

    static void configure(Path stateDir) throws IOException {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        Files.createDirectories(stateDir);
        FileHandler file = new FileHandler(stateDir.resolve("vigil.log").toString(), true);
        file.setFormatter(new LineFormatter(true));
        file.setLevel(Level.ALL);
        root.addHandler(file);
        Handler console = new ConsoleHandler();
        console.setFormatter(new LineFormatter(false));
        console.setLevel(Level.INFO);
        root.addHandler(console);
    }

    /** One line per event; stack traces only in the file. */
    static final class LineFormatter extends Formatter {
        private final boolean withStackTraces;

        LineFormatter(boolean withStackTraces) {
            this.withStackTraces = withStackTraces;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(160);
            b.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(level(r.getLevel())).append(' ')
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r).replace('\n', ' '));
            if (r.getThrown() != null) {
                if (withStackTraces) {
                    StringWriter w = new StringWriter();
                    r.getThrown().printStackTrace(new PrintWriter(w));
                    b.append('\n').append(w.toString().stripTrailing());
                } else {
                    b.append(" (").append(r.getThrown()).append(')');
                }
            }
            return b.append('\n').toString();
        }

        private static String level(Level l) {
            if (l.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (l.intValue() >= Level.WARNING.intValue()) {
                return "WARN ";
            }
            if (l.intValue() >= Level.INFO.intValue()) {
                return "INFO ";
            }
            return "DEBUG";
        }
    }
}
