package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** rsc_colocation: place {@code rsc} relative to {@code withRsc} (or resource sets). */
public record ColocationConstraint(String id, String rsc, String withRsc, Score score, String rscRole,
                                   String withRscRole, String nodeAttribute, Map<String, String> otherAttributes,
                                   List<ResourceSet> resourceSets) implements Constraint {

    public ColocationConstraint {
        otherAttributes = Lists.copy(otherAttributes);
        resourceSets = Lists.copy(resourceSets);
    }

    @Override
    public List<String> referencedResources() {
        List<String> ids = new ArrayList<>();
        if (rsc != null) {
            ids.add(rsc);
        }
        if (withRsc != null) {
            ids.add(withRsc);
        }
        resourceSets.forEach(s -> ids.addAll(s.resourceRefs()));
        return List.copyOf(ids);
    }
}
