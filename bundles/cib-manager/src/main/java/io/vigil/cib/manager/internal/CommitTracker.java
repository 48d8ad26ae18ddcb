package io.vigil.cib.manager.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.messaging.api.MembershipView;

/**
 * The originator's side of a CIB change: its call returns once the change is durable on a majority of the current
 * view (this node included), so an acknowledged change survives the loss of any minority of the members, the
 * originator too. Members acknowledge by a point-to-point message after they persisted the change in the total
 * order; acknowledgements only count from members still in the view, and the majority is recomputed when the view
 * changes (a crashed member no longer counts for or against). Not thread-confined: every method is synchronized and
 * futures are completed outside the lock.
 */
final class CommitTracker {

    private final String self;
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

    CommitTracker(String self, MembershipView view) {
        this.self = self;
        this.view = view;
    }

    synchronized void expect(String id, CompletableFuture<CibSnapshot> result) {
        pending.put(id, new Pending(result));
    }

    synchronized boolean isPending(String id) {
        return pending.containsKey(id);
    }

    /** The change was delivered and committed here; {@code durable} false when saving it failed. */
    void committedHere(String id, CibSnapshot after, boolean durable) {
        CompletableFuture<CibSnapshot> done;
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
        complete(done, after);
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
        CompletableFuture<CibSnapshot> done;
        CibSnapshot after;
        synchronized (this) {
            Pending p = pending.get(id);
            if (p == null) {
                return;
            }
            p.durableAt.add(member);
            after = p.committed;
            done = check(id, p);
        }
        complete(done, after);
    }

    void viewChanged(MembershipView current) {
        List<Map.Entry<CompletableFuture<CibSnapshot>, CibSnapshot>> done = new ArrayList<>();
        synchronized (this) {
            view = current;
            for (String id : List.copyOf(pending.keySet())) {
                Pending p = pending.get(id);
                CompletableFuture<CibSnapshot> f = check(id, p);
                if (f != null) {
                    done.add(Map.entry(f, p.committed));
                }
            }
        }
        done.forEach(e -> e.getKey().complete(e.getValue()));
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
                            + " within " + timeoutMs + " ms (a majority needs " + majority() + ")"
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

    private CompletableFuture<CibSnapshot> check(String id, Pending p) {
        if (p.committed == null || !p.durableAt.contains(self) || countedAcks(p).size() < majority()) {
            return null;
        }
        pending.remove(id);
        return p.result;
    }

    private List<String> countedAcks(Pending p) {
        return p.durableAt.stream().filter(m -> m.equals(self) || view.contains(m)).toList();
    }

    private int majority() {
        return Math.max(1, view.size()) / 2 + 1;
    }

    private static void complete(CompletableFuture<CibSnapshot> f, CibSnapshot after) {
        if (f != null) {
            f.complete(after);
        }
    }
}
