package io.vigil.cib.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.cib.model.ClusterOption.Type;

/** The catalogue of cluster options Vigil knows (Pacemaker 2.1 names and defaults, plus deprecated aliases). */
public final class ClusterOptions {

    private static final Map<String, ClusterOption> BY_NAME = new LinkedHashMap<>();

    static {
        add("symmetric-cluster", Type.BOOLEAN, "true", "resources may run anywhere unless constrained");
        add("stonith-enabled", Type.BOOLEAN, "true", "fence failed nodes; without a fence device nothing starts");
        add("fencing-enabled", Type.BOOLEAN, "true", "newer name of stonith-enabled");
        add("stonith-action", Type.ENUM, "reboot", "fencing action", "reboot", "off", "poweroff");
        add("stonith-timeout", Type.DURATION, "60s", "how long to wait for a fencing action");
        add("stonith-watchdog-timeout", Type.STRING, "0", "watchdog self-fencing timeout");
        add("stonith-max-attempts", Type.INTEGER, "10", "fencing attempts before giving up on a target");
        add("fencing-max-attempts", Type.INTEGER, "10", "newer name of stonith-max-attempts");
        add("concurrent-fencing", Type.BOOLEAN, "false", "allow several fencing actions at once");
        add("startup-fencing", Type.BOOLEAN, "true", "fence nodes never seen since start-up");
        add("priority-fencing-delay", Type.DURATION, "0", "delay fencing the node running the most important resources");
        add("have-watchdog", Type.BOOLEAN, "false", "read-only: a watchdog is in use");
        add("no-quorum-policy", Type.ENUM, "stop", "what to do without quorum",
                "stop", "freeze", "ignore", "demote", "fence", "suicide");
        add("maintenance-mode", Type.BOOLEAN, "false", "do not start, stop or monitor anything");
        add("stop-all-resources", Type.BOOLEAN, "false", "stop every resource");
        add("start-failure-is-fatal", Type.BOOLEAN, "true", "a failed start sets the fail count to INFINITY");
        add("enable-startup-probes", Type.BOOLEAN, "true", "probe every node for running resources");
        add("shutdown-lock", Type.BOOLEAN, "false", "keep resources of a cleanly stopped node locked to it");
        add("shutdown-lock-limit", Type.DURATION, "0", "how long a shutdown lock lasts");
        add("stop-orphan-resources", Type.BOOLEAN, "true", "stop resources no longer configured");
        add("stop-orphan-actions", Type.BOOLEAN, "true", "cancel recurring operations no longer configured");
        add("remove-after-stop", Type.BOOLEAN, "false", "deprecated: remove resources from the LRM after stop");
        add("placement-strategy", Type.ENUM, "default", "how utilization guides placement",
                "default", "utilization", "minimal", "balanced");
        add("node-health-strategy", Type.ENUM, "none", "how node health attributes affect placement",
                "none", "migrate-on-red", "only-green", "progressive", "custom");
        add("node-health-base", Type.SCORE, "0", "base health score (progressive strategy)");
        add("node-health-green", Type.SCORE, "0", "score for a green health attribute");
        add("node-health-yellow", Type.SCORE, "0", "score for a yellow health attribute");
        add("node-health-red", Type.SCORE, "-INFINITY", "score for a red health attribute");
        add("cluster-delay", Type.DURATION, "60s", "round-trip delay allowance for actions");
        add("batch-limit", Type.INTEGER, "0", "parallel actions (0 = dynamic)");
        add("migration-limit", Type.INTEGER, "-1", "parallel live migrations per node (-1 = unlimited)");
        add("node-action-limit", Type.INTEGER, "0", "parallel actions per node (0 = dynamic)");
        add("load-threshold", Type.PERCENTAGE, "80%", "CPU load above which actions are throttled");
        add("pe-error-series-max", Type.INTEGER, "-1", "scheduler inputs with errors to keep");
        add("pe-warn-series-max", Type.INTEGER, "5000", "scheduler inputs with warnings to keep");
        add("pe-input-series-max", Type.INTEGER, "4000", "scheduler inputs to keep");
        add("cluster-recheck-interval", Type.DURATION, "15min", "re-run the scheduler at least this often");
        add("dc-deadtime", Type.DURATION, "20s", "how long to wait for other nodes at start-up");
        add("election-timeout", Type.DURATION, "2min", "DC election timeout");
        add("shutdown-escalation", Type.DURATION, "20min", "force a shutdown after this long");
        add("join-integration-timeout", Type.DURATION, "3min", "join integration phase timeout");
        add("join-finalization-timeout", Type.DURATION, "30min", "join finalization phase timeout");
        add("transition-delay", Type.DURATION, "0s", "delay before running a transition");
        add("fence-reaction", Type.ENUM, "stop", "reaction to being told it was fenced", "stop", "panic");
        add("node-pending-timeout", Type.DURATION, "0", "fence nodes pending join for this long (0 = never)");
        add("enable-acl", Type.BOOLEAN, "false", "enforce access control lists");
        add("cluster-ipc-limit", Type.INTEGER, "500", "IPC backlog before a client is evicted");
        add("cluster-name", Type.STRING, null, "name of the cluster");
        add("cluster-infrastructure", Type.STRING, null, "read-only: messaging layer");
        add("dc-version", Type.STRING, null, "read-only: version of the DC");
        add("last-lrm-refresh", Type.STRING, null, "read-only: time of the last resource refresh");
        // Deprecated spellings Pacemaker 2.1 still accepts.
        add("crmd-transition-delay", Type.DURATION, "0s", "deprecated: use transition-delay");
        add("crmd-integration-timeout", Type.DURATION, "3min", "deprecated: use join-integration-timeout");
        add("crmd-finalization-timeout", Type.DURATION, "30min", "deprecated: use join-finalization-timeout");
        add("default-resource-stickiness", Type.SCORE, "0", "deprecated: use rsc_defaults resource-stickiness");
        add("is-managed-default", Type.BOOLEAN, "true", "deprecated: use rsc_defaults is-managed");
        add("default-action-timeout", Type.DURATION, "20s", "deprecated: use op_defaults timeout");
        add("expected-quorum-votes", Type.INTEGER, "2", "deprecated: quorum comes from corosync");
    }

    private ClusterOptions() {
    }

    private static void add(String name, Type type, String dflt, String description, String... allowed) {
        BY_NAME.put(name, new ClusterOption(name, type, dflt, List.of(allowed), description));
    }

    public static Optional<ClusterOption> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<ClusterOption> all() {
        return List.copyOf(BY_NAME.values());
    }
}
