package io.vigil.shell.pcs;

import java.util.List;

import io.vigil.cib.change.CibChange;
import io.vigil.shell.output.OutputFormat;

/** What a pcs command line asks for: a change to apply, something to show, or an action. */
public sealed interface PcsRequest {

    /** Changes applied atomically (all or none); {@code done} is printed after they are committed. */
    record Change(List<CibChange> changes, String done, List<String> warnings) implements PcsRequest {
        public Change {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    /** Nothing to change, e.g. clearing a resource that has no move/ban constraints. */
    record Nothing(String message) implements PcsRequest {
    }

    /** Text that needs no cluster state (help). */
    record Text(String text) implements PcsRequest {
    }

    /** Something to read and show. */
    record Show(What what, String id, OutputFormat format) implements PcsRequest {
    }

    /** What {@link Show} shows; {@code id} narrows it where that makes sense. */
    enum What {
        STATUS, STATUS_FULL, STATUS_RESOURCES, STATUS_NODES, CONFIG, CONSTRAINTS, CONSTRAINTS_FULL, RESOURCE_STATUS,
        RESOURCE_CONFIG, RESOURCE_DEFAULTS, OP_DEFAULTS, PROPERTIES, AGENTS, DESCRIBE, STONITH_STATUS,
        STONITH_HISTORY, STONITH_LEVELS, QUORUM, NODE_ATTRIBUTES
    }

    /** {@code pcs stonith fence NODE [--off]}. */
    record Fence(String node, boolean off) implements PcsRequest {
    }

    /** {@code pcs resource restart ID [NODE]}: stop, wait until stopped, start again. */
    record Restart(String resource, String node, long waitSeconds) implements PcsRequest {
    }
}
