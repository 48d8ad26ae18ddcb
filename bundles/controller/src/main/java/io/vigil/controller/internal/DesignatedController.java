package io.vigil.controller.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Primitive;
import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;
import io.vigil.quorum.api.QuorumState;
import io.vigil.scheduler.Action;
import io.vigil.scheduler.ActionKind;
import io.vigil.scheduler.Scheduler;
import io.vigil.scheduler.Transition;

/**
 * The DC role (Pacemaker's designated controller), active on the coordinator of the current view: keeps the
 * nodes' membership state in the CIB, runs the scheduler whenever something relevant changes, and executes the
 * transition graph, dispatching each action once its inputs are done. A result the graph did not expect, or any
 * other relevant change, aborts the transition; when nothing runs any more the scheduler runs again.
 *
 * <p>Without fencing, a node that left is marked offline (so its resources are recovered elsewhere) only once
 * its lease has surely expired: by then the lost node has stopped its exclusive resources on its own
 * ({@link LeaseGuard}). With fencing, it is marked offline at once and the scheduler fences it before recovery.
 *
 * <p>Being the coordinator of its view is not enough to act: the view may be stale (this node was frozen while the
 * others moved on). The DC schedules, and starts, promotes or fences, only while a majority of its view confirmed
 * holding that view within the last lease time ({@link DcAuthority}), and only on a quorum computed from that same
 * view (a quorum event can arrive before the view it was computed from). Stops already under way may finish.
 *
 * <p>A member that stays in the view but does not join it within the join wait although its controller answers
 * leases (its broadcasts do not reach the cluster's total order), or that answers nothing for a minute, cannot be
 * trusted with resources, and its history in the CIB may be stale. The DC expels it: it grants it no more lease
 * time ({@link #grantsTo}), so the member stops its exclusive resources on its own, and once the lease it may still
 * hold has surely expired the DC marks it offline and recovers its resources (fencing it first when fencing is
 * enabled). Its join, whenever it arrives, readmits it.
 *
 * <p>Every method runs on the single {@code loop} thread (except {@link #grantsTo}); callbacks from other threads
 * post to it.
 */
final class DesignatedController {

    private static final System.Logger LOG = System.getLogger(DesignatedController.class.getName());

    /** Sends an execution request to a node's resource manager. */
    interface Dispatcher {
        void send(String node, ExecRequest request) throws Exception;
    }

    private final String me;
    private final CibService cib;
    private final Dispatcher dispatcher;
    private final Fencer fencer;
    private final Supplier<QuorumState> quorum;
    private final DcAuthority authority;
    private final BooleanSupplier allNodesPresent;
    private final BooleanSupplier mayAct;
    /** Which lost nodes are confirmed crashed in the incarnation that left (no lease to wait for). */
    private final CrashEvidence crashed;
    /** This node's monotonic clock (System::nanoTime; injected so tests can drive time). */
    private final java.util.function.LongSupplier nanos;
    private final long startedNanos;
    /** Whether every configured node has been seen since this node started (then dc-deadtime is over). */
    private boolean everComplete;
    private final ScheduledExecutorService loop;
    private final Clock clock;
    private final long leaseNanos;

    private static final long JOIN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long a member that neither joins nor answers leases may take (a slow start) before it is expelled. */
    private static final long SILENT_MEMBER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private MembershipView view;
    private long viewInstalledNanos;
    private volatile boolean dc;
    private TransitionRun run;
    private long transitionSeq;
    private boolean scheduleQueued;
    private int failureStreak;
    /** Lost nodes with no lease to wait for: their process died, or fencing takes care of them. */
    private final Set<String> noLeaseToWaitFor = new HashSet<>();
    private final Map<Integer, ScheduledFuture<?>> actionTimers = new HashMap<>();
    private ScheduledFuture<?> recheck;
    private ScheduledFuture<?> retry;
    /** Members that did not join this DC's view in time, with when they were expelled (this node's clock). */
    private final Map<String, Long> expelled = new java.util.concurrent.ConcurrentHashMap<>();
    /** The view for which the DC last said it schedules without a silent member's join (logged once a view). */
    private long silentWarnedView = -1;
    /** Why the DC last held back (logged once per episode), or null while it may act. */
    private String holdingBack;

    DesignatedController(String me, CibService cib, Dispatcher dispatcher, Fencer fencer,
            Supplier<QuorumState> quorum, DcAuthority authority, BooleanSupplier allNodesPresent,
            BooleanSupplier mayAct, java.util.function.Predicate<String> crashed,
            ScheduledExecutorService loop, Clock clock, java.util.function.LongSupplier nanos, long leaseMs,
            long marginMs) {
        this.nanos = nanos;
        this.startedNanos = nanos.getAsLong();
        this.viewInstalledNanos = startedNanos;
        this.crashed = new CrashEvidence(crashed);
        this.allNodesPresent = allNodesPresent;
        this.mayAct = mayAct;
        this.me = me;
        this.cib = cib;
        this.dispatcher = dispatcher;
        this.fencer = fencer;
        this.quorum = quorum;
        this.authority = authority;
        this.loop = loop;
        this.clock = clock;
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMs + marginMs);
    }

    boolean isDc() {
        return dc;
    }

    /** Whether this DC grants {@code member} lease time: not while it is expelled (any thread). */
    boolean grantsTo(String member) {
        return !expelled.containsKey(member);
    }

    // ---- events ----

    void viewChanged(MembershipView previous, MembershipView current) {
        crashed.viewInstalled(current); // on every node: a later DC must know which crash records are stale
        everComplete |= allNodesPresent.getAsBoolean();
        this.view = current;
        this.viewInstalledNanos = nanos.getAsLong();
        boolean wasDc = dc;
        dc = me.equals(current.coordinator());
        if (!dc) {
            if (wasDc) {
                LOG.log(System.Logger.Level.INFO, me + " is no longer the DC (" + current.coordinator() + " is)");
            }
            dropRun("this node is no longer the DC");
            noLeaseToWaitFor.clear();
            expelled.clear();
            return;
        }
        if (!wasDc) {
            LOG.log(System.Logger.Level.INFO, me + " is the DC of a partition of " + current.size() + " node(s)");
        }
        boolean fencing = cib.current().configuration().properties().stonithEnabled();
        if (previous != null) {
            for (String gone : previous.names()) {
                if (!current.contains(gone)) {
                    // Without fencing, wait out the lost node's lease: it stops its resources itself by then.
                    // A node whose process died (its connections were closed) has nothing left to stop.
                    boolean dead = crashed.died(gone);
                    if (fencing || dead) {
                        noLeaseToWaitFor.add(gone);
                    }
                    LOG.log(System.Logger.Level.WARNING, "node " + gone + " left the membership"
                            + (fencing ? "" : dead ? "; its process died (connection closed): recovering now"
                                    : "; its resources are recovered once its lease has expired"));
                }
            }
        }
        current.names().forEach(noLeaseToWaitFor::remove);
        // one that left is a lost node now; one still here stays expelled until it joins this view
        expelled.keySet().retainAll(current.names());
        // Results in flight may have been lost with the old membership: start afresh from the CIB.
        dropRun("the membership changed");
        updateNodeStates();
    }

    /** A member saw {@code node}'s process die: no lease to wait for before recovering its resources. */
    void nodeDied(String node) {
        if (dc && view != null && !view.contains(node) && noLeaseToWaitFor.add(node)) {
            LOG.log(System.Logger.Level.WARNING, "node " + node + "'s process died (connection closed): recovering "
                    + "its resources now");
            updateNodeStates();
        }
    }

    void cibCommitted(CibSnapshot before, CibSnapshot after) {
        if (!dc) {
            return;
        }
        boolean relevant = !before.configuration().equals(after.configuration())
                || membershipChanged(before, after) || transientsChanged(before, after);
        List<LrmRscOp> changedOps = changedOps(before, after);
        if (run != null) {
            for (LrmRscOp op : changedOps) {
                if (!resultOfCurrentRun(op)) {
                    relevant = true;
                }
            }
            if (relevant) {
                run.abort("the CIB changed (" + after.version() + ")");
            }
            advance();
        } else if (relevant || !changedOps.isEmpty()) {
            requestSchedule(0);
        }
    }

    void quorumChanged() {
        if (view == null || !quorumOfView(quorum.get())) {
            return; // computed from a view this controller has not installed yet: that view's change follows
        }
        everComplete |= allNodesPresent.getAsBoolean();
        if (dc) {
            requestSchedule(0);
        }
    }

    /** A majority of this DC's view has just confirmed it: what waited for that may run now. */
    void authorityGained() {
        if (dc && run == null) {
            updateNodeStates(); // lost nodes' lease waits are counted from it
        }
    }

    /** Re-runs the membership check (e.g. when a departed node's lease expires). */
    void updateNodeStates() {
        if (!dc || view == null) {
            return;
        }
        CibSnapshot s = cib.current();
        readmitJoined(s);
        List<CibChange> changes = new ArrayList<>();
        long now = nanos.getAsLong();
        long nextDeadline = Long.MAX_VALUE;
        for (Member m : view.members()) {
            if (expelled.containsKey(m.name())) {
                continue; // marked offline below, once the lease it may hold has expired
            }
            if (s.configuration().nodeByName(m.name()).isEmpty()) {
                changes.add(new CibChange.CreateNode(new Node(Integer.toString(m.nodeId()), m.name(), "member", null,
                        null, Map.of(), null, null)));
            }
            // A node that joins is expected to stay; a member that is shutting down said so itself (expected=down).
            Optional<NodeState> state = s.status().nodeByName(m.name());
            boolean joining = state.isEmpty() || !state.get().inCcm();
            Map<String, String> want = joining
                    ? Map.of("in_ccm", "true", "crmd", "online", "join", "member", "expected", "member")
                    : Map.of("in_ccm", "true", "crmd", "online", "join", "member");
            if (!matches(state, want)) {
                changes.add(new CibChange.SetNodeState(Integer.toString(m.nodeId()), m.name(), want));
            }
        }
        for (NodeState ns : s.status().nodes()) {
            Long expelledAt = expelled.get(ns.uname());
            if (!ns.inCcm() || (view.contains(ns.uname()) && expelledAt == null)) {
                continue;
            }
            // an expelled member got no grant since it was expelled; a lost node none after its last answer
            Long deadline = noLeaseToWaitFor.contains(ns.uname()) ? Long.valueOf(now) : leaseExpiry(
                    expelledAt != null ? expelledAt : authority.lastAnswerReceived(ns.uname()), now);
            if (deadline == null) {
                // no authority yet to count from: look again soon (authorityGained() also runs this)
                nextDeadline = Math.min(nextDeadline, now + TimeUnit.MILLISECONDS.toNanos(100));
                continue;
            }
            if (now - deadline >= 0) {
                changes.add(new CibChange.SetNodeState(ns.id(), ns.uname(), Map.of("in_ccm", "false", "crmd",
                        "offline", "join", "down")));
                changes.add(new CibChange.ClearTransientAttributes(ns.uname()));
            } else {
                nextDeadline = Math.min(nextDeadline, deadline);
            }
        }
        if (nextDeadline != Long.MAX_VALUE) {
            loop.schedule(this::updateNodeStates, Math.max(1, nextDeadline - now), TimeUnit.NANOSECONDS);
        }
        if (!changes.isEmpty()) {
            cib.apply(changes).whenComplete((snap, e) -> {
                if (e != null) {
                    LOG.log(System.Logger.Level.WARNING, "could not record node states: " + e.getMessage());
                    loop.schedule(this::updateNodeStates, 500, TimeUnit.MILLISECONDS);
                }
            });
        } else {
            requestSchedule(0);
        }
    }

    private static boolean matches(Optional<NodeState> state, Map<String, String> want) {
        return state.isPresent() && want.entrySet().stream()
                .allMatch(e -> e.getValue().equals(state.get().attributes().get(e.getKey())));
    }

    // ---- scheduling ----

    void requestSchedule(long delayMs) {
        if (!dc || scheduleQueued) {
            return;
        }
        scheduleQueued = true;
        loop.schedule(() -> {
            scheduleQueued = false;
            scheduleNow();
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void scheduleNow() {
        if (!dc || run != null) {
            return;
        }
        CibSnapshot latest = cib.current();
        if (expelled.keySet().stream().anyMatch(m -> joinedView(latest, m))) {
            updateNodeStates(); // readmits them; its commit schedules again
            return;
        }
        if (!mayAct.getAsBoolean()) {
            // this node was stalled: its view may be stale until the membership is settled again
            retryIn(100);
            return;
        }
        QuorumState q = quorum.get();
        if (!quorumOfView(q)) {
            holdBack("the quorum state is of view " + q.membershipId() + ", not of view " + view.viewId()
                    + " which this DC holds: waiting for both to agree");
            retryIn(100);
            return;
        }
        if (!authority.authoritative(view, nanos.getAsLong())) {
            holdBack(me + " coordinates view " + view.viewId() + " but only " + authority.confirmed(view,
                    nanos.getAsLong()) + " of its " + view.size() + " members confirmed holding it within the lease "
                    + "time: the view may be stale, so this DC starts nothing until a majority does; if this lasts, "
                    + "check the network between " + me + " and " + view.names());
            retryIn(100);
            return;
        }
        if (holdingBack != null) {
            LOG.log(System.Logger.Level.INFO, me + " acts as DC of view " + view.viewId() + " again");
            holdingBack = null;
        }
        if (pendingOfflineNodes()) {
            return; // the lease of a lost node has not expired yet: updateNodeStates() runs again at its deadline
        }
        CibSnapshot current = cib.current();
        long deadtime = TimeUnit.MILLISECONDS.toNanos(current.configuration().properties().dcDeadtimeMs());
        everComplete |= allNodesPresent.getAsBoolean();
        if (!everComplete && nanos.getAsLong() - startedNanos < deadtime) {
            // Pacemaker's dc-deadtime: right after start, a partial view is more likely a slow peer than a lost one;
            // wait for every configured node (or the dead time) before acting.
            retryIn(200);
            return;
        }
        List<String> notJoined = notJoined(current);
        long sinceView = nanos.getAsLong() - viewInstalledNanos;
        if (!notJoined.isEmpty() && sinceView < JOIN_WAIT_NANOS) {
            // Pacemaker's join round: schedule on every member's own history, never on a stale copy of it.
            retryIn(100);
            return;
        }
        // A member whose controller answers this DC's leases should have joined by now: its broadcasts are lost.
        // One that answers nothing may still be starting: it is given the longer wait.
        List<String> expel = notJoined.stream().filter(n -> !n.equals(me) && (sinceView >= SILENT_MEMBER_WAIT_NANOS
                || authority.answeredAt(n, view.viewId()) != null)).toList();
        if (!expel.isEmpty()) {
            expel(expel);
            return; // updateNodeStates() schedules again once their leases have expired
        }
        if (!notJoined.isEmpty()) {
            if (silentWarnedView != view.viewId()) {
                silentWarnedView = view.viewId();
                LOG.log(System.Logger.Level.WARNING, "scheduling although " + notJoined + " did not join view "
                        + view.viewId() + " within " + JOIN_WAIT_NANOS / 1_000_000 + " ms (no answer from its "
                        + "controller either: starting, or stuck; expelled after "
                        + SILENT_MEMBER_WAIT_NANOS / 1_000_000_000L + " s)");
            }
            retryIn(SILENT_MEMBER_WAIT_NANOS / 1_000_000 / 10); // to expel them in time
        }
        Map<String, String> attrs = new LinkedHashMap<>(current.attributes());
        attrs.put("have-quorum", q.quorate() ? "1" : "0");
        // the status this controller writes has per-operation fail counts (feature set 3.0.13 and later)
        attrs.putIfAbsent("crm_feature_set", "3.16.2");
        current.configuration().nodeByName(me).ifPresent(n -> attrs.put("dc-uuid", n.id()));
        CibSnapshot input = current.withAttributes(attrs);
        Instant now = clock.instant();
        Transition t;
        try {
            t = Scheduler.schedule(input, now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the scheduler failed on CIB " + current.version(), e);
            requestSchedule(5000);
            return;
        }
        scheduleRecheck(current, now);
        if (t.executable().isEmpty()) {
            failureStreak = 0;
            return;
        }
        run = new TransitionRun(++transitionSeq, t);
        LOG.log(System.Logger.Level.INFO, "transition " + run.id() + " (CIB " + current.version() + "): "
                + String.join("; ", t.summary().text()));
        advance();
    }

    /** Runs the scheduler again later; one retry pending at a time. */
    private void retryIn(long ms) {
        if (retry == null || retry.isDone()) {
            retry = loop.schedule(() -> requestSchedule(0), ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Says why the DC waits, once, unless it is just the usual moment of settling after a view change. */
    private void holdBack(String why) {
        if (nanos.getAsLong() - viewInstalledNanos >= leaseNanos && !why.equals(holdingBack)) {
            LOG.log(System.Logger.Level.WARNING, why);
            holdingBack = why;
        }
    }

    /** Whether {@code q} was computed from the view this controller holds (same id, same members). */
    private boolean quorumOfView(QuorumState q) {
        if (q.membershipId() != view.viewId()) {
            return false;
        }
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        q.members().forEach(m -> ids.add(m.nodeId()));
        java.util.Set<Integer> viewIds = new java.util.HashSet<>();
        view.members().forEach(m -> viewIds.add(m.nodeId()));
        return ids.equals(viewIds);
    }

    /** The members that have not joined this view yet, the expelled ones aside. */
    private List<String> notJoined(CibSnapshot s) {
        List<String> missing = new ArrayList<>();
        for (String member : view.names()) {
            if (!expelled.containsKey(member) && !joinedView(s, member)) {
                missing.add(member);
            }
        }
        return missing;
    }

    private boolean joinedView(CibSnapshot s, String member) {
        return s.status().nodeByName(member).flatMap(n -> n.attribute(LocalResourceManager.JOINED_VIEW))
                .orElse("").equals(Long.toString(view.viewId()));
    }

    private boolean pendingOfflineNodes() {
        return cib.current().status().nodes().stream().anyMatch(n -> n.inCcm()
                && (!view.contains(n.uname()) || expelled.containsKey(n.uname())));
    }

    /**
     * Expels members that did not join this view in time (the caller never names this node): no more lease time
     * for them, and their resources are recovered once what they may still hold has expired.
     */
    private void expel(List<String> members) {
        long now = nanos.getAsLong();
        boolean any = false;
        for (String member : members) {
            if (expelled.putIfAbsent(member, now) == null) {
                any = true;
                LOG.log(System.Logger.Level.WARNING, "node " + member + " did not join view " + view.viewId()
                        + " within " + (now - viewInstalledNanos) / 1_000_000 + " ms (its messages do not reach the "
                        + "cluster's order): it gets no more lease, its resources are recovered once the lease it may "
                        + "hold has expired, and it is readmitted when its join arrives; if this repeats, check the "
                        + "network between " + member + " and " + me);
            }
        }
        if (any) {
            updateNodeStates();
        }
    }

    /** Readmits the expelled members whose join of this view has arrived. */
    private void readmitJoined(CibSnapshot s) {
        for (String member : List.copyOf(expelled.keySet())) {
            if (joinedView(s, member) && expelled.remove(member) != null) {
                LOG.log(System.Logger.Level.INFO, "node " + member + " joined view " + view.viewId()
                        + ": readmitted, with leases again");
            }
        }
    }

    /**
     * When a node that is no longer a member, or was expelled, has surely stopped its exclusive resources on its own
     * (its lease expired, plus the margin), on this node's clock; null while this DC has no authority to count from.
     * A lease this DC granted lasts one lease time from the member's answer, so it ends before one lease time after
     * {@code lastGrantBound} (the arrival of its last answer, or when it was expelled and granted no more); a lease
     * from any other DC was granted before this DC's authority began, as two DCs are never authoritative at once
     * ({@link DcAuthority}). The later of the two bounds it.
     */
    private Long leaseExpiry(Long lastGrantBound, long now) {
        Long since = authority.authoritativeSince(view, now);
        if (since == null) {
            return null;
        }
        long from = lastGrantBound != null && lastGrantBound - since > 0 ? lastGrantBound : since;
        return from + leaseNanos;
    }

    /** Starts every ready action, then ends the run when nothing more can happen. */
    private void advance() {
        if (run == null) {
            return;
        }
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (Action a : run.ready()) {
                run.started(a.id());
                if (start(a)) {
                    progressed = true;
                }
            }
        }
        if (run.finished()) {
            TransitionRun done = run;
            run = null;
            actionTimers.values().forEach(f -> f.cancel(false));
            actionTimers.clear();
            if (done.aborted()) {
                failureStreak++;
                LOG.log(System.Logger.Level.INFO, "transition " + done.id() + " aborted: " + done.abortReason());
            } else {
                failureStreak = 0;
                LOG.log(System.Logger.Level.INFO, "transition " + done.id() + " complete");
            }
            requestSchedule(failureStreak <= 1 ? 0 : Math.min(5000, 50L << Math.min(failureStreak, 7)));
        }
    }

    /** Starts one action; returns true if it completed at once (pseudo actions and the like). */
    private boolean start(Action a) {
        if (a.pseudo()) {
            run.done(a.id());
            return true;
        }
        boolean activates = a.kind() == ActionKind.START || a.kind() == ActionKind.PROMOTE
                || a.kind() == ActionKind.FENCE;
        if (activates && !authority.authoritative(view, nanos.getAsLong())) {
            // the majority stopped confirming this DC's view since the transition began: it may be stale now
            run.failed(a.id(), "not " + a.key() + " on " + a.node() + ": " + me + " lost its authority as DC of view "
                    + view.viewId() + " (no majority confirmed it within the lease time)");
            return true;
        }
        switch (a.kind()) {
            case SHUTDOWN:
                run.done(a.id());
                return true;
            case FENCE:
                fence(run, a);
                return false;
            case CLEAR_FAILCOUNT: {
                TransitionRun r = run;
                cib.apply(List.of(new CibChange.ClearFailCount(a.node(), ResourceLookup.baseId(a.resource()), null)))
                        .whenComplete((s, e) -> loop.execute(() -> {
                            if (e == null) {
                                r.done(a.id());
                            } else {
                                r.failed(a.id(), "clearing the fail count of " + a.resource() + " failed");
                            }
                            advance();
                        }));
                return false;
            }
            default:
                return dispatch(a);
        }
    }

    private boolean dispatch(Action a) {
        CibSnapshot s = cib.current();
        Optional<ExecRequest> req = request(s, a);
        if (req.isEmpty()) {
            run.failed(a.id(), "no agent known for " + a.resource());
            return true;
        }
        try {
            dispatcher.send(a.node(), req.get());
        } catch (Exception e) {
            run.failed(a.id(), "cannot reach " + a.node() + ": " + e.getMessage());
            return true;
        }
        if (a.kind() == ActionKind.CANCEL) {
            run.done(a.id());
            return true;
        }
        TransitionRun r = run;
        actionTimers.put(a.id(), loop.schedule(() -> {
            if (r == run && r.state(a.id()) == TransitionRun.State.RUNNING) {
                r.failed(a.id(), a.key() + " on " + a.node() + " sent no result within " + (a.timeoutMs() + 15_000)
                        + " ms");
                advance();
            }
        }, a.timeoutMs() + 15_000, TimeUnit.MILLISECONDS));
        return false;
    }

    private Optional<ExecRequest> request(CibSnapshot s, Action a) {
        String standard;
        String provider;
        String type;
        Optional<Primitive> p = ResourceLookup.primitive(s.configuration(), a.resource());
        if (p.isPresent()) {
            standard = p.get().standard();
            provider = p.get().provider();
            type = p.get().type();
        } else {
            // an orphan (deleted from the configuration but still active): the history knows its agent
            Optional<LrmResource> l = s.status().nodeByName(a.node()).flatMap(n -> n.lrmResource(a.resource()));
            if (l.isEmpty()) {
                return Optional.empty();
            }
            standard = l.get().standard();
            provider = l.get().provider();
            type = l.get().type();
        }
        int targetRc = switch (a.kind()) {
            case PROBE -> 7;
            case MONITOR -> ResourceLookup.monitorTargetRc(s.configuration(), a.resource(), a.intervalMs());
            default -> 0;
        };
        String task = a.kind() == ActionKind.CANCEL ? "cancel" : a.kind().task();
        return Optional.of(new ExecRequest(OperationRecord.transitionKey(a.id(), run.id(), targetRc, me),
                ResourceLookup.historyId(s.configuration(), a.resource()), standard, provider, type, task,
                a.intervalMs(), a.timeoutMs(), targetRc, a.params()));
    }

    private void fence(TransitionRun r, Action a) {
        String action = a.params().getOrDefault("stonith_action", "reboot");
        LOG.log(System.Logger.Level.WARNING, "fencing " + a.node() + " (" + action + ")");
        fencer.fence(a.node(), action).whenComplete((ok, e) -> loop.execute(() -> {
            if (e == null && Boolean.TRUE.equals(ok)) {
                String id = cib.current().status().nodeByName(a.node()).map(NodeState::id)
                        .or(() -> cib.current().configuration().nodeByName(a.node()).map(Node::id)).orElse(a.node());
                cib.apply(List.of(new CibChange.SetNodeState(id, a.node(), Map.of("in_ccm", "false", "crmd",
                        "offline", "join", "down", "expected", "down")),
                        new CibChange.DeleteOperationHistory(a.node(), null, null),
                        new CibChange.ClearTransientAttributes(a.node())))
                        .whenComplete((s, e2) -> loop.execute(() -> {
                            LOG.log(System.Logger.Level.WARNING, "node " + a.node() + " fenced");
                            r.done(a.id());
                            advance();
                        }));
            } else {
                r.failed(a.id(), "fencing " + a.node() + " failed" + (e == null ? "" : ": " + e.getMessage()));
                advance();
            }
        }));
    }

    private void dropRun(String why) {
        if (run != null) {
            run.abort(why);
            LOG.log(System.Logger.Level.INFO, "transition " + run.id() + " abandoned: " + why);
            run = null;
        }
        actionTimers.values().forEach(f -> f.cancel(false));
        actionTimers.clear();
    }

    // ---- reading results from CIB commits ----

    private boolean resultOfCurrentRun(LrmRscOp op) {
        String key = op.transitionKey();
        if (key == null) {
            return false;
        }
        String[] k = key.split(":");
        if (k.length != 4 || !k[3].equals(me)) {
            return false;
        }
        long tid;
        int aid;
        int targetRc;
        try {
            aid = Integer.parseInt(k[0]);
            tid = Long.parseLong(k[1]);
            targetRc = Integer.parseInt(k[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (run == null || tid != run.id() || run.state(aid) == null) {
            return false;
        }
        if (op.id() != null && op.id().endsWith("_last_failure_0")) {
            return true; // its companion entry decides
        }
        Action a = run.action(aid);
        ScheduledFuture<?> timer = actionTimers.remove(aid);
        if (timer != null) {
            timer.cancel(false);
        }
        int rc = op.rcCode();
        boolean ok = op.opStatus() == 0 && (a.kind() == ActionKind.PROBE ? rc == 0 || rc == 7 || rc == 8
                : rc == targetRc);
        if (ok) {
            run.done(aid);
            if (a.kind() == ActionKind.PROBE && rc != 7) {
                run.abort("probe of " + a.resource() + " on " + a.node() + " found it active (rc " + rc + ")");
            }
        } else {
            run.failed(aid, a.key() + " on " + a.node() + " returned rc " + rc + " (status " + op.opStatus()
                    + "), expected " + targetRc);
        }
        return true;
    }

    private static List<LrmRscOp> changedOps(CibSnapshot before, CibSnapshot after) {
        List<LrmRscOp> changed = new ArrayList<>();
        for (NodeState n : after.status().nodes()) {
            Optional<NodeState> old = before.status().nodeByName(n.uname());
            for (LrmResource l : n.lrmResources()) {
                Optional<LrmResource> oldL = old.flatMap(o -> o.lrmResource(l.id()));
                for (LrmRscOp op : l.ops()) {
                    boolean same = oldL.map(x -> x.ops().stream().anyMatch(o -> Objects.equals(o.id(), op.id())
                            && o.equals(op))).orElse(false);
                    if (!same) {
                        changed.add(op);
                    }
                }
            }
        }
        return changed;
    }

    private static boolean membershipChanged(CibSnapshot before, CibSnapshot after) {
        return !membership(before).equals(membership(after));
    }

    private static Map<String, Map<String, String>> membership(CibSnapshot s) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        s.status().nodes().forEach(n -> m.put(n.uname(), n.attributes()));
        return m;
    }

    private static boolean transientsChanged(CibSnapshot before, CibSnapshot after) {
        Map<String, Map<String, String>> a = new LinkedHashMap<>();
        Map<String, Map<String, String>> b = new LinkedHashMap<>();
        before.status().nodes().forEach(n -> a.put(n.uname(), n.transientValues()));
        after.status().nodes().forEach(n -> b.put(n.uname(), n.transientValues()));
        return !a.equals(b);
    }

    /** Re-runs the scheduler when the next failure expires, or after the cluster-recheck-interval. */
    private void scheduleRecheck(CibSnapshot s, Instant now) {
        if (recheck != null) {
            recheck.cancel(false);
        }
        long interval = s.configuration().properties().clusterRecheckIntervalMs();
        long next = interval > 0 ? interval : Long.MAX_VALUE;
        for (NodeState n : s.status().nodes()) {
            for (var f : n.lastFailures()) {
                Optional<Primitive> p = ResourceLookup.primitive(s.configuration(), f.resource());
                long timeout = p.map(pr -> pr.meta().get("failure-timeout"))
                        .or(() -> s.configuration().rscDefaults().get("failure-timeout"))
                        .map(v -> io.vigil.cib.model.TimeSpec.toMillis(v).orElse(0)).orElse(0L);
                long at;
                try {
                    at = Long.parseLong(f.value()) * 1000 + timeout;
                } catch (NumberFormatException e) {
                    continue;
                }
                long in = at - now.toEpochMilli();
                if (timeout > 0 && in > 0) {
                    next = Math.min(next, in + 1000);
                }
            }
        }
        if (next != Long.MAX_VALUE) {
            recheck = loop.schedule(() -> requestSchedule(0), next, TimeUnit.MILLISECONDS);
        }
    }

}
