package io.vigil.cib.manager.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.vigil.cib.manager.api.NotDurableException;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.messaging.api.MembershipView;

/**
 * The originator's side of a CIB change: its call returns once the change is persisted by members holding the
 * quorum of the cluster's expected votes (this node included), so an acknowledged change survives the loss of any
 * minority of the cluster, the originator too, and no partition without quorum acknowledges a change the quorate
 * side's copy overrules when they merge (fault campaign seed 1122, fencing off: a node alone in its view counted
 * itself a majority of one). Members acknowledge by a point-to-point message after they persisted the change in
 * the total order; acknowledgements only count from members still in the view. A change committed here while the
 * view lacks quorum fails at once with {@link NotDurableException}. Not thread-confined: every method is
 * synchronized and futures are completed outside the lock.
 */
final class CommitTracker {

    private final String self;
    private final DurabilityQuorum quorum;
    private final Map<String, Pending> pending = new HashMap<>();
    private MembershipView view;

    private static final class Pending {
        final CompletableFuture<CibSnapshot> result;
        final Set<String> durableAt = new LinkedHashSet<>();
        CibSnapshot committed;
        String notDurableHere;

        Pending(CompletableFuture<CibSnapshot> result) {
            this.result = result;
        }
    }

    CommitTracker(String self, MembershipView view, DurabilityQuorum quorum) {
        this.self = self;
        this.view = view;
        this.quorum = quorum;
    }

    synchronized void expect(String id, CompletableFuture<CibSnapshot> result) {
        pending.put(id, new Pending(result));
    }

    synchronized boolean isPending(String id) {
        return pending.containsKey(id);
    }

    /** The change was delivered and committed here; {@code durable} false when saving it failed. */
    void committedHere(String id, CibSnapshot after, boolean durable) {
        Runnable done;
        synchronized (this) {
            Pending p = pending.get(id);
            if (p == null) {
                return;
            }
            p.committed = after;
            if (durable) {
                p.durableAt.add(self);
            } else {
                p.notDurableHere = "this node could not persist it (see the log; fix the disk of its state directory)";
            }
            done = check(id, p);
        }
        run(done);
    }

    /** The members reached the same verdict: every one rejected the change. */
    void rejected(String id, Throwable why) {
        Pending p;
        synchronized (this) {
            p = pending.remove(id);
        }
        if (p != null) {
            p.result.completeExceptionally(why);
        }
    }

    /** {@code member} persisted change {@code id}. */
    void acknowledged(String id, String member) {
        Runnable done;
        synchronized (this) {
            Pending p = pending.get(id);
            if (p == null) {
                return;
            }
            p.durableAt.add(member);
            done = check(id, p);
        }
        run(done);
    }

    void viewChanged(MembershipView current) {
        List<Runnable> done = new ArrayList<>();
        synchronized (this) {
            view = current;
            for (String id : List.copyOf(pending.keySet())) {
                Runnable r = check(id, pending.get(id));
                if (r != null) {
                    done.add(r);
                }
            }
        }
        done.forEach(Runnable::run);
    }

    /** Fails change {@code id} if it is still waiting, saying how far it got. */
    void timedOut(String id, long timeoutMs) {
        Pending p;
        String why;
        synchronized (this) {
            p = pending.remove(id);
            if (p == null) {
                return;
            }
            why = p.committed == null
                    ? "was not delivered in the cluster's order within " + timeoutMs + " ms: is this node cut off from "
                            + "its cluster?"
                    : "was committed here but persisted only by " + countedAcks(p) + " of the view " + view.names()
                            + " within " + timeoutMs + " ms (" + votesOf(p) + " of the " + quorum.needed(view)
                            + " votes a change needs)"
                            + (p.notDurableHere != null ? "; " + p.notDurableHere
                                    : ": check the other members' logs for CIB persistence errors");
        }
        p.result.completeExceptionally(new TimeoutException("CIB change " + id + " " + why));
    }

    /** Fails every waiting change (the manager stops). */
    void failAll(Throwable why) {
        List<Pending> all;
        synchronized (this) {
            all = List.copyOf(pending.values());
            pending.clear();
        }
        all.forEach(p -> p.result.completeExceptionally(why));
    }

    /** What completes change {@code id} now (outside the lock), or null while it still waits. */
    private Runnable check(String id, Pending p) {
        if (p.committed == null) {
            return null;
        }
        if (p.durableAt.contains(self) && votesOf(p) >= quorum.needed(view)) {
            pending.remove(id);
            CibSnapshot after = p.committed;
            return () -> p.result.complete(after);
        }
        if (!quorum.holds(view)) {
            pending.remove(id);
            NotDurableException why = new NotDurableException("CIB change " + id + " was applied in this partition "
                    + "only and is not acknowledged: its members " + view.names() + " hold "
                    + quorum.votesOf(view.names()) + " of the " + quorum.needed(view) + " votes a change must be "
                    + "persisted by (the quorum of the expected votes), so the copy of a partition that kept quorum "
                    + "overrules it when they merge. Restore this node's connection to the other nodes and repeat it.");
            return () -> p.result.completeExceptionally(why);
        }
        return null;
    }

    private List<String> countedAcks(Pending p) {
        return p.durableAt.stream().filter(m -> m.equals(self) || view.contains(m)).toList();
    }

    private int votesOf(Pending p) {
        return quorum.votesOf(countedAcks(p));
    }

    private static void run(Runnable r) {
        if (r != null) {
            r.run();
        }
    }
}
