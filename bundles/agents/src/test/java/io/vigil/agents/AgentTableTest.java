package io.vigil.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ResourceAgent;

import org.junit.jupiter.api.Test;

class AgentTableTest {

    private static ResourceAgent agent(String name) {
        return new ResourceAgent() {
            @Override
            public AgentMetadata metadata() {
                return new AgentMetadata(name, "1", "", "", List.of(), List.of());
            }

            @Override
            public AgentResult execute(ActionRequest request) {
                return AgentResult.success();
            }
        };
    }

    @Test
    void idsAreSortedAndLookupsFollowRankingThenNewest() {
        AgentTable t = new AgentTable();
        AgentId dummy = AgentId.parse("ocf:pacemaker:Dummy");
        ResourceAgent v1 = agent("v1");
        ResourceAgent v2 = agent("v2");
        t.add(new AgentTable.Registration(AgentId.parse("ocf:heartbeat:IPaddr2"), 3, 0, agent("ip")));
        t.add(new AgentTable.Registration(dummy, 5, 0, v1));
        t.add(new AgentTable.Registration(AgentId.parse("lsb:apache2"), 4, 0, agent("lsb")));
        assertEquals("[lsb:apache2, ocf:heartbeat:IPaddr2, ocf:pacemaker:Dummy]", t.ids().toString());
        t.add(new AgentTable.Registration(dummy, 9, 0, v2));
        assertSame(v2, t.lookup(dummy).orElseThrow(), "the newer registration of an upgraded bundle wins");
        t.add(new AgentTable.Registration(dummy, 10, -1, agent("low")));
        assertSame(v2, t.lookup(dummy).orElseThrow(), "ranking beats recency");
        t.remove(9);
        t.remove(10);
        assertSame(v1, t.lookup(dummy).orElseThrow());
        t.remove(5);
        assertTrue(t.lookup(dummy).isEmpty());
        assertEquals(2, t.ids().size());
    }

    @Test
    void servicesWithoutTypePropertiesAreIgnored() {
        assertNull(AgentRegistryComponent.idOf(Map.of("agent.class", "ocf", "agent.type", "X",
                "service.id", 1L, "service.bundleid", 7L)));
        assertEquals(AgentId.parse("lsb:foo"),
                AgentRegistryComponent.idOf(Map.of("agent.class", "lsb", "agent.type", "foo")));
    }
}
