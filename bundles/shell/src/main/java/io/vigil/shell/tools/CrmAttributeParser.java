package io.vigil.shell.tools;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChange.AttributeTarget;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.ClusterOptions;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NodeState;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.output.Xml;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.Options;
import io.vigil.shell.syntax.Suggestions;

/**
 * {@code crm_attribute}: query (-G), update (-v) or delete (-D) an attribute named with -n — a cluster property
 * (default), rsc_defaults / op_defaults (-t), or a node attribute with -N: permanent ({@code -l forever}, the
 * nodes section) or transient ({@code -l reboot}, the status section, gone when the node leaves).
 */
public final class CrmAttributeParser {

    static final Options OPTIONS = new Options().value("name", 'n').value("update", 'v').flag("query", 'G')
            .flag("delete", 'D').value("node", 'N').value("lifetime", 'l').value("type", 't').value("default", 'd')
            .flag("quiet", 'q').value("output-as", '\0').flag("force", 'f').flag("help", 'h').flag("verbose", 'V');

    static final List<String> TYPES = List.of("crm_config", "rsc_defaults", "op_defaults", "nodes", "status");

    private CrmAttributeParser() {
    }

    /** @param localNode the node this runs on: node attributes without -N are this node's, as Pacemaker does */
    public static ToolRequest parse(List<String> line, CibSnapshot cib, String localNode) {
        Options.Parsed p = OPTIONS.parse(line);
        if (p.has("help") || line.size() == 1) {
            return new ToolRequest.Output(usage());
        }
        if (!p.positional().isEmpty()) {
            Options.Value v = p.positional().get(0);
            throw new CommandSyntaxException("unexpected '" + v.value() + "'", line, v.index());
        }
        if (!p.has("name")) {
            throw new CommandSyntaxException("missing attribute name (-n/--name NAME)", line, line.size());
        }
        String name = p.value("name");
        int nameAt = p.last("name").get().index();
        int commands = (p.has("update") ? 1 : 0) + (p.has("query") ? 1 : 0) + (p.has("delete") ? 1 : 0);
        if (commands > 1) {
            throw new CommandSyntaxException("give one of -G/--query, -v/--update VALUE, -D/--delete", line,
                    p.has("delete") ? p.last("delete").get().index() : p.last("query").get().index());
        }
        String lifetime = p.value("lifetime");
        if (lifetime != null && !List.of("reboot", "forever").contains(lifetime)) {
            throw new CommandSyntaxException("unknown lifetime '" + lifetime + "'" + Suggestions.hint(lifetime,
                    List.of("reboot", "forever")), line, p.last("lifetime").get().index());
        }
        String type = p.value("type");
        if (type != null && !TYPES.contains(type)) {
            throw new CommandSyntaxException("unknown type '" + type + "'" + Suggestions.hint(type, TYPES), line,
                    p.last("type").get().index());
        }
        String node = p.has("node") ? CrmResourceParser.node(line, p, cib) : null;
        String scope;
        if (node != null || "reboot".equals(lifetime) || "nodes".equals(type) || "status".equals(type)) {
            if (node == null) {
                node = localNode;
            }
            boolean transientAttr = "reboot".equals(lifetime) || "status".equals(type);
            scope = transientAttr ? "status" : "nodes";
        } else {
            scope = type == null ? "crm_config" : type;
        }
        OutputFormat format = CrmResourceParser.format(line, p);
        boolean force = p.has("force");
        if (p.has("update")) {
            String value = p.value("update");
            checkName(line, scope, name, nameAt, force);
            return new ToolRequest.Change(List.of(set(scope, node, name, value)), "");
        }
        if (p.has("delete")) {
            if (current(cib, scope, node, name) == null) {
                // Pacemaker treats deleting an absent attribute as success
                return new ToolRequest.Output("");
            }
            return new ToolRequest.Change(List.of(unset(scope, node, name)), "Deleted " + scope + " option: "
                    + "name=" + name);
        }
        String value = current(cib, scope, node, name);
        if (value == null) {
            value = p.value("default");
        }
        if (value == null) {
            String hint = scope.equals("crm_config") ? ClusterOptions.find(name).map(o -> " (not set; its default "
                    + "is " + o.defaultValue() + ")").orElse(Suggestions.hint(name, ClusterOptions.all().stream()
                            .map(o -> o.name()).toList())) : "";
            throw new CommandSyntaxException("attribute '" + name + "' is not set" + (node == null ? "" : " for node "
                    + node) + hint, line, nameAt);
        }
        String v = value;
        String n = node;
        if (p.has("quiet")) {
            return new ToolRequest.Output(v);
        }
        return new ToolRequest.Output(format.render(() -> "scope=" + scope + "  name=" + name + " value=" + v,
                () -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("scope", scope);
                    if (n != null) {
                        o.addProperty("node", n);
                    }
                    o.addProperty("name", name);
                    o.addProperty("value", v);
                    return o;
                }, () -> "<pacemaker-result api-version=\"2.25\" request=\"crm_attribute\">\n  <attribute name=\""
                        + Xml.attr(name) + "\" value=\"" + Xml.attr(v) + "\"" + (n == null ? "" : " host=\""
                                + Xml.attr(n) + "\"") + "/>\n  <status code=\"0\" message=\"OK\"/>\n"
                        + "</pacemaker-result>"));
    }

    private static void checkName(List<String> line, String scope, String name, int at, boolean force) {
        if (force || !scope.equals("crm_config") || ClusterOptions.find(name).isPresent()) {
            return;
        }
        throw new CommandSyntaxException("unknown cluster property '" + name + "'" + Suggestions.hint(name,
                ClusterOptions.all().stream().map(o -> o.name()).toList()) + " (use --force to set it anyway)", line,
                at);
    }

    private static CibChange set(String scope, String node, String name, String value) {
        return switch (scope) {
            case "crm_config" -> new CibChange.SetProperty(name, value);
            case "rsc_defaults" -> new CibChange.SetAttribute(AttributeTarget.RSC_DEFAULTS, "", name, value);
            case "op_defaults" -> new CibChange.SetAttribute(AttributeTarget.OP_DEFAULTS, "", name, value);
            case "nodes" -> new CibChange.SetAttribute(AttributeTarget.NODE, node, name, value);
            default -> new CibChange.SetTransientAttribute(node, name, value);
        };
    }

    private static CibChange unset(String scope, String node, String name) {
        return switch (scope) {
            case "crm_config" -> new CibChange.UnsetProperty(name);
            case "rsc_defaults" -> new CibChange.UnsetAttribute(AttributeTarget.RSC_DEFAULTS, "", name);
            case "op_defaults" -> new CibChange.UnsetAttribute(AttributeTarget.OP_DEFAULTS, "", name);
            case "nodes" -> new CibChange.UnsetAttribute(AttributeTarget.NODE, node, name);
            default -> new CibChange.UnsetTransientAttribute(node, name);
        };
    }

    private static String current(CibSnapshot cib, String scope, String node, String name) {
        return switch (scope) {
            case "crm_config" -> cib.configuration().properties().values().get(name);
            case "rsc_defaults" -> first(cib.configuration().rscDefaults(), name);
            case "op_defaults" -> first(cib.configuration().opDefaults(), name);
            case "nodes" -> cib.configuration().nodeByName(node).map(Node::instanceAttributes)
                    .map(a -> first(a, name)).orElse(null);
            default -> cib.status().nodeByName(node).map(NodeState::transientValues).map(m -> m.get(name))
                    .orElse(null);
        };
    }

    private static String first(AttributeSets sets, String name) {
        Map<String, String> m = sets.unconditional();
        return m.get(name);
    }

    public static String usage() {
        return String.join("\n", "crm_attribute -n NAME [-G | -v VALUE | -D] [-N NODE] [-l reboot|forever] "
                + "[-t crm_config|rsc_defaults|op_defaults|nodes|status]",
                "  Without -N: a cluster property (crm_config) unless -t says otherwise.",
                "  -N NODE: a node attribute, permanent (-l forever, the default) or transient (-l reboot).",
                "  -G query (-d DEFAULT when unset, -q value only, --output-as text|json|xml), -v VALUE update, "
                        + "-D delete.");
    }
}
