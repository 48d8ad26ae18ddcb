package io.vigil.scheduler.tool;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.scheduler.Placement;
import io.vigil.scheduler.engine.Engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The placement before the transition (for printing the current status). */
final class CurrentPlacement {
    private CurrentPlacement() {
    }

    static Map<String, List<Placement>> of(CibSnapshot cib) {
        return Engine.currentPlacement(cib, Instant.EPOCH);
    }
}
