package io.vigil.cib.validate;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Primitive;

/** Fencing levels need a target, an index 1-9 and existing fencing devices. */
final class FencingTopologyCheck implements Check {

    @Override
    public void run(CibSnapshot cib, List<Problem> problems) {
        Set<String> devices = cib.configuration().fencingDevices().stream().map(Primitive::id).collect(Collectors.toSet());
        for (FencingLevel l : cib.configuration().fencingTopology()) {
            if (l.target() == null && l.targetPattern() == null && l.targetAttribute() == null) {
                problems.add(Problem.error("fencing-level", l.id(), "target", "names no target; set target, target-pattern or target-attribute"));
            }
            if (l.level() < 1 || l.level() > 9) {
                problems.add(Problem.error("fencing-level", l.id(), "index", "'" + l.index() + "' is not a level from 1 to 9"));
            }
            for (String d : l.devices()) {
                if (!devices.contains(d)) {
                    problems.add(Problem.error("fencing-level", l.id(), "devices", "fencing device '" + d + "' does not exist"));
                }
            }
        }
    }
}
