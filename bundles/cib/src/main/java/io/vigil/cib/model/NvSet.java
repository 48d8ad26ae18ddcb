package io.vigil.cib.model;

import java.util.List;
import java.util.Optional;

/**
 * An attribute set (instance_attributes, meta_attributes, utilization, cluster_property_set, transient
 * instance_attributes). Pacemaker applies sets in descending score order; a set with a rule applies only
 * where the rule holds, so the scheduler evaluates {@link #rule()}.
 */
public record NvSet(String id, String idRef, Score score, Rule rule, List<Nvpair> pairs) {

    public NvSet {
        pairs = Lists.copy(pairs);
    }

    public static NvSet of(String id, List<Nvpair> pairs) {
        return new NvSet(id, null, null, null, pairs);
    }

    public boolean isUnconditional() {
        return rule == null && idRef == null;
    }

    public Optional<String> value(String name) {
        for (Nvpair p : pairs) {
            if (name.equals(p.name()) && p.value() != null) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    public Optional<Nvpair> pair(String name) {
        return pairs.stream().filter(p -> name.equals(p.name())).findFirst();
    }
}
