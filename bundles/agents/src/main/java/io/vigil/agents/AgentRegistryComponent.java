package io.vigil.agents;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.api.agent.ResourceAgent;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tracks every {@link ResourceAgent} service as it comes and goes, so an agent bundle dropped into the deploy
 * folder is usable at once and a removed one is gone at once, without restarting anything.
 */
@Component(service = AgentRegistry.class)
public class AgentRegistryComponent implements AgentRegistry {

    private static final System.Logger LOG = System.getLogger(AgentRegistryComponent.class.getName());

    private final AgentTable table = new AgentTable();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAgent(ResourceAgent agent, Map<String, Object> properties) {
        AgentId id = idOf(properties);
        if (id == null) {
            return;
        }
        table.add(new AgentTable.Registration(id, serviceId(properties), ranking(properties), agent));
        LOG.log(System.Logger.Level.INFO, "agent " + id + " installed");
    }

    void removeAgent(ResourceAgent agent, Map<String, Object> properties) {
        table.remove(serviceId(properties));
        AgentId id = idOf(properties);
        if (id != null) {
            LOG.log(System.Logger.Level.INFO, "agent " + id + " removed");
        }
    }

    @Override
    public SortedSet<AgentId> agentIds() {
        return Collections.unmodifiableSortedSet(table.ids());
    }

    @Override
    public Optional<ResourceAgent> agent(AgentId id) {
        return table.lookup(id);
    }

    static AgentId idOf(Map<String, Object> properties) {
        Object standard = properties.get(ResourceAgent.AGENT_CLASS);
        Object provider = properties.get(ResourceAgent.AGENT_PROVIDER);
        Object type = properties.get(ResourceAgent.AGENT_TYPE);
        try {
            return new AgentId(str(standard), str(provider), str(type));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring resource agent service " + properties.get(
                    Constants.SERVICE_ID) + " of bundle " + properties.get(Constants.SERVICE_BUNDLEID) + ": "
                    + e.getMessage() + " (set the service properties " + ResourceAgent.AGENT_CLASS + ", "
                    + ResourceAgent.AGENT_PROVIDER + " and " + ResourceAgent.AGENT_TYPE + ")");
            return null;
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.get(Constants.SERVICE_ID)).longValue();
    }

    private static int ranking(Map<String, Object> properties) {
        Object r = properties.get(Constants.SERVICE_RANKING);
        return r instanceof Integer i ? i : 0;
    }
}
