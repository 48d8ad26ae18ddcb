package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rsc_order: {@code first} then {@code then} (or resource sets). {@code kind} Mandatory (default) /
 * Optional / Serialize; {@code symmetrical} keeps the configured text (null = default).
 */
public record OrderConstraint(String id, String first, String firstAction, String then, String thenAction,
                              String kind, Score score, String symmetrical, Map<String, String> otherAttributes,
                              List<ResourceSet> resourceSets) implements Constraint {

    public OrderConstraint {
        otherAttributes = Lists.copy(otherAttributes);
        resourceSets = Lists.copy(resourceSets);
    }

    @Override
    public List<String> referencedResources() {
        List<String> ids = new ArrayList<>();
        if (first != null) {
            ids.add(first);
        }
        if (then != null) {
            ids.add(then);
        }
        resourceSets.forEach(s -> ids.addAll(s.resourceRefs()));
        return List.copyOf(ids);
    }
}
