package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A group: members start in order and run together. */
public record Group(String id, String description, Map<String, String> otherAttributes,
                    AttributeSets instanceAttributes, AttributeSets metaAttributes, AttributeSets utilization,
                    List<Primitive> members) implements Resource {

    public Group {
        otherAttributes = Lists.copy(otherAttributes);
        instanceAttributes = instanceAttributes == null ? AttributeSets.EMPTY : instanceAttributes;
        metaAttributes = metaAttributes == null ? AttributeSets.EMPTY : metaAttributes;
        utilization = utilization == null ? AttributeSets.EMPTY : utilization;
        members = Lists.copy(members);
    }

    @Override
    public List<Resource> flatten() {
        List<Resource> all = new ArrayList<>();
        all.add(this);
        all.addAll(members);
        return List.copyOf(all);
    }
}
