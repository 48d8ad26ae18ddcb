package io.vigil.cib.model;

import java.util.Map;

/** A configured cluster node with its permanent attributes (standby, ...) and utilization. */
public record Node(String id, String uname, String type, Score score, String description,
                   Map<String, String> otherAttributes, AttributeSets instanceAttributes,
                   AttributeSets utilization) {

    public Node {
        otherAttributes = Lists.copy(otherAttributes);
        instanceAttributes = instanceAttributes == null ? AttributeSets.EMPTY : instanceAttributes;
        utilization = utilization == null ? AttributeSets.EMPTY : utilization;
    }

    /** The permanent {@code standby} attribute (unconditional sets only). */
    public boolean isStandby() {
        return instanceAttributes.get("standby").map(Truth::isTrue).orElse(false);
    }

    public boolean isRemote() {
        return "remote".equals(type);
    }
}
