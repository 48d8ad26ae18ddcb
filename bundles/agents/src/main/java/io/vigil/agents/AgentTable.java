package io.vigil.agents;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.ResourceAgent;

/**
 * The agents known right now, keyed by type. Several services may claim one type for a moment (a bundle being
 * upgraded, or a vendor agent shadowing a built-in one): the one with the highest service ranking wins, then the
 * newest registration. Thread-safe; plain Java so it can be tested without a framework.
 */
final class AgentTable {

    /** One registered agent service. */
    record Registration(AgentId id, long serviceId, int ranking, ResourceAgent agent) {
    }

    private static final Comparator<Registration> PREFERENCE = Comparator.comparingInt(Registration::ranking)
            .thenComparingLong(Registration::serviceId);

    private final Map<Long, Registration> byServiceId = new TreeMap<>();

    synchronized void add(Registration registration) {
        byServiceId.put(registration.serviceId(), registration);
    }

    synchronized void remove(long serviceId) {
        byServiceId.remove(serviceId);
    }

    synchronized SortedSet<AgentId> ids() {
        TreeSet<AgentId> ids = new TreeSet<>();
        byServiceId.values().forEach(r -> ids.add(r.id()));
        return ids;
    }

    synchronized Optional<ResourceAgent> lookup(AgentId id) {
        return byServiceId.values().stream().filter(r -> r.id().equals(id)).max(PREFERENCE)
                .map(Registration::agent);
    }
}
