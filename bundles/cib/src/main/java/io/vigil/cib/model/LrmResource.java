package io.vigil.cib.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operation history of one resource on one node. */
public record LrmResource(String id, String standard, String provider, String type,
                          Map<String, String> otherAttributes, List<LrmRscOp> ops) {

    public LrmResource {
        otherAttributes = Lists.copy(otherAttributes);
        ops = Lists.copy(ops);
    }

    /** The entry with the highest call id (the last result Pacemaker acts on). */
    public Optional<LrmRscOp> lastOp() {
        return ops.stream().max(Comparator.comparingInt(LrmRscOp::callId));
    }
}
