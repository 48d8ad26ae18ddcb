package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.ColocationConstraint;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Nvpair;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Score;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.AgentParameters;
import io.vigil.cib.validate.Validator;

/** One test per error class: the rejection names object and field, and the CIB stays byte-identical. */
class ValidationTest {

    private static final AgentCatalog CATALOG = (standard, provider, type) -> "IPaddr2".equals(type)
            ? Optional.of(new AgentParameters(List.of(new AgentParameters.Parameter("ip", true),
                    new AgentParameters.Parameter("cidr_netmask", false))))
            : Optional.empty();

    private final CibSnapshot cib = Fixtures.small();
    private final CibChanges changes = new CibChanges(Validator.forChanges(CATALOG));

    private static Primitive dummy(String id) {
        return new Primitive(id, null, "ocf", "pacemaker", "Dummy", Map.of(), null, null, null, null, null, List.of());
    }

    private Problem rejected(CibChange change, String kind, String id, String field) {
        String before = CibJson.write(cib);
        CibValidationException e = assertThrows(CibValidationException.class,
                () -> changes.apply(cib, cib.version(), List.of(change)));
        assertEquals(before, CibJson.write(cib), "the CIB must be unchanged");
        Problem p = e.problems().stream().filter(x -> x.objectId() != null && x.objectId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no problem names " + id + ": " + e.problems()));
        assertEquals(kind, p.kind());
        assertEquals(field, p.field());
        assertTrue(p.toString().contains("'" + id + "'") && p.toString().contains("'" + field + "'"), p.toString());
        return p;
    }

    @Test
    void duplicateId() {
        rejected(new CibChange.CreateResource(dummy("ip")), "primitive", "ip", "id");
    }

    @Test
    void constraintNamingMissingResource() {
        Problem p = rejected(new CibChange.CreateConstraint(new ColocationConstraint("col-x", "apachee", "ip",
                Score.INFINITY, null, null, null, Map.of(), List.of())), "rsc_colocation", "col-x", "rsc");
        assertTrue(p.message().contains("did you mean 'apache'"), p.message());
    }

    @Test
    void unknownClusterOptionSuggestsNearest() {
        Problem p = rejected(new CibChange.SetProperty("stonith-enabeld", "true"), "cluster_property_set",
                "cib-bootstrap-options", "stonith-enabeld");
        assertTrue(p.message().contains("did you mean 'stonith-enabled'"), p.message());
    }

    @Test
    void clusterOptionOfWrongTypeListsAllowedValues() {
        Problem p = rejected(new CibChange.SetProperty("no-quorum-policy", "maybe"), "cluster_property_set",
                "cib-bootstrap-options", "no-quorum-policy");
        assertTrue(p.message().contains("allowed: stop, freeze, ignore, demote"), p.message());
    }

    @Test
    void groupMemberAlreadyElsewhere() {
        Group g = new Group("g2", null, Map.of(), null, null, null, List.of(dummy("apache")));
        rejected(new CibChange.CreateResource(g), "group", "g2", "members");
    }

    @Test
    void cloneOfClone() {
        Clone inner = new Clone("inner", null, Map.of(), null, null, false, dummy("d1"));
        rejected(new CibChange.CreateResource(new Clone("outer", null, Map.of(), null, null, false, inner)),
                "clone", "outer", "child");
    }

    @Test
    void agentParameterUnknownOrMissing() {
        AttributeSets typo = AttributeSets.of(NvSet.of("ip2-params", List.of(Nvpair.of("ip2-p", "ipp", "10.0.0.2"))));
        Primitive ip2 = new Primitive("ip2", null, "ocf", "heartbeat", "IPaddr2", Map.of(), typo, null, null, null, null, List.of());
        Problem unknown = rejected(new CibChange.CreateResource(ip2), "primitive", "ip2", "ipp");
        assertTrue(unknown.message().contains("did you mean 'ip'"), unknown.message());
        Primitive none = new Primitive("ip3", null, "ocf", "heartbeat", "IPaddr2", Map.of(), null, null, null, null, null, List.of());
        rejected(new CibChange.CreateResource(none), "primitive", "ip3", "ip");
    }

    @Test
    void agentNotInstalledIsOnlyAWarning() throws Exception {
        CibSnapshot next = changes.apply(cib, cib.version(), List.of(new CibChange.CreateResource(dummy("d9"))));
        assertTrue(Validator.forChanges(CATALOG).validate(next).stream()
                .anyMatch(p -> p.isWarning() && "d9".equals(p.objectId()) && "type".equals(p.field())));
    }
}
