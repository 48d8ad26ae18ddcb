package io.vigil.shell.build;

import java.util.List;

/** The meta-attribute and operation-attribute names Pacemaker knows, for checking and for suggestions. */
public final class MetaAttributes {

    /** Meta attributes of primitives, groups and clones (Pacemaker Explained, "Resource Meta-Attributes"). */
    public static final List<String> RESOURCE = List.of("priority", "critical", "target-role", "is-managed",
            "maintenance", "resource-stickiness", "requires", "migration-threshold", "failure-timeout",
            "multiple-active", "allow-migrate", "allow-unhealthy-nodes", "container-attribute-target",
            "remote-node", "remote-port", "remote-addr", "remote-connect-timeout", "globally-unique", "clone-max",
            "clone-node-max", "clone-min", "notify", "ordered", "interleave", "promotable", "promoted-max",
            "promoted-node-max", "master-max", "master-node-max", "description");

    /** Attributes of an op (and of op_defaults). */
    public static final List<String> OPERATION = List.of("id", "interval", "timeout", "description", "start-delay",
            "interval-origin", "record-pending", "enabled", "role", "on-fail", "requires", "OCF_CHECK_LEVEL");

    /** Clone meta attributes as clone options (pcs resource clone / crm clone). */
    public static final List<String> CLONE = List.of("globally-unique", "clone-max", "clone-node-max", "clone-min",
            "notify", "ordered", "interleave", "promotable", "promoted-max", "promoted-node-max", "master-max",
            "master-node-max", "target-role", "is-managed", "priority", "resource-stickiness", "failure-timeout",
            "migration-threshold", "description", "critical", "maintenance");

    /** The actions an op section may name. */
    public static final List<String> ACTIONS = List.of("monitor", "start", "stop", "promote", "demote", "notify",
            "reload", "reload-agent", "migrate_to", "migrate_from", "meta-data", "validate-all", "status");

    private MetaAttributes() {
    }
}
