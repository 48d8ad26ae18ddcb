package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * rsc_location: either {@code rsc} or {@code rscPattern} (or resource sets); either node + score or rules.
 * {@code resourceDiscovery} is always / never / exclusive.
 */
public record LocationConstraint(String id, String rsc, String rscPattern, String role, String node, Score score,
                                 String resourceDiscovery, Map<String, String> otherAttributes,
                                 List<Rule> rules, List<ResourceSet> resourceSets) implements Constraint {

    public LocationConstraint {
        otherAttributes = Lists.copy(otherAttributes);
        rules = Lists.copy(rules);
        resourceSets = Lists.copy(resourceSets);
    }

    @Override
    public List<String> referencedResources() {
        List<String> ids = new ArrayList<>();
        if (rsc != null) {
            ids.add(rsc);
        }
        resourceSets.forEach(s -> ids.addAll(s.resourceRefs()));
        return List.copyOf(ids);
    }
}
