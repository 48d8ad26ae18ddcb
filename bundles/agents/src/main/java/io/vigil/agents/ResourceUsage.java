package io.vigil.agents;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;

/**
 * Which resources are active on this node, and through which agent type, as the executor's results tell it. A
 * resource counts as active from any start, promote, demote or migrate_from (even a failed one: Pacemaker stops a
 * resource whose start failed before it is sure it is gone) and from a monitor that finds it running or broken,
 * until a stop succeeds or a monitor reports it not running (or its agent not installed, which a probe on a node
 * without the software answers). Results that say nothing about the resource (meta-data, validate-all, cancelled
 * or never-run actions) change nothing. Thread-safe; plain Java so it can be tested without a framework.
 */
final class ResourceUsage {

    private final Map<String, AgentId> active = new HashMap<>();
    /** When a resource of each agent type last stopped being active (System.nanoTime()). */
    private final Map<AgentId, Long> released = new HashMap<>();

    /**
     * Takes one result into account.
     *
     * @return whether the set of active resources changed
     */
    synchronized boolean record(String resourceId, AgentId agent, String action, ExecStatus status,
            OcfExitCode exitCode) {
        Boolean running = running(action, status, exitCode);
        if (running == null) {
            return false;
        }
        AgentId before = running ? active.put(resourceId, agent) : active.remove(resourceId);
        if (!running && before != null) {
            released.put(before, System.nanoTime());
        }
        return running ? !agent.equals(before) : before != null;
    }

    /** Counts a resource as active without a result, e.g. one whose recurring monitor already runs. */
    synchronized void assumeActive(String resourceId, AgentId agent) {
        active.putIfAbsent(resourceId, agent);
    }

    /** The active resources whose agent is one of {@code agents}, sorted. */
    synchronized SortedSet<String> resourcesUsing(Collection<AgentId> agents) {
        SortedSet<String> users = new TreeSet<>();
        active.forEach((rsc, agent) -> {
            if (agents.contains(agent)) {
                users.add(rsc);
            }
        });
        return users;
    }

    /** Whether a resource of one of {@code agents} stopped being active less than {@code nanos} ago. */
    synchronized boolean releasedWithin(Collection<AgentId> agents, long nanos) {
        long now = System.nanoTime();
        return agents.stream().map(released::get).anyMatch(t -> t != null && now - t < nanos);
    }

    /** Whether the result shows the resource running ({@code true}), stopped ({@code false}) or neither. */
    private static Boolean running(String action, ExecStatus status, OcfExitCode rc) {
        if (status == ExecStatus.PENDING || status == ExecStatus.CANCELLED || status == ExecStatus.NOT_INSTALLED
                || status == ExecStatus.NOT_SUPPORTED || status == ExecStatus.INVALID
                || status == ExecStatus.NOT_CONNECTED) {
            return null; // the agent never looked at the resource
        }
        boolean done = status == ExecStatus.DONE;
        return switch (action) {
            case "stop" -> !(done && rc == OcfExitCode.SUCCESS);
            case "monitor" -> !(done && (rc == OcfExitCode.NOT_RUNNING || rc == OcfExitCode.ERR_INSTALLED));
            case "start", "promote", "demote", "migrate_from" -> true;
            default -> null;
        };
    }
}
