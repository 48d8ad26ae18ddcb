package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.vigil.cib.CibException;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.xml.CibXmlReader;
import io.vigil.scheduler.Action;
import io.vigil.scheduler.ActionKind;
import io.vigil.scheduler.Scheduler;
import io.vigil.scheduler.Transition;

import org.junit.jupiter.api.Test;

/** Graph execution state on a graph the real scheduler made: probe everywhere, start, then monitor. */
class TransitionRunTest {

    private static Transition firstStart() throws CibException {
        String xml = TestCluster.cib(TestCluster.NO_FENCING, TestCluster.DUMMY).replace("<status/>", """
                <status>
                  <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"/>
                  <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
                  <node_state id="3" uname="n3" in_ccm="true" crmd="online" join="member" expected="member"/>
                </status>""").replace("validate-with=", "have-quorum=\"1\" validate-with=");
        CibSnapshot s = CibXmlReader.read(xml).snapshot();
        return Scheduler.schedule(s, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<Action> of(TransitionRun run, ActionKind kind) {
        return run.transition().actions().stream().filter(a -> a.kind() == kind && !a.pseudo())
                .sorted(Comparator.comparing(Action::node)).toList();
    }

    /** Runs every ready action that is a pseudo action (they complete at once, as in the DC). */
    private static void completePseudo(TransitionRun run) {
        boolean more = true;
        while (more) {
            more = false;
            for (Action a : run.ready()) {
                if (a.pseudo()) {
                    run.started(a.id());
                    run.done(a.id());
                    more = true;
                }
            }
        }
    }

    private static List<Action> readyReal(TransitionRun run) {
        completePseudo(run);
        return run.ready().stream().filter(a -> !a.pseudo()).toList();
    }

    @Test
    void dispatchesEachActionOnlyOnceItsInputsAreDone() throws CibException {
        TransitionRun run = new TransitionRun(1, firstStart());
        List<Action> probes = of(run, ActionKind.PROBE);
        assertEquals(3, probes.size(), "a probe on each node: " + run.transition().actions());
        Action start = of(run, ActionKind.START).get(0);
        Action monitor = of(run, ActionKind.MONITOR).get(0);
        assertEquals(start.node(), monitor.node());

        assertEquals(probes, readyReal(run).stream().sorted(Comparator.comparing(Action::node)).toList(),
                "first the probes, nothing else");
        probes.forEach(p -> run.started(p.id()));
        assertTrue(readyReal(run).isEmpty(), "a running action is not ready again");
        run.done(probes.get(0).id());
        run.done(probes.get(1).id());
        assertTrue(readyReal(run).isEmpty(), "start waits for the last probe");
        assertFalse(run.finished());
        run.done(probes.get(2).id());
        assertEquals(List.of(start), readyReal(run));
        run.started(start.id());
        run.done(start.id());
        assertEquals(List.of(monitor), readyReal(run));
        run.started(monitor.id());
        assertFalse(run.finished(), "the monitor still runs");
        run.done(monitor.id());
        assertTrue(run.finished());
        assertFalse(run.aborted());
    }

    @Test
    void anUnexpectedResultAbortsAndNothingMoreStarts() throws CibException {
        TransitionRun run = new TransitionRun(2, firstStart());
        List<Action> probes = of(run, ActionKind.PROBE);
        readyReal(run).forEach(a -> run.started(a.id()));
        run.done(probes.get(0).id());
        assertTrue(run.failed(probes.get(1).id(), "probe returned rc 1"));
        assertTrue(run.aborted());
        assertEquals("probe returned rc 1", run.abortReason());
        assertFalse(run.finished(), "the third probe still runs: the run ends only when it is back");
        run.done(probes.get(2).id());
        assertTrue(run.ready().isEmpty(), "no action starts once aborted, although the start's inputs are done");
        assertTrue(run.finished());
    }

    @Test
    void lateAndDuplicateResultsAreRecognised() throws CibException {
        TransitionRun run = new TransitionRun(3, firstStart());
        Action probe = of(run, ActionKind.PROBE).get(0);
        run.started(probe.id());
        assertTrue(run.done(probe.id()));
        assertFalse(run.done(probe.id()), "a second result for the same action is a duplicate");
        assertFalse(run.failed(probe.id(), "late failure"), "a done action cannot fail any more");
        assertFalse(run.aborted());
        assertEquals(TransitionRun.State.DONE, run.state(probe.id()));
        assertEquals(null, run.state(-1));
        assertEquals(null, run.state(10_000));
    }

    @Test
    void anExplicitAbortKeepsTheFirstReason() throws CibException {
        TransitionRun run = new TransitionRun(4, firstStart());
        run.abort("the CIB changed");
        run.abort("the membership changed");
        assertEquals("the CIB changed", run.abortReason());
        assertTrue(run.ready().isEmpty());
        assertTrue(run.finished(), "nothing was running");
    }
}
