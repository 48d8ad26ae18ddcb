package io.vigil.cib.change;

import java.util.Map;

import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Resource;

/**
 * One typed change. Configuration changes bump the epoch; status changes bump num_updates.
 * Nodes in status changes are named by uname.
 */
public sealed interface CibChange {

    /** True when the change touches the configuration section. */
    boolean isConfiguration();

    /**
     * Which part of a resource or node an attribute change targets; {@code RSC_DEFAULTS} and {@code OP_DEFAULTS}
     * are the configuration's rsc_defaults / op_defaults (the object id is ignored for them).
     */
    enum AttributeTarget { RESOURCE_META, RESOURCE_INSTANCE, NODE, RSC_DEFAULTS, OP_DEFAULTS }

    record CreateResource(Resource resource) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    /** Replaces the resource with the same id, wherever it sits. */
    record ReplaceResource(Resource resource) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record DeleteResource(String id) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record CreateConstraint(Constraint constraint) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record ReplaceConstraint(Constraint constraint) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record DeleteConstraint(String id) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record CreateNode(Node node) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record DeleteNode(String id) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    /** Adds a fencing-level to the fencing topology. */
    record CreateFencingLevel(io.vigil.cib.model.FencingLevel level) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    /** Removes the fencing-level with this id. */
    record DeleteFencingLevel(String id) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    /** Sets a cluster option in the first cluster_property_set (created as cib-bootstrap-options if absent). */
    record SetProperty(String name, String value) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record UnsetProperty(String name) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    /** Sets an nvpair in the first unconditional set of the target (created if absent). */
    record SetAttribute(AttributeTarget target, String objectId, String name, String value) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    record UnsetAttribute(AttributeTarget target, String objectId, String name) implements CibChange {
        public boolean isConfiguration() {
            return true;
        }
    }

    /** Records an operation result in the node's history, replacing the entry with the same id. */
    record RecordOperation(String node, LrmResource resource, LrmRscOp op) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    /** Clears fail-count-* and last-failure-* of a resource (operation null = all operations) on a node. */
    record ClearFailCount(String node, String resource, String operation) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    record SetTransientAttribute(String node, String name, String value) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    record UnsetTransientAttribute(String node, String name) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    /**
     * Forgets operation history on a node: one entry ({@code opId}), one resource's ({@code opId} null), or every
     * resource's ({@code resource} null) — as after cleanup, or when a node's own record replaces it.
     */
    record DeleteOperationHistory(String node, String resource, String opId) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    /**
     * Adds to a numeric transient attribute (a fail count), with score arithmetic: {@code by} is a number or
     * {@code INFINITY}; a missing attribute counts as 0. Computed when the change is applied, so increments from
     * one node never lose each other, whatever was committed in between.
     */
    record IncrementTransientAttribute(String node, String name, String by) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    /** Removes every transient attribute of a node (it left the cluster). */
    record ClearTransientAttributes(String node) implements CibChange {
        public boolean isConfiguration() {
            return false;
        }
    }

    /** Sets membership attributes (in_ccm, crmd, join, expected ...) of a node's node_state, creating it if needed. */
    record SetNodeState(String nodeId, String node, Map<String, String> attributes) implements CibChange {
        public SetNodeState {
            // sorted: every member must build the same node_state, attribute order included
            attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        }

        public boolean isConfiguration() {
            return false;
        }
    }
}
