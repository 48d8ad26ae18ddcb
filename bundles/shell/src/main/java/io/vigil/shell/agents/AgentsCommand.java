package io.vigil.shell.agents;

import java.util.List;
import java.util.stream.Collectors;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.shell.command.ShellCommand;

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
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("agents takes no arguments (got '" + String.join(" ", args) + "')");
        }
        return registry.agentIds().stream().map(AgentId::toString).collect(Collectors.joining("\n"));
    }

    @Override
    protected String usage() {
        return "agents\n  List the installed resource-agent types as class:provider:type, one per line.";
    }
}
