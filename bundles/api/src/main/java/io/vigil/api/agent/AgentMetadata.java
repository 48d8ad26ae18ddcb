package io.vigil.api.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent declares about itself: the OCF meta-data document as data.
 *
 * @param name the agent's type name ({@code Dummy}, {@code IPaddr2})
 * @param version the agent's own version
 * @param shortDescription a one-line description
 * @param longDescription a longer description
 * @param parameters the parameters it accepts, in declaration order
 * @param actions the actions it supports, with advised timeouts
 */
public record AgentMetadata(String name, String version, String shortDescription, String longDescription,
        List<ParameterSpec> parameters, List<ActionSpec> actions) {

    public AgentMetadata {
        Objects.requireNonNull(name, "name");
        version = version == null ? "1.0" : version;
        shortDescription = shortDescription == null ? "" : shortDescription;
        longDescription = longDescription == null ? "" : longDescription;
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    /** The declared parameter of that name. */
    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The first declaration of an action (for monitors, the first one declared). */
    public Optional<ActionSpec> action(AgentAction action) {
        return actions.stream().filter(a -> a.action() == action).findFirst();
    }

    /** Whether the agent declares the action. */
    public boolean supports(AgentAction action) {
        return action(action).isPresent();
    }

    /** The OCF 1.1 meta-data XML document for this metadata, as {@code meta-data} prints it. */
    public String toXml() {
        return MetadataXml.render(this);
    }
}
