package io.vigil.shell.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChange.AttributeTarget;
import io.vigil.cib.model.ClusterOptions;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.pcs.PcsRequest.What;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.NameValue;
import io.vigil.shell.syntax.Suggestions;

/**
 * pcs's command line (pcs 0.10/0.11 syntax) translated to a {@link PcsRequest}: a pure function of the words and
 * a {@link PcsContext}, so that every form can be tested without a cluster. Errors point at the offending word and
 * suggest the nearest valid one; {@code --force} accepts names pcs would reject (unknown meta attributes,
 * agents that are not installed, parameters an agent does not declare).
 */
public final class PcsParser extends PcsArea {

    static final List<String> AREAS = List.of("property", "resource", "constraint", "stonith", "node", "quorum",
            "status", "config", "help");

    private PcsParser(List<String> line, PcsContext ctx) {
        super(line, ctx, 1);
    }

    /**
     * @param line the whole command line, starting with "pcs"
     * @throws CommandSyntaxException for anything pcs would reject, pointing at the word
     */
    public static PcsRequest parse(List<String> line, PcsContext ctx) {
        return new PcsParser(line, ctx).top();
    }

    private PcsRequest top() {
        if (!t.has() || t.peek().equals("--help") || t.peek().equals("-h")) {
            return new PcsRequest.Text(PcsHelp.usage(null));
        }
        String area = t.choice("command", AREAS);
        if (t.has() && (t.peek().equals("--help") || t.peek().equals("-h"))) {
            return new PcsRequest.Text(PcsHelp.usage(area));
        }
        return switch (area) {
            case "property" -> property();
            case "resource" -> new PcsResourceParser(this).resource();
            case "constraint" -> new PcsConstraintParser(this).constraint();
            case "stonith" -> new PcsStonithParser(this).stonith();
            case "node" -> node();
            case "quorum" -> quorum();
            case "status" -> status();
            case "config" -> config();
            default -> new PcsRequest.Text(PcsHelp.usage(t.has() ? t.next("command") : null));
        };
    }

    // ---------------------------------------------------------------- property

    private PcsRequest property() {
        String verb = t.has() && !t.peek().startsWith("--") ? t.choice("property command",
                List.of("set", "unset", "list", "show", "config")) : "config";
        switch (verb) {
            case "set" -> {
                Map<String, String> values = new LinkedHashMap<>();
                List<NameValue> nvs = nameValues("property", true);
                noFlags();
                if (nvs.isEmpty()) {
                    throw t.error("missing NAME=VALUE (e.g. stonith-enabled=false)");
                }
                for (NameValue nv : nvs) {
                    checkProperty(nv.name(), nv.index());
                    values.put(nv.name(), nv.value());
                }
                List<CibChange> changes = new ArrayList<>();
                values.forEach((k, v) -> changes.add(v.isEmpty() ? new CibChange.UnsetProperty(k)
                        : new CibChange.SetProperty(k, v)));
                return change(changes, "");
            }
            case "unset" -> {
                List<CibChange> changes = new ArrayList<>();
                if (!t.has()) {
                    throw t.error("missing property name");
                }
                while (t.has() && !t.peek().startsWith("--")) {
                    int at = t.position();
                    String name = t.next("property name");
                    if (conf.properties().values().get(name) == null && !force) {
                        throw t.errorAt(at, "property '" + name + "' is not set"
                                + Suggestions.hint(name, conf.properties().values().keySet()));
                    }
                    changes.add(new CibChange.UnsetProperty(name));
                }
                noFlags();
                return change(changes, "");
            }
            default -> {
                OutputFormat f = output();
                String name = t.has() ? t.next("property name") : null;
                flagsOnly("--all", "--defaults");
                return new PcsRequest.Show(What.PROPERTIES, name, f);
            }
        }
    }

    private void checkProperty(String name, int index) {
        if (ClusterOptions.find(name).isPresent()) {
            return;
        }
        List<String> names = ClusterOptions.all().stream().map(o -> o.name()).toList();
        // no --force way out: the CIB itself refuses options Pacemaker does not know
        throw t.errorAt(index, "unknown property '" + name + "'" + Suggestions.hint(name, names));
    }

    // ---------------------------------------------------------------- node / quorum / status / config

    private PcsRequest node() {
        String verb = t.choice("node command", List.of("standby", "unstandby", "maintenance", "unmaintenance",
                "attribute"));
        if (verb.equals("attribute")) {
            return nodeAttribute();
        }
        String name = verb.replace("un", "");
        boolean set = !verb.startsWith("un");
        List<String> nodes = new ArrayList<>();
        boolean all = false;
        while (t.has()) {
            String w = t.peek();
            if (w.equals("--all")) {
                t.next("option");
                all = true;
            } else if (w.equals("--wait") || w.startsWith("--wait=") || w.equals("--force")) {
                t.next("option");
            } else if (w.startsWith("--")) {
                throw t.error("unknown option '" + w + "'" + Suggestions.hint(w, List.of("--all", "--wait")));
            } else {
                nodes.add(existingNode());
            }
        }
        if (all) {
            conf.nodes().forEach(n -> nodes.add(n.uname()));
        }
        if (nodes.isEmpty()) {
            if (ctx.localNode() == null) {
                throw t.error("missing node name");
            }
            nodes.add(ctx.localNode());
        }
        List<CibChange> changes = new ArrayList<>();
        for (String n : nodes) {
            changes.add(set ? new CibChange.SetAttribute(AttributeTarget.NODE, n, name, "on")
                    : new CibChange.UnsetAttribute(AttributeTarget.NODE, n, name));
        }
        return change(changes, "");
    }

    private PcsRequest nodeAttribute() {
        OutputFormat f = output();
        if (!t.has()) {
            return new PcsRequest.Show(What.NODE_ATTRIBUTES, null, f);
        }
        String node = existingNode();
        if (!t.has()) {
            return new PcsRequest.Show(What.NODE_ATTRIBUTES, node, f);
        }
        if (t.accept("--name")) {
            String name = t.next("attribute name after --name");
            t.end();
            return new PcsRequest.Show(What.NODE_ATTRIBUTES, node + "\u0000" + name, f);
        }
        List<CibChange> changes = new ArrayList<>();
        for (NameValue nv : nameValues("node attribute", true)) {
            changes.add(nv.value().isEmpty() ? new CibChange.UnsetAttribute(AttributeTarget.NODE, node, nv.name())
                    : new CibChange.SetAttribute(AttributeTarget.NODE, node, nv.name(), nv.value()));
        }
        flagsOnly("--force");
        return change(changes, "");
    }

    private PcsRequest quorum() {
        OutputFormat f = output();
        if (t.has()) {
            t.choice("quorum command", List.of("status", "config"));
        }
        t.end();
        return new PcsRequest.Show(What.QUORUM, null, f);
    }

    private PcsRequest status() {
        OutputFormat f = output();
        What what = What.STATUS;
        if (t.has() && !t.peek().startsWith("--")) {
            String sub = t.choice("status command", List.of("resources", "nodes", "cluster", "quorum", "stonith",
                    "status"));
            what = switch (sub) {
                case "resources" -> What.STATUS_RESOURCES;
                case "nodes" -> What.STATUS_NODES;
                case "quorum" -> What.QUORUM;
                case "stonith" -> What.STONITH_STATUS;
                default -> What.STATUS;
            };
        }
        if (t.accept("--full") && what == What.STATUS) {
            what = What.STATUS_FULL;
        }
        flagsOnly("--hide-inactive", "--full");
        return new PcsRequest.Show(what, null, f);
    }

    private PcsRequest config() {
        OutputFormat f = output();
        t.accept("show");
        t.end();
        return new PcsRequest.Show(What.CONFIG, null, f);
    }
}
