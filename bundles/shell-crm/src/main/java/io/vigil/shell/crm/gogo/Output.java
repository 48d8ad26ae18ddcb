package io.vigil.shell.crm.gogo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.xml.CibXmlWriter;
import io.vigil.shell.crm.show.CrmShow;
import io.vigil.shell.crm.syntax.OutputOption.Format;
import io.vigil.shell.crm.translate.ResourceTranslator.FailCountValue;
import io.vigil.shell.crm.translate.ResourceTranslator.NodeAttributeValue;
import io.vigil.shell.crm.translate.ResourceTranslator.Placement;

/** The reading crm commands' data as text (crm's own layout), JSON, or XML where Pacemaker has it. */
final class Output {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private Output() {
    }

    static String placements(List<Placement> ps, Format f) {
        noXml(f, "crm resource status");
        if (f == Format.JSON) {
            return GSON.toJson(ps);
        }
        List<String> lines = new ArrayList<>();
        for (Placement p : ps) {
            if (p.runningOn().isEmpty()) {
                lines.add("resource " + p.resource() + " is NOT running");
            } else {
                lines.add("resource " + p.resource() + " is running on: " + String.join(", ", p.runningOn().stream()
                        .map(n -> p.promotedOn().contains(n) ? n + " Promoted" : n).toList()));
            }
        }
        return String.join("\n", lines);
    }

    static String failCount(FailCountValue v, Format f) {
        noXml(f, "crm resource failcount");
        return f == Format.JSON ? GSON.toJson(v)
                : "scope=status  name=fail-count-" + v.resource() + " value=" + v.value();
    }

    static String nodeAttribute(NodeAttributeValue v, Format f) {
        noXml(f, "crm node attribute show");
        return f == Format.JSON ? GSON.toJson(v) : "scope=nodes  name=" + v.name() + " value=" + v.value();
    }

    static String agentTypes(List<String> types, Format f, String emptyText) {
        noXml(f, "crm ra list");
        if (f == Format.JSON) {
            return GSON.toJson(types);
        }
        return types.isEmpty() ? emptyText : String.join("\n", types);
    }

    static String agentInfo(AgentId id, AgentMetadata md, Format f) {
        if (f == Format.XML) {
            return md.toXml();
        }
        if (f == Format.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agent", id.toString());
            m.put("shortDescription", md.shortDescription());
            m.put("longDescription", md.longDescription());
            List<Map<String, Object>> params = new ArrayList<>();
            for (ParameterSpec p : md.parameters()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("required", p.required());
                pm.put("unique", p.unique());
                pm.put("default", p.defaultValue());
                pm.put("description", p.shortDescription());
                params.add(pm);
            }
            m.put("parameters", params);
            List<Map<String, Object>> actions = new ArrayList<>();
            for (ActionSpec a : md.actions()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("name", a.action().ocfName());
                am.put("timeout", a.timeout().toSeconds() + "s");
                am.put("interval", a.interval().toSeconds() + "s");
                actions.add(am);
            }
            m.put("actions", actions);
            return GSON.toJson(m);
        }
        StringBuilder b = new StringBuilder(id + " - " + md.shortDescription() + "\n");
        if (!md.longDescription().isEmpty()) {
            b.append('\n').append(md.longDescription().strip()).append('\n');
        }
        b.append("\nParameters (*: required, []: default):\n");
        for (ParameterSpec p : md.parameters()) {
            b.append('\n').append(p.name()).append(p.required() ? "*" : "")
                    .append(p.defaultValue() == null ? "" : " [" + p.defaultValue() + "]").append(": ")
                    .append(p.shortDescription()).append('\n');
        }
        b.append("\nOperations' defaults (advisory minimum):\n\n");
        md.actions().forEach(a -> b.append("    ").append(String.format("%-16s", a.action().ocfName()))
                .append("timeout=").append(a.timeout().toSeconds()).append('s')
                .append(a.interval().isZero() ? "" : " interval=" + a.interval().toSeconds() + "s").append('\n'));
        return b.toString().stripTrailing();
    }

    /** The configuration (or the objects named) in crm syntax, as Vigil's JSON, or as CIB XML. */
    static String configuration(Configuration c, List<String> ids, Format f) {
        if (f == Format.TEXT) {
            String text = CrmShow.render(c, Set.copyOf(ids));
            return text.isEmpty() ? "(empty configuration)" : text;
        }
        CibSnapshot only = new CibSnapshot(null, Map.of(), ids.isEmpty() ? c : select(c, Set.copyOf(ids)), null);
        return f == Format.JSON ? CibJson.write(only) : CibXmlWriter.write(only);
    }

    /** The top-level resources holding any of {@code ids}, the constraints named, the properties if named. */
    private static Configuration select(Configuration c, Set<String> ids) {
        return new Configuration(ids.contains("cib-bootstrap-options") ? c.crmConfig() : List.of(), List.of(),
                c.resources().stream().filter(r -> r.flatten().stream().anyMatch(x -> ids.contains(x.id()))).toList(),
                c.constraints().stream().filter(k -> ids.contains(k.id())).toList(), null, null, null, null, null);
    }

    private static void noXml(Format f, String command) {
        if (f == Format.XML) {
            throw new IllegalArgumentException(command + " has no XML output; use --output-as json or text");
        }
    }
}
