package io.vigil.cib.model;

import java.util.List;
import java.util.Optional;

/** The status section: one entry per node_state, plus unsupported parts (tickets). */
public record Status(List<NodeState> nodes, List<Unsupported> unsupported) {

    public static final Status EMPTY = new Status(List.of(), List.of());

    public Status {
        nodes = Lists.copy(nodes);
        unsupported = Lists.copy(unsupported);
    }

    public Optional<NodeState> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<NodeState> nodeByName(String uname) {
        return nodes.stream().filter(n -> uname.equals(n.uname())).findFirst();
    }

    public Status withNodes(List<NodeState> v) {
        return new Status(v, unsupported);
    }
}
