package io.vigil.shell.tools;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.output.Xml;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Options;

/**
 * {@code crm_verify -L} (the live CIB) or {@code crm_verify -x FILE}: the validator's errors, and with -V its
 * warnings, one per line as crm_verify prints them. Errors make the command fail.
 */
public final class CrmVerify {

    static final Options OPTIONS = new Options().flag("live-check", 'L').value("xml-file", 'x').flag("verbose", 'V')
            .value("output-as", '\0').flag("quiet", 'q').flag("help", 'h');

    /** The outcome: the text to print, and whether the configuration is invalid. */
    public record Verdict(String output, boolean invalid) {
    }

    /** Which CIB to check, from the words: null file = the live CIB. */
    public record Request(String file, boolean verbose, boolean quiet, OutputFormat format, boolean help) {
    }

    private CrmVerify() {
    }

    public static Request parse(List<String> line) {
        Options.Parsed p = OPTIONS.parse(line);
        if (!p.positional().isEmpty()) {
            Options.Value v = p.positional().get(0);
            throw new CommandSyntaxException("unexpected '" + v.value() + "'", line, v.index());
        }
        if (p.has("help")) {
            return new Request(null, false, false, OutputFormat.TEXT, true);
        }
        if (!p.has("live-check") && !p.has("xml-file")) {
            throw new CommandSyntaxException("missing what to check: -L/--live-check or -x/--xml-file FILE", line,
                    line.size());
        }
        if (p.has("live-check") && p.has("xml-file")) {
            throw new CommandSyntaxException("give either -L or -x, not both", line, p.last("xml-file").get()
                    .index());
        }
        return new Request(p.value("xml-file"), p.count("verbose") > 0, p.has("quiet"),
                CrmResourceParser.format(line, p), false);
    }

    public static Verdict verify(CibSnapshot cib, AgentCatalog catalog, boolean verbose, OutputFormat format) {
        List<Problem> problems = Validator.forDocuments(catalog).validate(cib);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> shown = new ArrayList<>(errors);
        if (verbose) {
            problems.stream().filter(Problem::isWarning).forEach(shown::add);
        }
        String text = format.render(() -> {
            List<String> lines = new ArrayList<>();
            for (Problem x : shown) {
                lines.add((x.isError() ? "error: " : "warning: ") + x.kind()
                        + (x.objectId() == null ? "" : " '" + x.objectId() + "'")
                        + (x.field() == null ? "" : " (" + x.field() + ")") + ": " + x.message());
            }
            if (!errors.isEmpty()) {
                lines.add("Errors found during check: config not valid");
            } else if (verbose && shown.isEmpty()) {
                lines.add("Configuration is valid");
            }
            return String.join("\n", lines);
        }, () -> {
            JsonObject o = new JsonObject();
            o.addProperty("valid", errors.isEmpty());
            JsonArray a = new JsonArray();
            for (Problem x : shown) {
                JsonObject j = new JsonObject();
                j.addProperty("severity", x.severity().name().toLowerCase());
                j.addProperty("kind", x.kind());
                j.addProperty("id", x.objectId());
                j.addProperty("field", x.field());
                j.addProperty("message", x.message());
                a.add(j);
            }
            o.add("problems", a);
            return o;
        }, () -> {
            StringBuilder b = new StringBuilder("<pacemaker-result api-version=\"2.25\" request=\"crm_verify\">\n");
            if (!shown.isEmpty()) {
                b.append("  <errors>\n");
                shown.forEach(x -> b.append("    <error>").append(Xml.attr(x.kind() + (x.objectId() == null ? ""
                        : " '" + x.objectId() + "'") + ": " + x.message())).append("</error>\n"));
                b.append("  </errors>\n");
            }
            return b.append("  <status code=\"").append(errors.isEmpty() ? 0 : 78).append("\" message=\"")
                    .append(errors.isEmpty() ? "OK" : "Invalid configuration").append("\"/>\n</pacemaker-result>")
                    .toString();
        });
        return new Verdict(text, !errors.isEmpty());
    }

    public static String usage() {
        return "crm_verify -L | -x FILE [-V] [--output-as text|json|xml]\n  Check the live CIB (-L) or a CIB file "
                + "(Pacemaker XML or Vigil JSON) for configuration errors; -V shows warnings too.";
    }
}
