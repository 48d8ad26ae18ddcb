package io.vigil.shell.agents;

import java.util.List;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.shell.command.ShellCommand;

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
        boolean xml = args.remove("--xml");
        if (args.size() != 1) {
            throw new IllegalArgumentException("usage: agent-info class:provider:type [--xml]");
        }
        AgentId id = AgentId.parse(args.get(0));
        AgentMetadata md = registry.metadata(id).orElseThrow(() -> new IllegalArgumentException(
                "agent '" + id + "' is not installed (see 'agents' for the installed types)"));
        return xml ? md.toXml() : describe(id, md);
    }

    static String describe(AgentId id, AgentMetadata md) {
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

    @Override
    protected String usage() {
        return "agent-info class:provider:type [--xml]\n  Show an installed agent's parameters and actions "
                + "(--xml: its OCF meta-data document).";
    }
}
