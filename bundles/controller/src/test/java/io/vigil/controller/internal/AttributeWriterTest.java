package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.CibVersion;

import org.junit.jupiter.api.Test;

/** attrd's dampening on the real CIB model, with the dampening timer on virtual time. */
class AttributeWriterTest {

    private final ManualLoop timer = new ManualLoop();
    private final LocalCib cib = new LocalCib(TestCluster.cib(TestCluster.NO_FENCING, ""));
    private final AttributeWriter attrd = new AttributeWriter(cib, timer);

    AttributeWriterTest() {
        cib.change(new CibChange.SetNodeState("1", "n1", Map.of("in_ccm", "true", "crmd", "online")));
    }

    @Test
    void undampenedValuesAreWrittenAtOnce() {
        attrd.set("n1", "pingd", "100", Duration.ZERO);
        assertEquals(Optional.of("100"), attrd.get("n1", "pingd"));
        assertEquals(Map.of("pingd", "100"), attrd.all("n1"));
        attrd.delete("n1", "pingd");
        assertEquals(Optional.empty(), attrd.get("n1", "pingd"));
    }

    @Test
    void aDampenedValueIsWrittenOnlyOnceItHeldForTheDampeningTime() {
        attrd.set("n1", "pingd", "100", Duration.ofSeconds(5));
        timer.advance(4900);
        assertEquals(Optional.empty(), attrd.get("n1", "pingd"));
        timer.advance(100);
        assertEquals(Optional.of("100"), attrd.get("n1", "pingd"));
    }

    @Test
    void aFlappingValueCausesOneWriteOfTheLastValue() {
        CibVersion before = cib.current().version();
        for (int i = 0; i < 10; i++) {
            attrd.set("n1", "pingd", i % 2 == 0 ? "0" : "100", Duration.ofSeconds(5));
            timer.advance(1000);
        }
        assertEquals(before, cib.current().version(), "nothing written while the value flaps");
        timer.advance(4000);
        assertEquals(Optional.of("100"), attrd.get("n1", "pingd"));
        assertEquals(before.nextStatus(), cib.current().version(), "exactly one write");
    }

    @Test
    void returningToTheCurrentValueCancelsAPendingWrite() {
        attrd.set("n1", "pingd", "100", Duration.ZERO);
        CibVersion before = cib.current().version();
        attrd.set("n1", "pingd", "0", Duration.ofSeconds(5));
        timer.advance(2000);
        attrd.set("n1", "pingd", "100", Duration.ofSeconds(5));
        timer.advance(10_000);
        assertEquals(Optional.of("100"), attrd.get("n1", "pingd"));
        assertEquals(before, cib.current().version(), "the short dip was never written");
    }

    @Test
    void attributesOfDifferentNodesAreDampenedSeparately() {
        cib.change(new CibChange.SetNodeState("2", "n2", Map.of("in_ccm", "true", "crmd", "online")));
        attrd.set("n1", "pingd", "1", Duration.ofSeconds(2));
        timer.advance(1000);
        attrd.set("n2", "pingd", "2", Duration.ofSeconds(2));
        timer.advance(1000);
        assertEquals(Optional.of("1"), attrd.get("n1", "pingd"));
        assertTrue(attrd.get("n2", "pingd").isEmpty());
        timer.advance(1000);
        assertEquals(Optional.of("2"), attrd.get("n2", "pingd"));
    }
}
