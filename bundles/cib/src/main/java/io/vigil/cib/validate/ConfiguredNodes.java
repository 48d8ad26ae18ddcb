package io.vigil.cib.validate;

import java.util.HashSet;
import java.util.Set;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Truth;

/** The node ids and names of the configuration: status of other nodes is ignored by Pacemaker. */
final class ConfiguredNodes {

    private ConfiguredNodes() {
    }

    static Set<String> of(CibSnapshot cib) {
        Set<String> configured = new HashSet<>();
        for (Node n : cib.configuration().nodes()) {
            configured.add(n.id());
            configured.add(n.uname());
        }
        return configured;
    }

    /** A cluster node's status entry whose node is configured (remote node entries are never matched). */
    static boolean contains(Set<String> configured, NodeState ns) {
        return !Truth.isTrue(ns.attributes().get("remote_node"))
                && (configured.contains(ns.uname()) || configured.contains(ns.id()));
    }
}
