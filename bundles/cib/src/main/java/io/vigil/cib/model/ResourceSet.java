package io.vigil.cib.model;

import java.util.List;
import java.util.Map;

/**
 * A resource_set inside a constraint. Booleans stay as configured text (null = Pacemaker's default:
 * sequential true, require-all true).
 */
public record ResourceSet(String id, String idRef, String sequential, String requireAll, String ordering,
                          String action, String role, Score score, Map<String, String> otherAttributes,
                          List<String> resourceRefs) {

    public ResourceSet {
        otherAttributes = Lists.copy(otherAttributes);
        resourceRefs = Lists.copy(resourceRefs);
    }

    public boolean isSequential() {
        return sequential == null || Truth.isTrue(sequential);
    }

    public boolean isRequireAll() {
        return requireAll == null || Truth.isTrue(requireAll);
    }
}
