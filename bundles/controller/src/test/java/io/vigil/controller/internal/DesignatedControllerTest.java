package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The DC's decisions on a one-thread cluster ({@link TestCluster}): real scheduler, real resource managers, real
 * CIB model; time is virtual, so "not before the lease expired" is checked to the millisecond without sleeping.
 */
class DesignatedControllerTest {

    private static final String DEADTIME_5S = TestCluster.NO_FENCING + """
            <nvpair id="o-deadtime" name="dc-deadtime" value="5s"/>""";

    private static TestCluster running(String properties, String resources) {
        TestCluster c = new TestCluster(TestCluster.cib(properties, resources, TestCluster.PREFER_N2), "n1", "n2",
                "n3");
        c.view("n1", "n2", "n3");
        c.advance(200);
        assertEquals(List.of("n2"), c.activeOn("dummy"), "dispatched: " + c.dispatched);
        return c;
    }

    @Test
    void probesEveryNodeBeforeTheFirstStartThenMonitors() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY), "n1", "n2",
                "n3");
        c.view("n1", "n2", "n3");
        c.advance(100);
        List<String> active = c.activeOn("dummy");
        assertEquals(1, active.size(), "dispatched: " + c.dispatched);
        String on = active.get(0);
        int start = c.dispatched.indexOf("start dummy on " + on);
        for (String n : c.nodes) {
            int probe = c.dispatched.indexOf("probe dummy on " + n);
            assertTrue(probe >= 0 && probe < start, "probe on " + n + " before the start: " + c.dispatched);
        }
        assertTrue(c.dispatched.indexOf("monitor dummy on " + on) > start, c.dispatched.toString());
        assertTrue(c.inCcm("n1") && c.inCcm("n2") && c.inCcm("n3"), "members are recorded as online");
        c.advance(5000);
        assertEquals(5, c.dispatched.size(), "a settled cluster schedules nothing more: " + c.dispatched);
    }

    @Test
    void aMemberThatHasNotJoinedTheViewHoldsSchedulingBack() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY), "n1", "n2",
                "n3");
        c.joinLost.add("n3"); // n3's join round answer is lost: its history in the CIB may be stale
        c.view("n1", "n2", "n3");
        c.advance(9000);
        assertTrue(c.dispatched.isEmpty(), "no action on a stale history: " + c.dispatched);
        c.lrms.get("n3").join("3", 1, true);
        c.advance(200);
        assertEquals(1, c.activeOn("dummy").size(), "scheduled once n3 joined: " + c.dispatched);
    }

    @Test
    void aMemberThatNeverJoinsIsExpelledAndItsResourcesRecoveredOnceItsLeaseExpired() {
        // fault campaign seed 1122, fencing off, step 30: after a merge n2's broadcasts were stuck in the sequencer,
        // its join (and the record of its stop) never arrived, and the DC went on believing it ran its resource
        TestCluster c = running(TestCluster.NO_FENCING, TestCluster.DUMMY);
        c.joinLost.add("n2");
        c.view("n1", "n2", "n3");
        long viewAt = c.nowMs();
        while (c.dc.grantsTo("n2") && c.nowMs() - viewAt < 20_000) {
            c.advance(10);
        }
        long expelledAt = c.nowMs();
        assertFalse(c.dc.grantsTo("n2"), "n2 is expelled after the join wait: no more lease time for it");
        assertTrue(expelledAt - viewAt >= 10_000, "not before the 10 s join wait: " + (expelledAt - viewAt));
        c.advance(TestCluster.LEASE_MS + TestCluster.MARGIN_MS - 100);
        assertTrue(c.inCcm("n2"), "still a member while the lease it may hold runs");
        assertEquals(List.of("n2"), c.activeOn("dummy"), "no second copy meanwhile: " + c.dispatched);
        c.advance(300);
        assertFalse(c.inCcm("n2"), "offline once its lease surely expired");
        List<String> elsewhere = c.activeOn("dummy").stream().filter(n -> !n.equals("n2")).toList();
        assertEquals(1, elsewhere.size(), "recovered elsewhere: " + c.dispatched);
        assertTrue(c.dispatchedAtMs.get("start dummy on " + elsewhere.get(0)) - expelledAt
                >= TestCluster.LEASE_MS + TestCluster.MARGIN_MS, c.dispatchedAtMs.toString());
        // its join arrives at last: readmitted, with leases again
        c.lrms.get("n2").join("2", c.view.viewId(), true);
        c.advance(300);
        assertTrue(c.dc.grantsTo("n2"));
        assertTrue(c.inCcm("n2"), "online again after its join");
    }

    @Test
    void aMemberThatNeitherJoinsNorAnswersIsGivenAMinuteBeforeItIsExpelled() {
        // a node still starting (its controller not up yet) must not be expelled, and fenced, after 10 s
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY), "n1", "n2",
                "n3");
        c.joinLost.add("n3");
        c.view("n1", "n2", "n3");
        c.movedOn("n3"); // its controller answers none of the DC's leases
        c.advance(9900);
        assertTrue(c.dispatched.isEmpty(), c.dispatched.toString());
        c.advance(300);
        assertEquals(1, c.activeOn("dummy").size(), "scheduled after the 10 s join wait: " + c.dispatched);
        assertTrue(c.dc.grantsTo("n3") && c.inCcm("n3"), "not expelled after 10 s");
        c.advance(49_000);
        assertTrue(c.dc.grantsTo("n3"), "not within the minute");
        c.advance(7_000);
        assertFalse(c.dc.grantsTo("n3"), "expelled after a minute of silence");
        c.advance(TestCluster.LEASE_MS + TestCluster.MARGIN_MS + 100);
        assertFalse(c.inCcm("n3"));
    }

    @Test
    void dcDeadtimeWaitsForConfiguredNodesThatAreNotThereYet() {
        TestCluster c = new TestCluster(TestCluster.cib(DEADTIME_5S, TestCluster.DUMMY), "n1", "n2", "n3");
        c.allNodesPresent = false;
        c.view("n1");
        c.advance(4800);
        assertTrue(c.dispatched.isEmpty(), "within dc-deadtime a partial view waits: " + c.dispatched);
        c.advance(500);
        assertEquals(List.of("n1"), c.activeOn("dummy"), "after dc-deadtime it acts: " + c.dispatched);
    }

    @Test
    void noDeadtimeWaitOnceEveryConfiguredNodeIsThere() {
        TestCluster c = new TestCluster(TestCluster.cib(DEADTIME_5S, TestCluster.DUMMY), "n1", "n2", "n3");
        c.view("n1", "n2", "n3");
        c.advance(50);
        assertEquals(1, c.activeOn("dummy").size(), "no wait: " + c.dispatched);
        assertTrue(c.dispatchedAtMs.values().stream().allMatch(t -> t < 50), c.dispatchedAtMs.toString());
    }

    @Test
    void dcDeadtimeIsOverOnceEveryNodeWasSeen() {
        TestCluster c = new TestCluster(TestCluster.cib(DEADTIME_5S, TestCluster.DUMMY, TestCluster.PREFER_N2),
                "n1", "n2", "n3");
        c.view("n1", "n2", "n3");
        c.advance(200);
        c.allNodesPresent = false;
        c.crashed.add("n2");
        c.unreachable.add("n2");
        c.view("n1", "n3");
        c.advance(200);
        assertEquals(1, c.activeOn("dummy").stream().filter(n -> !n.equals("n2")).count(),
                "recovered without a second dead-time wait: " + c.dispatched);
    }

    @Test
    void aSilentlyLostNodeIsMarkedOfflineOnlyAfterLeasePlusMargin() {
        TestCluster c = running(TestCluster.NO_FENCING, TestCluster.DUMMY);
        c.leaseRound();
        c.loop.runDue();
        long lastLease = c.nowMs();
        c.unreachable.add("n2"); // cut: it sends nothing and hears nothing, its copy keeps running meanwhile
        c.view("n1", "n3");
        c.advance(TestCluster.LEASE_MS + TestCluster.MARGIN_MS - 10);
        assertTrue(c.inCcm("n2"), "still counted as a member while its lease may run");
        assertTrue(c.dispatched.stream().noneMatch(d -> d.startsWith("start dummy on n1")
                || d.startsWith("start dummy on n3")), "no second copy before the lease expired: " + c.dispatched);
        c.advance(100);
        assertFalse(c.inCcm("n2"), "offline once its lease surely expired");
        List<String> elsewhere = c.activeOn("dummy").stream().filter(n -> !n.equals("n2")).toList();
        assertEquals(1, elsewhere.size(), c.dispatched.toString());
        long started = c.dispatchedAtMs.get("start dummy on " + elsewhere.get(0));
        assertTrue(started - lastLease >= TestCluster.LEASE_MS + TestCluster.MARGIN_MS,
                "started " + (started - lastLease) + " ms after the last lease");
    }

    @Test
    void aNodeWhoseConnectionClosedIsRecoveredAtOnce() {
        TestCluster c = running(TestCluster.NO_FENCING, TestCluster.DUMMY);
        c.agents.get("n2").stopAll(); // kill -9: nothing of it runs any more
        c.unreachable.add("n2");
        c.crashed.add("n2");
        long lost = c.nowMs();
        c.view("n1", "n3");
        c.advance(50);
        assertFalse(c.inCcm("n2"));
        List<String> on = c.activeOn("dummy");
        assertEquals(1, on.size(), c.dispatched.toString());
        assertTrue(c.dispatchedAtMs.get("start dummy on " + on.get(0)) - lost < 50, "no lease wait");
    }

    /**
     * The fault campaign's flapping link: n2 was killed and recovered at once (its death confirmed), restarted and
     * took its resource back; seconds later its link went down. The crash witness still remembered the kill (it
     * keeps a record 30 s), but the n2 that left now is alive and runs its copy until its own lease runs out.
     */
    @Test
    void aCrashRecordOfAnEarlierIncarnationDoesNotSkipTheLeaseWait() {
        TestCluster c = running(TestCluster.NO_FENCING, TestCluster.DUMMY);
        c.agents.get("n2").stopAll(); // kill -9
        c.unreachable.add("n2");
        c.crashed.add("n2");
        c.view("n1", "n3");
        c.advance(200);
        assertFalse(c.inCcm("n2"), "a confirmed crash is recovered at once");
        c.unreachable.remove("n2"); // restarted; the witness's record of the kill stays
        c.view("n1", "n3", "n2");
        c.advance(1000);
        assertEquals(List.of("n2"), c.activeOn("dummy"), "back on the node it prefers: " + c.dispatched);

        int before = c.dispatched.size();
        c.leaseRound();
        c.loop.runDue();
        long lastLease = c.nowMs();
        c.unreachable.add("n2"); // the link goes down: n2 is alive and keeps its copy until its lease runs out
        c.view("n1", "n3");
        c.advance(TestCluster.LEASE_MS + TestCluster.MARGIN_MS - 10);
        List<String> since = c.dispatched.subList(before, c.dispatched.size());
        assertTrue(c.inCcm("n2"), "an earlier incarnation's crash is no proof: still a member while its lease may run");
        assertTrue(since.stream().noneMatch(d -> d.startsWith("start dummy")),
                "no second copy before n2's lease expired: " + since);
        c.advance(100);
        assertFalse(c.inCcm("n2"), "offline once its lease surely expired");
        List<String> elsewhere = c.activeOn("dummy").stream().filter(n -> !n.equals("n2")).toList();
        assertEquals(1, elsewhere.size(), c.dispatched.toString());
        int start = c.dispatched.lastIndexOf("start dummy on " + elsewhere.get(0));
        assertTrue(start >= before, "recovered after the flap: " + c.dispatched);
    }

    @Test
    void aDeathReportedAfterTheViewChangeEndsTheLeaseWait() {
        TestCluster c = running(TestCluster.NO_FENCING, TestCluster.DUMMY);
        c.agents.get("n2").stopAll();
        c.unreachable.add("n2");
        c.view("n1", "n3");
        c.advance(300);
        assertTrue(c.inCcm("n2"), "not known dead yet: waiting for its lease");
        c.loop.execute(() -> c.dc.nodeDied("n2")); // n3 saw its connection close and told the DC
        c.advance(20);
        assertFalse(c.inCcm("n2"));
        assertEquals(1, c.activeOn("dummy").size(), c.dispatched.toString());
    }

    private static final String FENCING = """
            <nvpair id="o-stonith" name="stonith-enabled" value="true"/>""";

    private static final String FENCE_DEVICE = TestCluster.DUMMY + """
            <primitive id="fence1" class="stonith" type="fence_vigil_process">
              <instance_attributes id="fence1-ia">
                <nvpair id="fence1-hosts" name="pcmk_host_list" value="n1,n2,n3"/>
              </instance_attributes>
            </primitive>""";

    @Test
    void withFencingALostNodeIsFencedBeforeRecoveryWithoutWaitingForItsLease() {
        TestCluster c = running(FENCING, FENCE_DEVICE);
        c.unreachable.add("n2");
        c.view("n1", "n3");
        c.advance(50);
        assertEquals(List.of("n2"), c.fenced);
        List<String> on = c.activeOn("dummy");
        assertFalse(on.contains("n2"), "the fenced node runs nothing");
        assertEquals(1, on.size(), c.dispatched.toString());
        assertTrue(c.dispatchedAtMs.get("start dummy on " + on.get(0)) >= c.fencedAtMs.get("n2"),
                "recovery only after the fencing was confirmed");
    }

    @Test
    void whenFencingFailsNothingIsRecovered() {
        TestCluster c = running(FENCING, FENCE_DEVICE);
        c.fenceSucceeds = false;
        c.unreachable.add("n2");
        c.view("n1", "n3");
        c.advance(5000);
        assertTrue(c.fenced.size() >= 2, "fencing is retried: " + c.fenced);
        assertTrue(c.dispatched.stream().noneMatch(d -> d.startsWith("start dummy")
                && !d.endsWith("n2")), "no recovery of an unfenced node's resource: " + c.dispatched);
    }

    @Test
    void aFailedStartAbortsTheTransitionAndTheResourceMovesAway() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY,
                TestCluster.PREFER_N2), "n1", "n2", "n3");
        c.agents.get("n2").failStarts("dummy");
        c.view("n1", "n2", "n3");
        c.advance(500);
        assertEquals("INFINITY", c.attribute("n2", "fail-count-dummy#start_0"),
                "start-failure-is-fatal: the failed start bans the node");
        List<String> on = c.activeOn("dummy");
        assertEquals(1, on.size(), c.dispatched.toString());
        assertFalse(on.contains("n2"));
        assertTrue(c.dispatched.indexOf("stop dummy on n2") > c.dispatched.indexOf("start dummy on n2"),
                "the failed start is cleaned up by a stop: " + c.dispatched);
        assertFalse(c.dispatched.contains("monitor dummy on n2"), "the aborted graph went no further on n2");
    }

    @Test
    void failCountsRestartInPlaceUntilTheMigrationThresholdThenMove() {
        String dummy = TestCluster.DUMMY.replace("<operations>", """
                <meta_attributes id="dummy-meta"><nvpair id="dummy-mt" name="migration-threshold" value="2"/>
                </meta_attributes><operations>""");
        TestCluster c = running(TestCluster.NO_FENCING, dummy);
        c.agents.get("n2").lose("dummy");
        c.agents.get("n2").fireMonitors();
        c.advance(200);
        assertEquals("1", c.attribute("n2", "fail-count-dummy#monitor_10000"));
        assertEquals(List.of("n2"), c.activeOn("dummy"), "first failure: restarted in place: " + c.dispatched);
        c.agents.get("n2").lose("dummy");
        c.agents.get("n2").fireMonitors();
        c.advance(200);
        assertEquals("2", c.attribute("n2", "fail-count-dummy#monitor_10000"));
        List<String> on = c.activeOn("dummy");
        assertEquals(1, on.size(), c.dispatched.toString());
        assertFalse(on.contains("n2"), "migration-threshold reached: moved away");
    }

    /** The fault harness found this: the failures a cleanup removed came back with the node's next join. */
    @Test
    void aCleanupIsNotUndoneByTheNodesNextJoin() {
        TestCluster c = new TestCluster(TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY,
                TestCluster.PREFER_N2), "n1", "n2", "n3");
        c.agents.get("n2").failStarts("dummy");
        c.view("n1", "n2", "n3");
        c.advance(500);
        assertTrue(failureRecorded(c, "n2"), "the failed start is recorded");
        c.agents.get("n2").repairStarts("dummy");
        // pcs resource cleanup dummy
        c.cib.apply(List.of(new io.vigil.cib.change.CibChange.DeleteOperationHistory("n2", "dummy", null),
                new io.vigil.cib.change.CibChange.ClearFailCount("n2", "dummy", null)));
        c.advance(500);
        assertEquals(List.of("n2"), c.activeOn("dummy"), "back on the node it prefers: " + c.dispatched);
        c.view("n1", "n2", "n3"); // a membership change: every node joins again with its own history
        c.advance(500);
        assertFalse(failureRecorded(c, "n2"), "the cleaned-up failure stays gone");
        assertEquals(null, c.attribute("n2", "fail-count-dummy#start_0"));
        assertEquals(List.of("n2"), c.activeOn("dummy"));
    }

    @Test
    void aCleanedUpFailedStopIsNotWrittenBackByAJoinBeforeTheReprobe() {
        // a suspect for the fencing-off failure of seed 1122 on the final build (r1 never started again after a
        // merge); it does not reproduce here, and keeps the behaviour it checks
        TestCluster c = running(TestCluster.NO_FENCING, TestCluster.DUMMY);
        c.agents.get("n2").failStops("dummy");
        c.cib.apply(List.of(new io.vigil.cib.change.CibChange.SetTransientAttribute("n2", "standby", "on")));
        c.advance(500);
        assertTrue(failureRecorded(c, "n2"), "the failed stop is recorded");
        assertEquals(List.of("n2"), c.activeOn("dummy"), "blocked where its stop failed: " + c.dispatched);
        c.agents.get("n2").repairStops("dummy");
        // pcs resource cleanup dummy, and a membership change before anything else happens
        c.cib.apply(List.of(new io.vigil.cib.change.CibChange.DeleteOperationHistory("n2", "dummy", null),
                new io.vigil.cib.change.CibChange.ClearFailCount("n2", "dummy", null)));
        c.view("n1", "n2", "n3");
        c.advance(1000);
        assertFalse(failureRecorded(c, "n2"), "the join did not write the cleaned-up failure back");
        List<String> on = c.activeOn("dummy");
        assertEquals(1, on.size(), "running once, away from the standby node: " + c.dispatched);
        assertFalse(on.contains("n2"), c.dispatched.toString());
    }

    private static boolean failureRecorded(TestCluster c, String node) {
        return c.cib.current().status().nodeByName(node).flatMap(n -> n.lrmResource("dummy"))
                .map(l -> l.ops().stream().anyMatch(o -> o.id() != null && o.id().endsWith("_last_failure_0")))
                .orElse(false);
    }
}
