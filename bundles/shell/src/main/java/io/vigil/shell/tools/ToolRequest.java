package io.vigil.shell.tools;

import java.util.List;

import io.vigil.cib.change.CibChange;

/** What a crm_* tool command line asks for: changes to apply atomically, or output made from the CIB. */
public sealed interface ToolRequest {

    /** Changes applied as one transaction; {@code message} is printed once they are committed. */
    record Change(List<CibChange> changes, String message) implements ToolRequest {
        public Change {
            changes = List.copyOf(changes);
        }
    }

    /** Text already made from the snapshot (a query, a listing, help). */
    record Output(String text) implements ToolRequest {
    }

    /** crm_resource --restart. */
    record Restart(String resource, long timeoutSeconds) implements ToolRequest {
    }
}
