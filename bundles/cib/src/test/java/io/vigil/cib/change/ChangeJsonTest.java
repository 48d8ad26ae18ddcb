package io.vigil.cib.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.vigil.cib.CibParseException;
import io.vigil.cib.json.ChangeJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;

import org.junit.jupiter.api.Test;

class ChangeJsonTest {

    private static LrmRscOp op(String id, String operation) {
        return new LrmRscOp(Map.of("id", id, "operation", operation, "call-id", "3", "rc-code", "0"));
    }

    @Test
    void changeListsRoundTripAndHistoryCanBeForgotten() throws Exception {
        LrmResource dummy = new LrmResource("d1", "ocf", "pacemaker", "Dummy", Map.of(), List.of());
        List<CibChange> changes = List.of(
                new CibChange.SetProperty("stonith-enabled", "false"),
                new CibChange.SetNodeState("1", "n1", Map.of("in_ccm", "true", "crmd", "online")),
                new CibChange.RecordOperation("n1", dummy, op("d1_last_0", "start")),
                new CibChange.RecordOperation("n1", dummy, op("d1_monitor_10000", "monitor")),
                new CibChange.SetTransientAttribute("n1", "pingd", "1000"));
        String json = ChangeJson.write(changes);
        assertEquals(changes, ChangeJson.read(json));
        assertFalse(json.contains("\n"), "compact on the wire");

        CibChanges apply = new CibChanges(Validator.forChanges(AgentCatalog.NONE));
        CibSnapshot s = apply.apply(new CibSnapshot(null, Map.of(), null, null), null, changes);
        assertEquals(2, s.status().nodeByName("n1").orElseThrow().lrmResource("d1").orElseThrow().ops().size());
        List<CibChange> forget = List.of(new CibChange.DeleteOperationHistory("n1", "d1", "d1_monitor_10000"));
        assertEquals(forget, ChangeJson.read(ChangeJson.write(forget)));
        CibSnapshot one = apply.apply(s, null, forget);
        assertEquals(List.of("d1_last_0"), one.status().nodeByName("n1").orElseThrow().lrmResource("d1").orElseThrow()
                .ops().stream().map(LrmRscOp::id).toList());
        CibSnapshot none = apply.apply(one, null, List.of(new CibChange.DeleteOperationHistory("n1", null, null),
                new CibChange.ClearTransientAttributes("n1")));
        assertTrue(none.status().nodeByName("n1").orElseThrow().lrmResources().isEmpty());
        assertTrue(none.status().nodeByName("n1").orElseThrow().transientValues().isEmpty());
    }

    @Test
    void incrementsAddUpWithScoreArithmetic() throws Exception {
        CibChanges apply = new CibChanges(Validator.forChanges(AgentCatalog.NONE));
        CibSnapshot s = apply.apply(new CibSnapshot(null, Map.of(), null, null), null,
                List.of(new CibChange.SetNodeState("1", "n1", Map.of("in_ccm", "true"))));
        List<CibChange> inc = List.of(new CibChange.IncrementTransientAttribute("n1", "fail-count-d#start_0", "1"));
        assertEquals(inc, ChangeJson.read(ChangeJson.write(inc)));
        s = apply.apply(s, null, inc);
        s = apply.apply(s, null, inc);
        assertEquals("2", s.status().nodeByName("n1").orElseThrow().transientValues().get("fail-count-d#start_0"));
        s = apply.apply(s, null, List.of(new CibChange.IncrementTransientAttribute("n1", "fail-count-d#start_0",
                "INFINITY")));
        assertEquals("INFINITY", s.status().nodeByName("n1").orElseThrow().transientValues()
                .get("fail-count-d#start_0"));
        CibSnapshot before = s;
        assertThrows(io.vigil.cib.CibValidationException.class, () -> apply.apply(before, null, List.of(
                new CibChange.IncrementTransientAttribute("n1", "x", "lots"))));
    }

    @Test
    void malformedChangeListsAreParseErrors() {
        assertThrows(CibParseException.class, () -> ChangeJson.read("[{\"element\": \"explode\"}]"));
        assertThrows(CibParseException.class, () -> ChangeJson.read("{}"));
        assertThrows(CibParseException.class, () -> ChangeJson.read("[null]"));
    }
}
