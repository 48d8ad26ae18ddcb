package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChange.AttributeTarget;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.change.CibConflictException;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;

class ChangesTest {

    private final CibSnapshot cib = Fixtures.small();
    private final CibChanges changes = new CibChanges(Validator.forChanges(AgentCatalog.NONE));

    @Test
    void configurationChangeBumpsEpochAndResetsUpdates() throws Exception {
        CibSnapshot next = changes.apply(cib, cib.version(), List.of(
                new CibChange.SetProperty("stonith-enabled", "false"),
                new CibChange.SetAttribute(AttributeTarget.RESOURCE_META, "fs", "target-role", "Stopped"),
                new CibChange.SetAttribute(AttributeTarget.NODE, "node1", "standby", "on")));
        assertEquals(new CibVersion(0, 6, 0), next.version());
        assertEquals("Stopped", next.configuration().resource("fs").orElseThrow().meta().get("target-role"));
        assertTrue(next.configuration().nodeByName("node1").orElseThrow().isStandby());
    }

    @Test
    void statusChangeBumpsUpdatesOnly() throws Exception {
        LrmRscOp op = new LrmRscOp(Map.of("id", "fs_last_0", "operation", "start", "call-id", "7", "rc-code", "0",
                "op-status", "0", "interval", "0"));
        CibSnapshot next = changes.apply(cib, cib.version(), List.of(
                new CibChange.RecordOperation("node1", new LrmResource("fs", "ocf", "heartbeat", "Filesystem", Map.of(), List.of()), op),
                new CibChange.SetTransientAttribute("node1", "pingd", "200"),
                new CibChange.ClearFailCount("node1", "ip", null)));
        assertEquals(new CibVersion(0, 5, 3), next.version());
        var node = next.status().nodeByName("node1").orElseThrow();
        assertEquals(7, node.lrmResource("fs").orElseThrow().lastOp().orElseThrow().callId());
        assertEquals("200", node.transientValues().get("pingd"));
        assertTrue(node.failCounts().isEmpty() && node.lastFailures().isEmpty());
    }

    @Test
    void nodeStateIsCreatedAndUpdated() throws Exception {
        CibSnapshot next = changes.apply(cib, null, List.of(
                new CibChange.SetNodeState("2", "node2", Map.of("in_ccm", "true", "crmd", "online", "join", "member"))));
        assertTrue(next.status().nodeByName("node2").orElseThrow().crmdOnline());
    }

    @Test
    void olderBaseVersionIsRejected() {
        String before = CibJson.write(cib);
        assertThrows(CibConflictException.class, () -> changes.apply(cib, new CibVersion(0, 4, 9),
                List.of(new CibChange.DeleteConstraint("loc-ip"))));
        assertEquals(before, CibJson.write(cib));
    }

    @Test
    void missingTargetIsRejectedAndNothingApplies() {
        CibValidationException e = assertThrows(CibValidationException.class, () -> changes.apply(cib, cib.version(),
                List.of(new CibChange.DeleteConstraint("loc-ip"), new CibChange.DeleteResource("nope"))));
        assertEquals("nope", e.problems().get(0).objectId());
    }

    @Test
    void deletingAResourceStillNamedByAConstraintIsRejected() {
        CibValidationException e = assertThrows(CibValidationException.class,
                () -> changes.apply(cib, cib.version(), List.of(new CibChange.DeleteResource("ip"))));
        assertTrue(e.problems().stream().anyMatch(p -> "loc-ip".equals(p.objectId()) && "rsc".equals(p.field())));
    }
}
