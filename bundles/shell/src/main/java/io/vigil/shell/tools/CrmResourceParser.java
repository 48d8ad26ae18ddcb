package io.vigil.shell.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Resource;
import io.vigil.shell.build.CliConstraints;
import io.vigil.shell.build.Cleanups;
import io.vigil.shell.cluster.ClusterStatus;
import io.vigil.shell.cluster.ResourceStates;
import io.vigil.shell.cluster.StatusFormat;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.output.Xml;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Options;
import io.vigil.shell.syntax.Suggestions;

/**
 * {@code crm_resource} (Pacemaker 2.1 options): {@code --locate}, {@code --list}, {@code --cleanup},
 * {@code --refresh}, {@code --move}, {@code --ban}, {@code --clear}, {@code --restart}, with {@code -r/--resource},
 * {@code -N/--node}, {@code -u/--lifetime}, {@code --promoted}. A pure function of the words and the CIB.
 */
public final class CrmResourceParser {

    static final Options OPTIONS = new Options().value("resource", 'r').value("node", 'N').value("lifetime", 'u')
            .flag("move", 'M').flag("ban", 'B').flag("clear", 'U').flag("locate", 'W').flag("cleanup", 'C')
            .flag("refresh", 'R').flag("list", 'L').flag("restart", '\0').flag("promoted", '\0')
            .flag("master", '\0').value("operation", 'n').value("interval", 'I').value("output-as", '\0')
            .flag("force", 'f').flag("quiet", 'Q').flag("verbose", 'V').value("timeout", 'T').flag("help", 'h')
            .flag("expired", '\0');

    static final List<String> COMMANDS = List.of("locate", "list", "cleanup", "refresh", "move", "ban", "clear",
            "restart");

    private CrmResourceParser() {
    }

    public static ToolRequest parse(List<String> line, CibSnapshot cib, Instant now) {
        Options.Parsed p = OPTIONS.parse(line);
        if (p.has("help") || line.size() == 1) {
            return new ToolRequest.Output(usage());
        }
        if (!p.positional().isEmpty()) {
            Options.Value v = p.positional().get(0);
            throw new CommandSyntaxException("unexpected '" + v.value() + "' (crm_resource takes options only, e.g. "
                    + "--resource " + v.value() + ")", line, v.index());
        }
        List<String> commands = COMMANDS.stream().filter(p::has).toList();
        if (commands.isEmpty()) {
            throw new CommandSyntaxException("missing command: one of --" + String.join(", --", COMMANDS), line,
                    line.size());
        }
        if (commands.size() > 1) {
            throw new CommandSyntaxException("only one command at a time: --" + commands.get(0) + " and --"
                    + commands.get(1) + " given", line, p.last(commands.get(1)).get().index());
        }
        String command = commands.get(0);
        OutputFormat format = format(line, p);
        String rsc = resource(line, p, cib);
        String node = node(line, p, cib);
        boolean promoted = p.has("promoted") || p.has("master");
        String lifetime = p.value("lifetime");
        if (lifetime != null && CliConstraints.parseDuration(lifetime).isEmpty()) {
            throw new CommandSyntaxException("lifetime '" + lifetime + "' is not an ISO 8601 duration (e.g. PT1H, P1D)",
                    line, p.last("lifetime").get().index());
        }
        switch (command) {
            case "locate" -> {
                return new ToolRequest.Output(locate(cib, need(line, p, rsc, "locate"), format));
            }
            case "list" -> {
                ClusterStatus s = status(cib);
                return new ToolRequest.Output(format.render(() -> StatusFormat.resourcesText(s, null, false),
                        () -> StatusFormat.jsonTree(s).get("resources"), null));
            }
            case "cleanup", "refresh" -> {
                List<CibChange> changes = Cleanups.changes(cib, rsc, node, command.equals("refresh"));
                String what = (rsc == null ? "all resources" : rsc) + " on " + (node == null ? "all nodes" : node);
                String verb = command.equals("refresh") ? "Refreshed " : "Cleaned up ";
                return changes.isEmpty() ? new ToolRequest.Output(verb + what + " (nothing recorded)")
                        : new ToolRequest.Change(changes, verb + what);
            }
            case "move", "ban" -> {
                need(line, p, rsc, command);
                if (node == null) {
                    List<String> where = activeNodes(cib, rsc, promoted);
                    if (where.size() != 1) {
                        throw new CommandSyntaxException("resource '" + rsc + "' is " + (where.isEmpty()
                                ? "not running" : "active on " + String.join(", ", where)) + ": give the node with "
                                + "-N/--node", line, line.size());
                    }
                    return ban(cib, rsc, where.get(0), promoted, lifetime, now);
                }
                if (command.equals("ban")) {
                    return ban(cib, rsc, node, promoted, lifetime, now);
                }
                return new ToolRequest.Change(CliConstraints.move(cib, rsc, node, promoted, lifetime, now), "");
            }
            case "clear" -> {
                need(line, p, rsc, "clear");
                List<CibChange> changes = CliConstraints.clear(cib, rsc, node);
                if (changes.isEmpty()) {
                    return new ToolRequest.Output("");
                }
                StringBuilder b = new StringBuilder();
                changes.forEach(c -> b.append(b.length() == 0 ? "" : "\n").append("Removing constraint: ")
                        .append(((CibChange.DeleteConstraint) c).id()));
                return new ToolRequest.Change(changes, b.toString());
            }
            default -> {
                need(line, p, rsc, "restart");
                long timeout = 60;
                if (p.value("timeout") != null) {
                    timeout = CliConstraints.parseDuration(p.value("timeout").matches("\\d+") ? "PT"
                            + p.value("timeout") + "S" : "PT" + p.value("timeout")).map(d -> d.toSeconds())
                            .orElseThrow(() -> new CommandSyntaxException("timeout '" + p.value("timeout")
                                    + "' is not a duration (e.g. 60s)", line, p.last("timeout").get().index()));
                }
                return new ToolRequest.Restart(rsc, timeout);
            }
        }
    }

    private static ToolRequest ban(CibSnapshot cib, String rsc, String node, boolean promoted, String lifetime,
            Instant now) {
        return new ToolRequest.Change(CliConstraints.ban(cib, rsc, node, promoted, lifetime, now),
                "WARNING: Creating rsc_location constraint 'cli-ban-" + rsc + "-on-" + node + "' with a score of "
                        + "-INFINITY for resource " + rsc + " on " + node + ".\n\tThis will prevent " + rsc
                        + " from running on " + node + " until the constraint is removed using the clear option "
                        + "or by editing the CIB with an appropriate tool");
    }

    static OutputFormat format(List<String> line, Options.Parsed p) {
        if (!p.has("output-as")) {
            return OutputFormat.TEXT;
        }
        Options.Value v = p.last("output-as").get();
        return switch (v.value()) {
            case "text" -> OutputFormat.TEXT;
            case "json" -> OutputFormat.JSON;
            case "xml" -> OutputFormat.XML;
            default -> throw new CommandSyntaxException("unsupported output format '" + v.value() + "'"
                    + Suggestions.hint(v.value(), List.of("text", "json", "xml")), line, v.index());
        };
    }

    private static String resource(List<String> line, Options.Parsed p, CibSnapshot cib) {
        if (!p.has("resource")) {
            return null;
        }
        Options.Value v = p.last("resource").get();
        if (cib.configuration().resource(v.value()).isEmpty()) {
            throw new CommandSyntaxException("resource '" + v.value() + "' does not exist"
                    + Suggestions.hint(v.value(), cib.configuration().allResources().keySet()), line, v.index());
        }
        return v.value();
    }

    static String node(List<String> line, Options.Parsed p, CibSnapshot cib) {
        if (!p.has("node")) {
            return null;
        }
        Options.Value v = p.last("node").get();
        Set<String> names = nodeNames(cib);
        if (!names.contains(v.value()) && !p.has("force")) {
            throw new CommandSyntaxException("node '" + v.value() + "' is not in the cluster"
                    + Suggestions.hint(v.value(), names), line, v.index());
        }
        return v.value();
    }

    static Set<String> nodeNames(CibSnapshot cib) {
        Set<String> names = new java.util.TreeSet<>();
        cib.configuration().nodes().forEach(n -> names.add(n.uname()));
        cib.status().nodes().forEach(n -> names.add(n.uname()));
        return names;
    }

    private static String need(List<String> line, Options.Parsed p, String rsc, String command) {
        if (rsc == null) {
            throw new CommandSyntaxException("--" + command + " needs a resource (-r/--resource RSC)", line,
                    p.last(command).get().index());
        }
        return rsc;
    }

    /** The cluster status as far as the CIB tells it: members are the nodes whose state is in_ccm. */
    static ClusterStatus status(CibSnapshot cib) {
        List<String> members = cib.status().nodes().stream().filter(n -> n.inCcm()).map(n -> n.uname()).toList();
        return ClusterStatus.of(cib, "", members, true, List.of());
    }

    /** Where it is active (with --promoted: where it is promoted), for move/ban without -N. */
    private static List<String> activeNodes(CibSnapshot cib, String rsc, boolean promoted) {
        List<String> out = new ArrayList<>();
        instances(cib, rsc).forEach((node, role) -> {
            if (!promoted || role.equals("Promoted")) {
                out.add(node);
            }
        });
        return out;
    }

    /** Node → role of the resource's active instances (a group or clone: of its primitives). */
    private static Map<String, String> instances(CibSnapshot cib, String rsc) {
        Resource r = cib.configuration().resource(rsc).orElseThrow();
        Set<String> prims = new java.util.HashSet<>();
        r.flatten().forEach(x -> prims.add(x.id()));
        Map<String, String> out = new TreeMap<>();
        for (ResourceStates.Active a : ResourceStates.active(cib)) {
            if (prims.contains(a.resource().replaceFirst(":.*$", ""))) {
                out.merge(a.node(), a.role(), (x, y) -> x.equals("Promoted") ? x : y);
            }
        }
        return out;
    }

    /** crm_resource --locate: "resource X is running on: NODE" per node, as Pacemaker prints it. */
    static String locate(CibSnapshot cib, String rsc, OutputFormat format) {
        Map<String, String> where = instances(cib, rsc);
        return format.render(() -> {
            if (where.isEmpty()) {
                return "resource " + rsc + " is NOT running";
            }
            List<String> lines = new ArrayList<>();
            where.forEach((n, role) -> lines.add("resource " + rsc + " is running on: " + n
                    + (role.equals("Promoted") ? " Promoted" : "")));
            return String.join("\n", lines);
        }, () -> {
            JsonObject o = new JsonObject();
            o.addProperty("resource", rsc);
            JsonArray nodes = new JsonArray();
            where.forEach((n, role) -> {
                JsonObject x = new JsonObject();
                x.addProperty("node", n);
                x.addProperty("role", role);
                nodes.add(x);
            });
            o.add("nodes", nodes);
            return o;
        }, () -> {
            StringBuilder b = new StringBuilder("<pacemaker-result api-version=\"2.25\" request=\"crm_resource --locate"
                    + " -r " + Xml.attr(rsc) + "\">\n  <nodes resource=\"" + Xml.attr(rsc) + "\">\n");
            where.forEach((n, role) -> b.append("    <node state=\"").append(Xml.attr(role)).append("\">")
                    .append(Xml.attr(n)).append("</node>\n"));
            return b.append("  </nodes>\n  <status code=\"0\" message=\"OK\"/>\n</pacemaker-result>").toString();
        });
    }

    public static String usage() {
        return String.join("\n", "crm_resource COMMAND [OPTIONS]",
                "  -W, --locate -r RSC              where the resource runs (--output-as text|json|xml)",
                "  -L, --list                       all resources and their state",
                "  -C, --cleanup [-r RSC] [-N NODE] forget failures (history and fail counts) so it is re-probed",
                "  -R, --refresh [-r RSC] [-N NODE] forget the whole history so it is re-probed",
                "  -M, --move -r RSC [-N NODE] [-u LIFETIME] [--promoted]   prefer NODE (without: ban the "
                        + "current node)",
                "  -B, --ban -r RSC [-N NODE] [-u LIFETIME] [--promoted]    keep RSC off NODE",
                "  -U, --clear -r RSC [-N NODE]     remove the constraints of move and ban",
                "      --restart -r RSC [-T TIMEOUT] stop and start again",
                "  LIFETIME is an ISO 8601 duration (PT1H, P1D).");
    }
}
