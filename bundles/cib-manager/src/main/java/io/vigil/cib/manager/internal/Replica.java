package io.vigil.cib.manager.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.vigil.cib.CibException;
import io.vigil.cib.CibParseException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;

/**
 * One member's copy of the CIB and the deterministic rules by which delivered messages change it. Every member
 * runs the same rules on the same totally ordered messages, so every copy goes through the same snapshots. No
 * messaging: the caller delivers messages one at a time. Applied snapshots become durable and visible through a
 * group commit on the {@code committer} (one save for all transitions applied meanwhile), still one by one and in
 * order, so {@link #current()} and the listeners only ever see persisted configurations.
 */
final class Replica {

    private static final System.Logger LOG = System.getLogger(Replica.class.getName());

    /** Makes a snapshot's configuration durable before it counts as committed. */
    interface Persistence {
        void save(CibSnapshot snapshot) throws IOException;

        /** Records the quorate version of the copy just saved (after it), so a restarted node offers it again. */
        default void saveQuorateVersion(CibVersion quorateVersion) throws IOException {
        }
    }

    private final CibChanges changes;
    private final Persistence persistence;
    private final Executor committer;
    private final List<CibListener> listeners = new CopyOnWriteArrayList<>();
    /** Durable and visible: what {@link #current()} returns and listeners have heard of. */
    private volatile CibSnapshot current;
    /** Latest applied in delivery order (guarded by this): what the next delivered message is applied to. */
    private CibSnapshot applied;
    /**
     * The version this copy had when a change was last applied to it in a view holding quorum (guarded by this);
     * null when not known (a copy loaded without one). Compared first when copies compete after a merge: only a
     * quorate partition can acknowledge a change, so the copy that was quorate more recently holds every
     * acknowledged change, whatever versions a partition without quorum reached meanwhile.
     */
    private CibVersion quorateVersion;
    private final ArrayDeque<Step> queue = new ArrayDeque<>();
    private boolean draining;

    /** Told when an applied change is visible here, and whether it is durable (persisted, or nothing to persist). */
    interface Commit {
        void committed(CibSnapshot after, boolean durable);
    }

    /** A whole copy as members hand it on: the snapshot and its {@linkplain #quorateVersion quorate version}. */
    record Copy(CibSnapshot snapshot, CibVersion quorateVersion) {
    }

    /** One applied transition waiting to become durable and visible. */
    private record Step(CibSnapshot before, CibSnapshot after, CibVersion quorateVersion, Commit onCommitted) {
    }

    /** Commits synchronously on the delivering thread (one persist per change). */
    Replica(CibSnapshot initial, CibChanges changes, Persistence persistence) {
        this(initial, changes, persistence, Runnable::run);
    }

    /**
     * @param committer runs the group commit: transitions applied meanwhile are persisted together (one save of
     *        the newest snapshot), then made visible and announced one by one, in order. A single thread, or
     *        {@code Runnable::run} for synchronous commits.
     */
    Replica(CibSnapshot initial, CibChanges changes, Persistence persistence, Executor committer) {
        this(new Copy(initial, null), changes, persistence, committer);
    }

    /** As {@link #Replica(CibSnapshot, CibChanges, Persistence, Executor)} from a copy with its quorate version. */
    Replica(Copy initial, CibChanges changes, Persistence persistence, Executor committer) {
        this.current = initial.snapshot();
        this.applied = initial.snapshot();
        this.quorateVersion = initial.quorateVersion();
        this.changes = changes;
        this.persistence = persistence;
        this.committer = committer;
    }

    CibSnapshot current() {
        return current;
    }

    /**
     * The newest snapshot in delivery order, perhaps not yet durable here: what state transfer and offers must
     * hand on, since they stand at this point of the total order.
     */
    synchronized CibSnapshot applied() {
        return applied;
    }

    /** {@link #applied()} with its quorate version, taken together. */
    synchronized Copy copy() {
        return new Copy(applied, quorateVersion);
    }

    void addListener(CibListener l) {
        listeners.add(l);
    }

    void removeListener(CibListener l) {
        listeners.remove(l);
    }

    /**
     * Applies a delivered change request.
     *
     * @param quorate whether it was delivered in a view holding quorum
     * @param onCommitted told the new snapshot once it is visible here, and whether saving it succeeded
     * @return the new snapshot (not yet necessarily durable)
     * @throws CibException the rejection every member reaches alike
     */
    synchronized CibSnapshot applyChange(CibVersion base, List<CibChange> list, boolean quorate, Commit onCommitted)
            throws CibException {
        CibSnapshot before = applied;
        CibSnapshot after;
        try {
            after = changes.apply(before, base, list);
        } catch (RuntimeException e) {
            // a change that decoded but is not well-formed (e.g. a missing name): every member rejects it alike
            throw new CibParseException("$.changes", "the change cannot be applied: " + e, e);
        }
        if (quorate) {
            quorateVersion = after.version();
        }
        transition(before, after, onCommitted);
        return after;
    }

    /** As {@link #applyChange(CibVersion, List, boolean, Commit)} outside quorum, told only the snapshot. */
    CibSnapshot applyChange(CibVersion base, List<CibChange> list, Consumer<CibSnapshot> onCommitted)
            throws CibException {
        return applyChange(base, list, false, (after, durable) -> onCommitted.accept(after));
    }

    /** As {@link #applyChange(CibVersion, List, boolean, Commit)} outside quorum with nobody to tell. */
    CibSnapshot applyChange(CibVersion base, List<CibChange> list) throws CibException {
        return applyChange(base, list, false, (after, durable) -> { });
    }

    /**
     * Considers a whole copy offered by a member (after a join or a partition heals): it replaces ours when it
     * wins — a higher quorate version (see {@link #quorateVersion}), then a higher version, then on a tie of
     * versions with different content the higher content digest — so every member ends with the same winner
     * whatever order the offers came in.
     *
     * @return whether it replaced our copy
     */
    synchronized boolean offer(String origin, Copy offered) {
        CibSnapshot before = applied;
        int q = compare(offered.quorateVersion(), quorateVersion);
        int c = q != 0 ? q : offered.snapshot().version().compareTo(before.version());
        if (c < 0 || (c == 0 && digest(offered.snapshot()).compareTo(digest(before)) <= 0)) {
            return false;
        }
        quorateVersion = offered.quorateVersion();
        adopt(origin, before, offered.snapshot());
        return true;
    }

    private static int compare(CibVersion a, CibVersion b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private void adopt(String origin, CibSnapshot before, CibSnapshot offered) {
        if (!before.configuration().equals(offered.configuration()) && before.version().epoch() > 0) {
            LOG.log(System.Logger.Level.WARNING, "CIB " + before.version() + " replaced by " + offered.version()
                    + " from " + origin + ": changes made here since the copies diverged are discarded");
        }
        transition(before, offered, (after, durable) -> { });
    }

    /** Takes the state handed to a joining member as it is (it is the cluster's copy at that point in order). */
    synchronized void install(Copy state) {
        quorateVersion = state.quorateVersion();
        transition(applied, state.snapshot(), (after, durable) -> { });
    }

    private void transition(CibSnapshot before, CibSnapshot after, Commit onCommitted) {
        applied = after;
        boolean start;
        synchronized (queue) {
            queue.add(new Step(before, after, quorateVersion, onCommitted));
            start = !draining;
            draining = true;
        }
        if (start) {
            committer.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            List<Step> batch;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    draining = false;
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            commit(batch);
        }
    }

    private void commit(List<Step> batch) {
        boolean save = false;
        for (Step s : batch) {
            save |= needsSave(s.before(), s.after());
        }
        CibSnapshot last = batch.get(batch.size() - 1).after();
        boolean durable = true;
        if (save) {
            try {
                persistence.save(last);
                persistence.saveQuorateVersion(batch.get(batch.size() - 1).quorateVersion());
            } catch (IOException | RuntimeException e) {
                durable = false;
                // The copy in memory still follows the cluster; the operator must fix the disk.
                LOG.log(System.Logger.Level.ERROR, "cannot persist CIB " + last.version() + ": " + e
                        + " (the configuration is only in memory on this node until the disk is fixed)");
            }
        }
        for (Step s : batch) {
            current = s.after();
            for (CibListener l : listeners) {
                try {
                    l.committed(s.before(), s.after());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "CIB listener " + l + " failed", e);
                }
            }
            try {
                s.onCommitted().committed(s.after(), durable);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "CIB commit callback failed", e);
            }
        }
    }

    private static boolean needsSave(CibSnapshot before, CibSnapshot after) {
        return !before.configuration().equals(after.configuration())
                || before.version().epoch() != after.version().epoch()
                || before.version().adminEpoch() != after.version().adminEpoch();
    }

    /**
     * SHA-256 of the snapshot's JSON with object keys sorted: a deterministic tie-breaker between equal versions
     * (the same content gives the same digest on every member, whatever order its maps were built in).
     */
    static String digest(CibSnapshot s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String canonical = canonical(JsonParser.parseString(CibJson.write(s))).toString();
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonElement canonical(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject sorted = new JsonObject();
            new java.util.TreeMap<>(e.getAsJsonObject().asMap()).forEach((k, v) -> sorted.add(k, canonical(v)));
            return sorted;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(canonical(x)));
            return a;
        }
        return e;
    }
}
