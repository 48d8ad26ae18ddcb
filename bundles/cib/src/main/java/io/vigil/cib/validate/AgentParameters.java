package io.vigil.cib.validate;

import java.util.List;
import java.util.Optional;

/** The parameters an agent's metadata declares. */
public record AgentParameters(List<Parameter> parameters) {

    public record Parameter(String name, boolean required) {
    }

    public AgentParameters {
        parameters = List.copyOf(parameters);
    }

    public Optional<Parameter> find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
