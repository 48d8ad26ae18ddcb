package io.vigil.shell.agents;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.shell.command.ShellCommand;
import io.vigil.shell.output.OutputFormat;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code agent-info class:provider:type [--xml]}: an installed agent's metadata. */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=agent-info"})
public class AgentInfoCommand extends ShellCommand {

    private final AgentRegistry registry;

    @Activate
    public AgentInfoCommand(@Reference AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected String run(List<String> args) {
        List<String> line = new java.util.ArrayList<>(List.of("agent-info"));
        line.addAll(args);
        List<String> rest = new java.util.ArrayList<>(args);
        OutputFormat format = OutputFormat.take(line, 1, rest, java.util.EnumSet.allOf(OutputFormat.class));
        if (rest.remove("--xml")) {
            format = OutputFormat.XML;
        }
        if (rest.size() != 1) {
            throw new IllegalArgumentException("usage: agent-info class:provider:type [--xml | --output-as "
                    + "text|json|xml]");
        }
        AgentId id = AgentId.parse(rest.get(0));
        AgentMetadata md = registry.metadata(id).orElseThrow(() -> new IllegalArgumentException(
                "agent '" + id + "' is not installed (see 'agents' for the installed types)"));
        return format.render(() -> describe(id, md), () -> json(id, md), md::toXml);
    }

    public static String describe(AgentId id, AgentMetadata md) {
        StringBuilder b = new StringBuilder();
        b.append(id).append(" - ").append(md.shortDescription()).append('\n');
        if (!md.longDescription().isEmpty()) {
            b.append('\n').append(md.longDescription()).append('\n');
        }
        b.append("\nResource options:\n");
        for (ParameterSpec p : md.parameters()) {
            b.append("  ").append(p.name());
            if (p.required()) {
                b.append(" (required)");
            }
            if (p.unique()) {
                b.append(" (unique)");
            }
            b.append(": ").append(p.shortDescription());
            if (p.defaultValue() != null) {
                b.append(" [default: ").append(p.defaultValue()).append(']');
            }
            b.append('\n');
        }
        b.append("\nDefault operations:\n");
        for (ActionSpec a : md.actions()) {
            b.append("  ").append(a.action().ocfName()).append(": timeout=").append(a.timeout().toSeconds())
                    .append('s');
            if (!a.interval().isZero()) {
                b.append(" interval=").append(a.interval().toSeconds()).append('s');
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** The metadata as JSON: the same data the text shows. */
    public static JsonObject json(AgentId id, AgentMetadata md) {
        JsonObject o = new JsonObject();
        o.addProperty("agent", id.toString());
        o.addProperty("shortdesc", md.shortDescription());
        o.addProperty("longdesc", md.longDescription());
        JsonArray params = new JsonArray();
        for (ParameterSpec p : md.parameters()) {
            JsonObject x = new JsonObject();
            x.addProperty("name", p.name());
            x.addProperty("type", p.type());
            x.addProperty("required", p.required());
            x.addProperty("unique", p.unique());
            x.addProperty("default", p.defaultValue());
            x.addProperty("shortdesc", p.shortDescription());
            params.add(x);
        }
        o.add("parameters", params);
        JsonArray actions = new JsonArray();
        for (ActionSpec a : md.actions()) {
            JsonObject x = new JsonObject();
            x.addProperty("name", a.action().ocfName());
            x.addProperty("timeout", a.timeout().toSeconds() + "s");
            x.addProperty("interval", a.interval().toSeconds() + "s");
            actions.add(x);
        }
        o.add("actions", actions);
        return o;
    }

    @Override
    protected String usage() {
        return "agent-info class:provider:type [--xml | --output-as text|json|xml]\n  Show an installed agent's parameters and actions "
                + "(--xml: its OCF meta-data document).";
    }
}
