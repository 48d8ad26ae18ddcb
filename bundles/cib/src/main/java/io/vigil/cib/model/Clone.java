package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A clone of a primitive or a group. It is promotable when meta attribute {@code promotable} is true or
 * when it was imported from the old {@code master} element ({@code legacyMaster}, exported back as such).
 */
public record Clone(String id, String description, Map<String, String> otherAttributes,
                    AttributeSets instanceAttributes, AttributeSets metaAttributes, boolean legacyMaster,
                    Resource child) implements Resource {

    public Clone {
        otherAttributes = Lists.copy(otherAttributes);
        instanceAttributes = instanceAttributes == null ? AttributeSets.EMPTY : instanceAttributes;
        metaAttributes = metaAttributes == null ? AttributeSets.EMPTY : metaAttributes;
    }

    public boolean isPromotable() {
        return legacyMaster || metaAttributes.get("promotable").map(Truth::isTrue).orElse(false);
    }

    @Override
    public List<Resource> flatten() {
        List<Resource> all = new ArrayList<>();
        all.add(this);
        if (child != null) {
            all.addAll(child.flatten());
        }
        return List.copyOf(all);
    }
}
