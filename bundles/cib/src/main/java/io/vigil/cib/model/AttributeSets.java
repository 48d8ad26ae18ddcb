package io.vigil.cib.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attribute sets of one kind attached to an object, in document order. */
public record AttributeSets(List<NvSet> sets) {

    public static final AttributeSets EMPTY = new AttributeSets(List.of());

    public AttributeSets {
        sets = Lists.copy(sets);
    }

    public static AttributeSets of(NvSet... sets) {
        return new AttributeSets(List.of(sets));
    }

    public boolean isEmpty() {
        return sets.isEmpty();
    }

    /**
     * The merged view of the sets without rules: higher-scored sets first (document order on ties), and the
     * first value for a name wins, as Pacemaker unpacks them.
     */
    public Map<String, String> unconditional() {
        List<NvSet> ordered = new ArrayList<>();
        for (NvSet s : sets) {
            if (s.isUnconditional()) {
                ordered.add(s);
            }
        }
        ordered.sort(Comparator.comparing((NvSet s) -> s.score() == null ? Score.ZERO : s.score()).reversed());
        Map<String, String> merged = new LinkedHashMap<>();
        for (NvSet s : ordered) {
            for (Nvpair p : s.pairs()) {
                if (p.name() != null && p.value() != null) {
                    merged.putIfAbsent(p.name(), p.value());
                }
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(unconditional().get(name));
    }

    /** True when any set (with or without rule) names this attribute. */
    public boolean mentions(String name) {
        return sets.stream().anyMatch(s -> s.pair(name).isPresent());
    }
}
