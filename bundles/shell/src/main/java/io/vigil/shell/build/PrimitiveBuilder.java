package io.vigil.shell.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.api.agent.AgentId;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;

/**
 * A primitive from an agent and the params / meta / op sections of a create command. Ids follow pcs:
 * {@code ID-instance_attributes}, {@code ID-meta_attributes}, {@code ID-ACTION-interval-INTERVAL}.
 */
public final class PrimitiveBuilder {

    private final String id;
    private final AgentId agent;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final List<Operation> ops = new ArrayList<>();

    public PrimitiveBuilder(String id, AgentId agent) {
        this.id = id;
        this.agent = agent;
    }

    public PrimitiveBuilder param(String name, String value) {
        params.put(name, value);
        return this;
    }

    public PrimitiveBuilder meta(String name, String value) {
        meta.put(name, value);
        return this;
    }

    /** An operation: {@code attributes} holds interval, timeout, role, on-fail and any other op attribute. */
    public PrimitiveBuilder op(String action, Map<String, String> attributes) {
        ops.add(operation(id, action, attributes));
        return this;
    }

    public boolean hasOp(String action) {
        return ops.stream().anyMatch(o -> o.name().equals(action));
    }

    public Primitive build() {
        return new Primitive(id, null, agent.standard(), agent.provider(), agent.type(), Map.of(),
                AttributeEdits.sets(id + "-instance_attributes", params), AttributeEdits.sets(id + "-meta_attributes",
                        meta), null, null, null, ops);
    }

    /** An operation of resource {@code rsc} with pcs's id {@code rsc-action-interval-INTERVAL}. */
    public static Operation operation(String rsc, String action, Map<String, String> attributes) {
        Map<String, String> rest = new LinkedHashMap<>(attributes);
        String explicitId = rest.remove("id");
        String interval = rest.remove("interval");
        String timeout = rest.remove("timeout");
        String role = rest.remove("role");
        String onFail = rest.remove("on-fail");
        interval = interval == null ? "0s" : interval;
        String id = explicitId != null ? explicitId : rsc + "-" + action + "-interval-" + interval;
        return new Operation(id, action, interval, timeout, role, onFail, rest, null, null);
    }
}
