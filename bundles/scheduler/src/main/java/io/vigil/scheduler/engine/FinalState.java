package io.vigil.scheduler.engine;

import io.vigil.scheduler.Placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a primitive runs once every executable action of the transition has succeeded. */
final class FinalState {
    private FinalState() {
    }

    static boolean executed(Act a) {
        return a.runnable && (!a.optional);
    }

    static List<Placement> of(PrimitiveRsc r) {
        Map<SNode, Role> state = new LinkedHashMap<>();
        for (SNode n : r.runningOn) {
            state.put(n, r.role == Role.UNKNOWN ? Role.STARTED : r.role);
        }
        for (String task : List.of("demote", "stop", "start", "promote")) {
            for (Act a : r.actions) {
                if (!a.task.equals(task) || a.intervalMs != 0 || !executed(a) || a.node == null) {
                    continue;
                }
                switch (task) {
                    case "demote" -> state.computeIfPresent(a.node, (k, v) -> Role.UNPROMOTED);
                    case "stop" -> state.remove(a.node);
                    case "start" -> state.put(a.node, r.inPromotable() ? Role.UNPROMOTED : Role.STARTED);
                    default -> state.put(a.node, Role.PROMOTED);
                }
            }
        }
        List<Placement> out = new ArrayList<>();
        for (Map.Entry<SNode, Role> e : state.entrySet()) {
            if (e.getKey().fenceScheduled) {
                continue;
            }
            Role role = e.getValue();
            if (role == Role.STARTED && r.inPromotable()) {
                role = Role.UNPROMOTED;
            }
            if (role == Role.STOPPED || role == Role.UNKNOWN) {
                continue;
            }
            out.add(new Placement(e.getKey().name, role.text));
        }
        return out;
    }
}
