package io.vigil.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.LocationConstraint;
import io.vigil.cib.model.Score;
import io.vigil.cib.model.TimeSpec;

class ModelTest {

    @Test
    void scoresSaturateAndMinusInfinityWins() {
        assertEquals(Score.INFINITY, Score.parse("+INFINITY"));
        assertEquals(Score.INFINITY, Score.parse("inf"));
        assertEquals(Score.MINUS_INFINITY, Score.parse("-infinity"));
        assertEquals(Score.MINUS_INFINITY, Score.INFINITY.plus(Score.MINUS_INFINITY));
        assertEquals(Score.INFINITY, Score.of(999_999).plus(Score.of(5)));
        assertEquals(Score.INFINITY, Score.parse("99999999999999999999"));
        assertEquals("-INFINITY", Score.of(-2_000_000).toString());
        assertEquals("42", Score.parse("42").toString());
        assertThrows(IllegalArgumentException.class, () -> Score.parse("lots"));
    }

    @Test
    void versionsCompareAndAdvance() {
        CibVersion v = new CibVersion(0, 5, 2);
        assertEquals(new CibVersion(0, 6, 0), v.nextConfiguration());
        assertEquals(new CibVersion(0, 5, 3), v.nextStatus());
        assertTrue(new CibVersion(1, 0, 0).compareTo(new CibVersion(0, 99, 99)) > 0);
    }

    @Test
    void smallCibReadsAsExpected() {
        CibSnapshot cib = Fixtures.small();
        assertEquals(new CibVersion(0, 5, 2), cib.version());
        assertFalse(cib.configuration().properties().stonithEnabled());
        assertTrue(cib.configuration().properties().symmetricCluster());
        assertEquals("stop", cib.configuration().properties().noQuorumPolicy());
        assertTrue(cib.configuration().nodeByName("node2").orElseThrow().isStandby());
        assertEquals(List.of("ip", "web", "fs", "apache", "ping-clone", "ping"),
                List.copyOf(cib.configuration().allResources().keySet()));
        assertEquals(10_000, cib.configuration().resource("ip").map(r -> ((io.vigil.cib.model.Primitive) r)
                .operations().get(0).intervalMs()).orElseThrow());
        assertTrue(cib.configuration().resource("web").orElseThrow() instanceof Group);
        assertEquals("2", ((Clone) cib.configuration().resource("ping-clone").orElseThrow()).meta().get("clone-max"));
        LocationConstraint rule = (LocationConstraint) cib.configuration().constraints().get(3);
        assertTrue(rule.rules().get(0).isOr());
        assertEquals(Score.MINUS_INFINITY, rule.rules().get(0).score());
        List<FailCount> fc = cib.status().nodeByName("node1").orElseThrow().failCounts();
        assertEquals(List.of(new FailCount("ip", "monitor", "10000", "2")), fc);
        assertEquals(0, cib.status().node("1").orElseThrow().lrmResource("ip").orElseThrow().lastOp().orElseThrow().rcCode());
    }

    @Test
    void timeSpecsFollowPacemaker() {
        assertEquals(90_000, TimeSpec.toMillis("90").orElseThrow());
        assertEquals(1_500, TimeSpec.toMillis("1500ms").orElseThrow());
        assertEquals(600_000, TimeSpec.toMillis("10min").orElseThrow());
        assertEquals(10_000, TimeSpec.toMillis("P10S").orElseThrow());
        assertEquals(30_000, TimeSpec.toMillis("PT30S").orElseThrow());
        assertTrue(TimeSpec.toMillis("bad").isEmpty());
    }

    @Test
    void unsupportedElementsAreNamedNotDropped() throws Exception {
        String xml = Fixtures.smallXml().replace("<constraints>",
                "<constraints><rsc_ticket id=\"t1\" rsc=\"ip\" ticket=\"T\"/>")
                .replace("</resources>", "<bundle id=\"b1\"><docker image=\"x\"/></bundle></resources>");
        LoadResult r = CibXmlReader_read(xml);
        assertEquals(List.of("bundle 'b1'", "rsc_ticket 't1'"),
                r.unsupported().stream().map(u -> u.element() + " '" + u.id() + "'").toList());
        assertTrue(io.vigil.cib.xml.CibXmlWriter.write(r.snapshot()).contains("<rsc_ticket"));
    }

    private static LoadResult CibXmlReader_read(String xml) throws CibParseException {
        return io.vigil.cib.xml.CibXmlReader.read(xml);
    }

    @Test
    void aVersionReadsBackWhatItWrites() {
        io.vigil.cib.model.CibVersion v = new io.vigil.cib.model.CibVersion(1, 22, 333);
        assertEquals(v, io.vigil.cib.model.CibVersion.parse(v.toString()));
        assertThrows(IllegalArgumentException.class, () -> io.vigil.cib.model.CibVersion.parse("0.1"));
        assertThrows(IllegalArgumentException.class, () -> io.vigil.cib.model.CibVersion.parse("0.x.1"));
    }
}
