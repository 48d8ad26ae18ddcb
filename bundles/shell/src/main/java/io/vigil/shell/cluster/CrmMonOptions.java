package io.vigil.shell.cluster;

import java.util.List;

import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Options;
import io.vigil.shell.syntax.Suggestions;

/**
 * The options of {@code crm_mon} / {@code status}. Over the command port there is no terminal to redraw, so the
 * refreshing mode prints {@code --iterations N} snapshots {@code -i/--interval S} seconds apart (each headed with
 * its time); without it, crm_mon prints once, as {@code crm_mon -1} does.
 *
 * @param format text, json or xml
 * @param iterations how many snapshots (1 = one-shot)
 * @param intervalSeconds seconds between snapshots
 * @param simple {@code -s}: one summary line, as for monitoring scripts
 * @param inactive {@code -r}: also list inactive resources (they are always listed)
 * @param nodeAttributes {@code -A}: add the node attributes
 * @param failcounts {@code -f}: add fail counts
 */
public record CrmMonOptions(OutputFormat format, int iterations, long intervalSeconds, boolean simple,
        boolean inactive, boolean nodeAttributes, boolean failcounts, boolean help) {

    static final Options OPTIONS = new Options().flag("one-shot", '1').value("interval", 'i')
            .value("iterations", '\0').value("output-as", '\0').flag("simple-status", 's').flag("inactive", 'r')
            .flag("show-node-attributes", 'A').flag("failcounts", 'f').flag("full", '\0').flag("help", 'h')
            .flag("group-by-node", 'n').flag("show-detail", 'R').flag("timing-details", 't')
            .flag("operations", 'o').flag("fence-history", 'm');

    static final int MAX_ITERATIONS = 120;

    public static CrmMonOptions parse(List<String> line) {
        Options.Parsed p = OPTIONS.parse(line);
        if (!p.positional().isEmpty()) {
            Options.Value v = p.positional().get(0);
            throw new CommandSyntaxException("unexpected '" + v.value() + "'" + Suggestions.hint(v.value(),
                    OPTIONS.names()), line, v.index());
        }
        OutputFormat format = OutputFormat.TEXT;
        if (p.has("output-as")) {
            Options.Value v = p.last("output-as").get();
            format = switch (v.value()) {
                case "text", "console", "plain" -> OutputFormat.TEXT;
                case "json" -> OutputFormat.JSON;
                case "xml" -> OutputFormat.XML;
                default -> throw new CommandSyntaxException("unsupported output format '" + v.value() + "'"
                        + Suggestions.hint(v.value(), List.of("text", "json", "xml")), line, v.index());
            };
        }
        int iterations = 1;
        if (p.has("iterations")) {
            Options.Value v = p.last("iterations").get();
            if (!v.value().matches("\\d{1,4}") || Integer.parseInt(v.value()) < 1
                    || Integer.parseInt(v.value()) > MAX_ITERATIONS) {
                throw new CommandSyntaxException("--iterations takes a number from 1 to " + MAX_ITERATIONS + ", not '"
                        + v.value() + "'", line, v.index());
            }
            iterations = Integer.parseInt(v.value());
            if (p.has("one-shot")) {
                throw new CommandSyntaxException("-1/--one-shot and --iterations exclude each other", line,
                        p.last("one-shot").get().index());
            }
        }
        long interval = 5;
        if (p.has("interval")) {
            Options.Value v = p.last("interval").get();
            String s = v.value().replaceFirst("s$", "");
            if (!s.matches("\\d{1,5}") || Long.parseLong(s) < 1) {
                throw new CommandSyntaxException("-i/--interval takes seconds (e.g. 5 or 5s), not '" + v.value() + "'",
                        line, v.index());
            }
            interval = Long.parseLong(s);
        }
        return new CrmMonOptions(format, iterations, interval, p.has("simple-status"), p.has("inactive"),
                p.has("show-node-attributes") || p.has("full"), p.has("failcounts") || p.has("full"),
                p.has("help"));
    }

    public static String usage() {
        return String.join("\n", "crm_mon [-1] [--output-as text|json|xml] [-s] [-A] [-f] [-r]",
                "crm_mon --iterations N [-i SECONDS]",
                "  The cluster as crm_mon shows it: DC, quorum, nodes, resources, failed actions, fencing.",
                "  Over the command port there is no screen to redraw: --iterations prints N snapshots, -i apart "
                        + "(default 5 s); without it crm_mon prints once, like crm_mon -1.",
                "  -s one summary line; -A node attributes; -f fail counts (--full: both).");
    }
}
