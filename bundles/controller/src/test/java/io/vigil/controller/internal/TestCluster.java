package io.vigil.controller.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vigil.messaging.api.Member;
import io.vigil.messaging.api.MembershipView;
import io.vigil.quorum.api.QuorumMember;
import io.vigil.quorum.api.QuorumState;

/**
 * A cluster in one thread: a DC on the first node, the real resource manager on every node, the real scheduler,
 * a {@link LocalCib} and {@link InMemoryAgents}; messaging between nodes is a post to the {@link ManualLoop}
 * (dropped for a node that is cut off), and time is the loop's virtual time. The test moves time with
 * {@link #advance}. Every 200 ms the DC sends a lease round as the lease thread of a node does: each reachable
 * member that holds the DC's view answers it ({@link DcAuthority}); a member that moved on to another view does not.
 */
final class TestCluster {

    static final long LEASE_MS = 1000;
    static final long MARGIN_MS = 250;

    final ManualLoop loop = new ManualLoop();
    final LocalCib cib;
    final List<String> nodes;
    final Map<String, InMemoryAgents> agents = new LinkedHashMap<>();
    final Map<String, LocalResourceManager> lrms = new LinkedHashMap<>();
    /** Requests the DC sent, as "task resource on node" (probes as "probe ..."), in order, with the time sent. */
    final List<String> dispatched = new CopyOnWriteArrayList<>();
    final Map<String, Long> dispatchedAtMs = new ConcurrentHashMap<>();
    /** Nodes whose messages are lost (link cut, process frozen or dead). */
    final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    /** Nodes a member saw die (connection closed). */
    final Set<String> crashed = ConcurrentHashMap.newKeySet();
    /** Fence requests, and the answer the fencer gives (confirmed or not). */
    final List<String> fenced = new CopyOnWriteArrayList<>();
    final Map<String, Long> fencedAtMs = new ConcurrentHashMap<>();
    volatile boolean fenceSucceeds = true;
    volatile boolean allNodesPresent = true;
    /** Members whose join to the next view does not reach the CIB. */
    final Set<String> joinLost = ConcurrentHashMap.newKeySet();
    final DesignatedController dc;
    final DcAuthority authority;
    /** The view each node holds (the DC's own is {@link #view}); a member holding another one does not answer. */
    final Map<String, Long> heldView = new ConcurrentHashMap<>();
    /** The quorum state the DC reads; by default quorate, computed from the DC's current view. */
    volatile java.util.function.Supplier<QuorumState> quorum = this::quorateOfCurrentView;
    private final long t0;
    MembershipView view;
    private long viewId;
    private long leaseSequence;

    TestCluster(String cibXml, String... nodes) {
        this.cib = new LocalCib(cibXml);
        this.nodes = List.of(nodes);
        this.t0 = loop.nanoTime();
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        this.authority = new DcAuthority(nodes[0], LEASE_MS);
        for (String n : nodes) {
            InMemoryAgents a = new InMemoryAgents();
            agents.put(n, a);
            // as in ControllerComponent: the DC's own node holds a lease only while the DC has authority
            lrms.put(n, new LocalResourceManager(n, a, cib, wall, loop, () -> !unreachable.contains(n)
                    && (!n.equals(nodes[0]) || view != null && authority.authoritative(view, loop.nanoTime()))));
        }
        this.dc = new DesignatedController(nodes[0], cib, this::dispatch, this::fence, () -> quorum.get(), authority,
                () -> allNodesPresent, () -> true, crashed::contains, loop, wall, loop::nanoTime, LEASE_MS,
                MARGIN_MS);
        cib.addListener((before, after) -> loop.execute(() -> dc.cibCommitted(before, after)));
        lrms.values().forEach(lrm -> cib.addListener(lrm::cibCommitted));
        loop.schedule(this::leaseRounds, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private QuorumState quorateOfCurrentView() {
        List<QuorumMember> members = view == null ? List.of() : view.members().stream()
                .map(m -> new QuorumMember(m.nodeId(), m.name(), 1)).toList();
        return new QuorumState(true, nodes.size(), nodes.size(), members.size(), nodes.size() / 2 + 1, Set.of(),
                false, members, 1, view == null ? 0 : view.viewId());
    }

    private void leaseRounds() {
        leaseRound();
        loop.schedule(this::leaseRounds, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The DC's lease to every member of its view; the answers come back through the loop. */
    void leaseRound() {
        MembershipView v = view;
        String me = nodes.get(0);
        if (v == null || !v.coordinator().equals(me) || unreachable.contains(me)) {
            return;
        }
        long seq = ++leaseSequence;
        boolean had = authority.authoritative(v, loop.nanoTime());
        authority.leaseSent(v.viewId(), seq, loop.nanoTime());
        if (!had && authority.authoritative(v, loop.nanoTime())) {
            loop.execute(dc::authorityGained); // a view of this node alone: its own answer is enough
        }
        for (String n : v.names()) {
            if (!n.equals(me) && !unreachable.contains(n) && heldView.getOrDefault(n, -1L) == v.viewId()) {
                loop.execute(() -> { // as ControllerComponent does on an answer
                    boolean before = authority.authoritative(v, loop.nanoTime());
                    authority.ackReceived(n, v.viewId(), seq, loop.nanoTime(), loop.nanoTime());
                    if (!before && authority.authoritative(v, loop.nanoTime())) {
                        dc.authorityGained();
                    }
                });
            }
        }
    }

    /** These members install a view of their own that the DC does not hear of (they excluded it, say). */
    void movedOn(String... members) {
        long other = 1000 + viewId;
        for (String n : members) {
            heldView.put(n, other);
        }
    }

    /** These members hold the DC's view again (e.g. they never suspected it after all). */
    void backInView(String... members) {
        for (String n : members) {
            heldView.put(n, view.viewId());
        }
    }

    /**
     * The DC's node is frozen for {@code ms} (nothing runs on it, time passes), then does what its lease guard does
     * on noticing the stall: drops every confirmation and stops its exclusive resources itself.
     */
    void stallDc(long ms) {
        loop.jump(ms);
        authority.reset();
        String me = nodes.get(0);
        LocalResourceManager lrm = lrms.get(me);
        lrm.stopLocally(lrm.activeResources(r -> ResourceLookup.exclusive(cib.current().configuration(), r)),
                "stalled (test)");
    }

    /** The id of the view the DC holds. */
    long viewId() {
        return view.viewId();
    }

    long nowMs() {
        return (loop.nanoTime() - t0) / 1_000_000;
    }

    private void dispatch(String node, ExecRequest r) {
        String what = (r.isProbe() ? "probe" : r.task()) + " " + r.resource() + " on " + node;
        dispatched.add(what);
        dispatchedAtMs.putIfAbsent(what, nowMs());
        if (!unreachable.contains(node)) {
            loop.execute(() -> lrms.get(node).execute(r));
        }
    }

    private java.util.concurrent.CompletionStage<Boolean> fence(String node, String action) {
        fenced.add(node);
        fencedAtMs.putIfAbsent(node, nowMs());
        if (fenceSucceeds) {
            agents.get(node).stopAll();
        }
        return CompletableFuture.completedFuture(fenceSucceeds);
    }

    /** Installs a membership view of these members (the DC's node first, as the oldest member). */
    void view(String... members) {
        List<Member> m = new ArrayList<>();
        for (String n : members) {
            m.add(new Member(n, nodes.indexOf(n) + 1, 1, Instant.EPOCH));
        }
        MembershipView previous = view;
        MembershipView current = new MembershipView(++viewId, members[0], m, false, List.of());
        view = current;
        for (String n : members) {
            heldView.put(n, current.viewId());
        }
        loop.execute(() -> dc.viewChanged(previous, current));
        loop.execute(this::leaseRound); // a new view: the DC gathers its confirmations at once
        for (String n : members) {
            if (joinLost.contains(n)) {
                continue;
            }
            lrms.get(n).join(Integer.toString(nodes.indexOf(n) + 1), current.viewId(), members.length > 1);
        }
    }

    void advance(long ms) {
        loop.advance(ms);
    }

    List<String> activeOn(String resource) {
        List<String> on = new ArrayList<>();
        agents.forEach((n, a) -> {
            if (a.isActive(resource)) {
                on.add(n);
            }
        });
        return on;
    }

    String attribute(String node, String name) {
        return cib.current().status().nodeByName(node).map(s -> s.transientValues().get(name)).orElse(null);
    }

    boolean inCcm(String node) {
        return cib.current().status().nodeByName(node).map(s -> s.inCcm()).orElse(false);
    }

    static String cib(String properties, String resources) {
        return cib(properties, resources, "");
    }

    static String cib(String properties, String resources, String constraints) {
        return """
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9">
                  <configuration>
                    <crm_config>
                      <cluster_property_set id="cib-bootstrap-options">
                        %s
                      </cluster_property_set>
                    </crm_config>
                    <nodes>
                      <node id="1" uname="n1"/>
                      <node id="2" uname="n2"/>
                      <node id="3" uname="n3"/>
                    </nodes>
                    <resources>
                      %s
                    </resources>
                    <constraints>
                      %s
                    </constraints>
                  </configuration>
                  <status/>
                </cib>
                """.formatted(properties, resources, constraints);
    }

    static final String DUMMY = """
            <primitive id="dummy" class="ocf" provider="pacemaker" type="Dummy">
              <operations><op id="dummy-mon" name="monitor" interval="10s" timeout="20s"/></operations>
            </primitive>""";

    /** dummy prefers n2, so that the DC's own node (n1) is not the one that is lost. */
    static final String PREFER_N2 = """
            <rsc_location id="dummy-prefers-n2" rsc="dummy" node="n2" score="100"/>""";

    static final String NO_FENCING = """
            <nvpair id="o-stonith" name="stonith-enabled" value="false"/>""";
}
