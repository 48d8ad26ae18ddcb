package io.vigil.cib.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed read access to crm_config, falling back to each option's default. */
public record ClusterProperties(List<NvSet> sets) {

    public ClusterProperties {
        sets = Lists.copy(sets);
    }

    /** The unconditional merged view of all cluster_property_sets. */
    public Map<String, String> values() {
        return new AttributeSets(sets).unconditional();
    }

    /** The configured value, else the option's default. */
    public Optional<String> get(String name) {
        String v = values().get(name);
        if (v != null) {
            return Optional.of(v);
        }
        return ClusterOptions.find(name).map(ClusterOption::defaultValue);
    }

    public boolean bool(String name) {
        return Truth.parse(get(name).orElse(null))
                .orElseGet(() -> Truth.isTrue(ClusterOptions.find(name).map(ClusterOption::defaultValue).orElse("false")));
    }

    public long durationMs(String name) {
        return TimeSpec.toMillis(get(name).orElse(null))
                .orElseGet(() -> TimeSpec.toMillis(ClusterOptions.find(name).map(ClusterOption::defaultValue)
                        .orElse("0")).orElse(0));
    }

    public long integer(String name) {
        String v = get(name).orElse("0").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return Long.parseLong(ClusterOptions.find(name).map(ClusterOption::defaultValue).orElse("0"));
        }
    }

    public boolean symmetricCluster() {
        return bool("symmetric-cluster");
    }

    /** stonith-enabled, or its newer name fencing-enabled when only that is set. */
    public boolean stonithEnabled() {
        Map<String, String> v = values();
        if (!v.containsKey("stonith-enabled") && v.containsKey("fencing-enabled")) {
            return bool("fencing-enabled");
        }
        return bool("stonith-enabled");
    }

    public String noQuorumPolicy() {
        return get("no-quorum-policy").orElse("stop");
    }

    public boolean maintenanceMode() {
        return bool("maintenance-mode");
    }

    public boolean stopAllResources() {
        return bool("stop-all-resources");
    }

    public boolean startFailureIsFatal() {
        return bool("start-failure-is-fatal");
    }

    public String placementStrategy() {
        return get("placement-strategy").orElse("default");
    }

    public String stonithAction() {
        return get("stonith-action").orElse("reboot");
    }

    public long stonithTimeoutMs() {
        return durationMs("stonith-timeout");
    }

    public long clusterRecheckIntervalMs() {
        return durationMs("cluster-recheck-interval");
    }

    public long dcDeadtimeMs() {
        return durationMs("dc-deadtime");
    }

    public long priorityFencingDelayMs() {
        return durationMs("priority-fencing-delay");
    }

    public long batchLimit() {
        return integer("batch-limit");
    }

    public boolean shutdownLock() {
        return bool("shutdown-lock");
    }

    public boolean startupFencing() {
        return bool("startup-fencing");
    }

    public boolean enableStartupProbes() {
        return bool("enable-startup-probes");
    }

    public boolean stopOrphanResources() {
        return bool("stop-orphan-resources");
    }
}
