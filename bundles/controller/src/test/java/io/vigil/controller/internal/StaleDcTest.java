package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;

import org.junit.jupiter.api.Test;

/**
 * A DC whose view is stale must not start anything ({@link DcAuthority}), on the one-thread cluster of
 * {@link TestCluster} (real scheduler, real resource managers, real CIB model, virtual time). The DC is n1. These are
 * the two double-start cases a namespaced process test found: a DC thawed after SIGSTOP that still holds the old
 * view, and a one-node partition acting on a quorum computed from a merged view it has not installed yet.
 */
class StaleDcTest {

    private static final String PREFER_N1 = """
            <rsc_location id="dummy-prefers-n1" rsc="dummy" node="n1" score="100"/>""";

    private static List<String> startsOf(TestCluster c, String resource, int from) {
        List<String> starts = new ArrayList<>();
        for (String d : c.dispatched.subList(from, c.dispatched.size())) {
            if (d.startsWith("start " + resource + " ")) {
                starts.add(d);
            }
        }
        return starts;
    }

    @Test
    void aDcThawedWithTheOldViewStartsNothingUntilAMajorityConfirmsThatView() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY, PREFER_N1), "n1",
                "n2", "n3");
        c.view("n1", "n2", "n3");
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"), "dispatched: " + c.dispatched);
        // n1 is frozen; n2 and n3 exclude it and install a view of their own, of which n1 hears nothing (their
        // discovery traffic keeps its failure detector quiet), so n1 still coordinates the old 3-node view.
        c.movedOn("n2", "n3");
        c.stallDc(3000);
        assertEquals(List.of(), c.activeOn("dummy"), "the thawed node stopped its copy itself");
        int mark = c.dispatched.size();
        c.advance(10_000);
        assertEquals(List.of(), startsOf(c, "dummy", mark), "a DC that only it confirms starts nothing");
        assertEquals(List.of(), c.activeOn("dummy"));
        assertEquals(1, c.authority.confirmed(viewOf(c), c.loop.nanoTime()), "only n1 holds its view");

        c.backInView("n2"); // n2 holds n1's view again: 2 of 3 confirm it
        c.advance(500);
        assertEquals(List.of("start dummy on n1"), startsOf(c, "dummy", mark), "a majority restored its authority");
        assertEquals(List.of("n1"), c.activeOn("dummy"));
    }

    @Test
    void aDcWhoseMajorityMovedOnStopsActingWithinTheLeaseTime() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY, PREFER_N1), "n1",
                "n2", "n3");
        c.view("n1", "n2", "n3");
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"));
        c.movedOn("n2", "n3"); // no stall this time: their answers just stop
        c.advance(TestCluster.LEASE_MS + 200);
        int mark = c.dispatched.size();
        c.agents.get("n1").lose("dummy"); // the monitor finds it gone: the DC would restart it
        c.agents.get("n1").fireMonitors();
        c.advance(5000);
        assertEquals(List.of(), startsOf(c, "dummy", mark), "no restart by a DC nobody else confirms");
        c.backInView("n2", "n3");
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"), "restarted once confirmed again: " + c.dispatched);
    }

    private static io.vigil.messaging.api.MembershipView viewOf(TestCluster c) {
        List<io.vigil.messaging.api.Member> m = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3")) {
            m.add(new io.vigil.messaging.api.Member(n, c.nodes.indexOf(n) + 1, 1, java.time.Instant.EPOCH));
        }
        return new io.vigil.messaging.api.MembershipView(c.viewId(), "n1", m, false, List.of());
    }

    private static QuorumState quorum(boolean quorate, long viewId, String... members) {
        List<QuorumMember> m = new ArrayList<>();
        for (String n : members) {
            m.add(new QuorumMember(Integer.parseInt(n.substring(1)), n, 1));
        }
        return new QuorumState(quorate, 3, 3, members.length, 2, Set.of(), false, m, 1, viewId);
    }

    @Test
    void aOneNodePartitionDoesNotActOnAQuorumOfAViewItHasNotInstalled() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY,
                TestCluster.PREFER_N2), "n1", "n2", "n3");
        c.view("n1", "n2", "n3");
        c.advance(500);
        assertEquals(List.of("n2"), c.activeOn("dummy"));
        // n1 alone in its partition (n2 and n3 keep running, with their own DC): no quorum
        c.view("n1");
        long alone = c.viewId();
        c.quorum = () -> quorum(false, alone, "n1");
        c.loop.execute(c.dc::quorumChanged);
        c.advance(3000);
        assertFalse(c.inCcm("n2"), "n2 was marked offline once its lease expired");
        int mark = c.dispatched.size();
        // the partitions merge: the quorum service computed "quorum acquired" from the merged view before this
        // controller installed that view
        c.quorum = () -> quorum(true, alone + 1, "n1", "n2", "n3");
        c.loop.execute(c.dc::quorumChanged);
        c.advance(2000);
        assertEquals(List.of(), startsOf(c, "dummy", mark), "no start on a quorum of another view");
        // the merged view arrives, coordinated by n2 (the real DC): n1 is no DC any more
        c.quorum = () -> quorum(true, alone + 1, "n2", "n1", "n3");
        c.view("n2", "n1", "n3");
        c.advance(2000);
        assertEquals(List.of(), startsOf(c, "dummy", mark), "n1 never started a second copy");
        assertEquals(List.of("n2"), c.activeOn("dummy"));
    }

    @Test
    void aQuorumOfTheInstalledViewIsActedOn() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY,
                TestCluster.PREFER_N2), "n1", "n2", "n3");
        c.allNodesPresent = false;
        c.view("n1");
        long alone = c.viewId();
        c.quorum = () -> quorum(false, alone, "n1");
        c.advance(1000);
        assertTrue(startsOf(c, "dummy", 0).isEmpty(), "no quorum, no start: " + c.dispatched);
        c.allNodesPresent = true;
        c.quorum = () -> quorum(true, alone + 1, "n1", "n3");
        c.view("n1", "n3"); // n3 joins, and the quorum state is of that very view
        c.advance(1000);
        assertEquals(1, c.activeOn("dummy").size(), "quorate in the installed view: started, " + c.dispatched);
    }

    @Test
    void aConfiguredOneNodeClusterActsOnItsOwnAndAfterAStall() {
        String cib = TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY)
                .replace("<node id=\"2\" uname=\"n2\"/>", "").replace("<node id=\"3\" uname=\"n3\"/>", "");
        TestCluster c = new TestCluster(cib, "n1");
        c.view("n1");
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"), c.dispatched.toString());
        c.stallDc(3000);
        assertEquals(List.of(), c.activeOn("dummy"));
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"), "its own confirmation is a majority of one: "
                + c.dispatched);
    }

    @Test
    void theSurvivorOfATwoNodeClusterRecoversAlone() {
        String cib = TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY, TestCluster.PREFER_N2)
                .replace("<node id=\"3\" uname=\"n3\"/>", "");
        TestCluster c = new TestCluster(cib, "n1", "n2");
        c.view("n1", "n2");
        c.advance(500);
        assertEquals(List.of("n2"), c.activeOn("dummy"));
        c.agents.get("n2").stopAll();
        c.crashed.add("n2");
        c.unreachable.add("n2");
        c.view("n1");
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"), "recovered on the survivor: " + c.dispatched);
    }
}
