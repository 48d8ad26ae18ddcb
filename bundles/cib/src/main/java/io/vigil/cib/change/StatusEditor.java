package io.vigil.cib.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.vigil.cib.Problem;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Score;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Status;

/** Applies status changes to node_state entries (found by uname). */
final class StatusEditor {

    private StatusEditor() {
    }

    static Status apply(Status s, CibChange change) throws ChangeFailure {
        if (change instanceof CibChange.SetNodeState x) {
            if (s.nodeByName(x.node()).isEmpty()) {
                List<NodeState> nodes = new ArrayList<>(s.nodes());
                nodes.add(new NodeState(x.nodeId(), x.node(), x.attributes(), null, List.of(), null, List.of()));
                return s.withNodes(nodes);
            }
            return edit(s, x.node(), n -> {
                Map<String, String> a = new LinkedHashMap<>(n.attributes());
                a.putAll(x.attributes());
                return new NodeState(n.id(), n.uname(), a, n.transientId(), n.transientAttributes(), n.lrmId(), n.lrmResources());
            });
        }
        if (change instanceof CibChange.RecordOperation x) {
            return edit(s, x.node(), n -> record(n, x.resource(), x.op()));
        }
        if (change instanceof CibChange.SetTransientAttribute x) {
            return edit(s, x.node(), n -> transients(n, sets -> NvSets.set(sets, "status-" + n.id(), x.name(), x.value())));
        }
        if (change instanceof CibChange.UnsetTransientAttribute x) {
            return edit(s, x.node(), n -> transients(n, sets -> NvSets.unset(sets, x.name())));
        }
        if (change instanceof CibChange.ClearFailCount x) {
            return edit(s, x.node(), n -> transients(n, sets -> clearFailCounts(sets, x.resource(), x.operation())));
        }
        if (change instanceof CibChange.DeleteOperationHistory x) {
            return edit(s, x.node(), n -> forget(n, x.resource(), x.opId()));
        }
        if (change instanceof CibChange.IncrementTransientAttribute x) {
            Score by = Score.tryParse(x.by()).orElseThrow(() -> new ChangeFailure(Problem.error("nvpair", x.name(),
                    "value", "'" + x.by() + "' is not a score (a number or INFINITY)")));
            return edit(s, x.node(), n -> {
                Score old = Score.tryParse(n.transientValues().get(x.name())).orElse(Score.ZERO);
                return transients(n, sets -> NvSets.set(sets, "status-" + n.id(), x.name(), old.plus(by).toString()));
            });
        }
        if (change instanceof CibChange.ClearTransientAttributes x) {
            return edit(s, x.node(), n -> new NodeState(n.id(), n.uname(), n.attributes(), n.transientId(), List.of(),
                    n.lrmId(), n.lrmResources()));
        }
        throw new IllegalArgumentException("not a status change: " + change);
    }

    private static Status edit(Status s, String uname, UnaryOperator<NodeState> edit) throws ChangeFailure {
        List<NodeState> nodes = new ArrayList<>();
        boolean found = false;
        for (NodeState n : s.nodes()) {
            if (uname.equals(n.uname())) {
                found = true;
                nodes.add(edit.apply(n));
            } else {
                nodes.add(n);
            }
        }
        if (!found) {
            throw new ChangeFailure(Problem.error("node_state", uname, "uname", "no status for node '" + uname
                    + "'; set its node state first"));
        }
        return s.withNodes(nodes);
    }

    private static NodeState transients(NodeState n, UnaryOperator<AttributeSets> edit) {
        AttributeSets changed = edit.apply(new AttributeSets(n.transientAttributes()));
        return new NodeState(n.id(), n.uname(), n.attributes(), n.transientId() == null ? n.id() : n.transientId(),
                changed.sets(), n.lrmId(), n.lrmResources());
    }

    private static AttributeSets clearFailCounts(AttributeSets sets, String resource, String operation) {
        List<String> removed = new ArrayList<>();
        AttributeSets out = sets;
        for (NvSet set : sets.sets()) {
            for (var p : set.pairs()) {
                for (String prefix : List.of(FailCount.FAIL_COUNT, FailCount.LAST_FAILURE)) {
                    FailCount.parse(prefix, p.name(), p.value()).ifPresent(fc -> {
                        // Matches clone instances too: "rsc:0" belongs to "rsc".
                        boolean sameResource = fc.resource().equals(resource) || fc.resource().startsWith(resource + ":");
                        boolean sameOp = operation == null || operation.equals(fc.operation());
                        if (sameResource && sameOp) {
                            removed.add(p.name());
                        }
                    });
                }
            }
        }
        for (String name : removed) {
            out = NvSets.unset(out, name);
        }
        return out;
    }

    private static NodeState forget(NodeState n, String resource, String opId) {
        List<LrmResource> resources = new ArrayList<>();
        for (LrmResource r : n.lrmResources()) {
            if (resource != null && !r.id().equals(resource)) {
                resources.add(r);
            } else if (opId != null) {
                resources.add(new LrmResource(r.id(), r.standard(), r.provider(), r.type(), r.otherAttributes(),
                        r.ops().stream().filter(o -> !opId.equals(o.id())).toList()));
            }
        }
        return new NodeState(n.id(), n.uname(), n.attributes(), n.transientId(), n.transientAttributes(), n.lrmId(),
                resources);
    }

    private static NodeState record(NodeState n, LrmResource rsc, LrmRscOp op) {
        List<LrmResource> resources = new ArrayList<>();
        boolean found = false;
        for (LrmResource r : n.lrmResources()) {
            if (r.id().equals(rsc.id())) {
                found = true;
                List<LrmRscOp> ops = new ArrayList<>();
                boolean replaced = false;
                for (LrmRscOp o : r.ops()) {
                    if (o.id() != null && o.id().equals(op.id())) {
                        ops.add(op);
                        replaced = true;
                    } else {
                        ops.add(o);
                    }
                }
                if (!replaced) {
                    ops.add(op);
                }
                resources.add(new LrmResource(r.id(), r.standard(), r.provider(), r.type(), r.otherAttributes(), ops));
            } else {
                resources.add(r);
            }
        }
        if (!found) {
            resources.add(new LrmResource(rsc.id(), rsc.standard(), rsc.provider(), rsc.type(), rsc.otherAttributes(), List.of(op)));
        }
        return new NodeState(n.id(), n.uname(), n.attributes(), n.transientId(), n.transientAttributes(),
                n.lrmId() == null ? n.id() : n.lrmId(), resources);
    }
}
