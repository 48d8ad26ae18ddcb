package io.vigil.shell.agents;

import java.util.List;

import com.google.gson.JsonArray;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.shell.command.ShellCommand;
import io.vigil.shell.output.OutputFormat;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code agents}: the installed agent types as {@code class:provider:type}, one per line, sorted. */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=agents"})
public class AgentsCommand extends ShellCommand {

    private final AgentRegistry registry;

    @Activate
    public AgentsCommand(@Reference AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected String run(List<String> args) {
        List<String> line = new java.util.ArrayList<>(List.of("agents"));
        line.addAll(args);
        List<String> rest = new java.util.ArrayList<>(args);
        OutputFormat format = OutputFormat.take(line, 1, rest, java.util.EnumSet.of(OutputFormat.TEXT,
                OutputFormat.JSON));
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("agents takes no arguments but --output-as (got '"
                    + String.join(" ", rest) + "')");
        }
        List<String> ids = registry.agentIds().stream().map(AgentId::toString).toList();
        return format.render(() -> String.join("\n", ids), () -> {
            JsonArray a = new JsonArray();
            ids.forEach(a::add);
            return a;
        }, null);
    }

    @Override
    protected String usage() {
        return "agents [--output-as json]\n  List the installed resource-agent types as class:provider:type, one per "
                + "line.";
    }
}
