package io.vigil.cib.manager.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vigil.cib.CibException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;

/**
 * One member's copy of the CIB and the deterministic rules by which delivered messages change it. Every member
 * runs the same rules on the same totally ordered messages, so every copy goes through the same snapshots. No
 * messaging, no threads: the caller delivers messages one at a time.
 */
final class Replica {

    private static final System.Logger LOG = System.getLogger(Replica.class.getName());

    /** Makes a snapshot's configuration durable before it counts as committed. */
    interface Persistence {
        void save(CibSnapshot snapshot) throws IOException;
    }

    private final CibChanges changes;
    private final Persistence persistence;
    private final List<CibListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CibSnapshot current;

    Replica(CibSnapshot initial, CibChanges changes, Persistence persistence) {
        this.current = initial;
        this.changes = changes;
        this.persistence = persistence;
    }

    CibSnapshot current() {
        return current;
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
     * @return the new snapshot
     * @throws CibException the rejection every member reaches alike
     */
    synchronized CibSnapshot applyChange(CibVersion base, List<CibChange> list) throws CibException {
        CibSnapshot before = current;
        CibSnapshot after = changes.apply(before, base, list);
        commit(before, after);
        return after;
    }

    /**
     * Considers a whole snapshot offered by a member (after a join or a partition heals): it replaces ours when it
     * wins — a higher version, or on a tie of versions with different content, the higher content digest — so
     * every member ends with the same winner whatever order the offers came in.
     *
     * @return whether it replaced our copy
     */
    synchronized boolean offer(String origin, CibSnapshot offered) {
        CibSnapshot before = current;
        int c = offered.version().compareTo(before.version());
        if (c < 0 || (c == 0 && digest(offered).compareTo(digest(before)) <= 0)) {
            return false;
        }
        if (!before.configuration().equals(offered.configuration()) && before.version().epoch() > 0) {
            LOG.log(System.Logger.Level.WARNING, "CIB " + before.version() + " replaced by " + offered.version()
                    + " from " + origin + ": changes made here since the copies diverged are discarded");
        }
        commit(before, offered);
        return true;
    }

    /** Takes the state handed to a joining member as it is (it is the cluster's copy at that point in order). */
    synchronized void install(CibSnapshot state) {
        CibSnapshot before = current;
        commit(before, state);
    }

    private void commit(CibSnapshot before, CibSnapshot after) {
        if (!before.configuration().equals(after.configuration()) || before.version().epoch() != after.version()
                .epoch() || before.version().adminEpoch() != after.version().adminEpoch()) {
            try {
                persistence.save(after);
            } catch (IOException e) {
                // The copy in memory still follows the cluster; the operator must fix the disk.
                LOG.log(System.Logger.Level.ERROR, "cannot persist CIB " + after.version() + ": " + e
                        + " (the configuration is only in memory on this node until the disk is fixed)");
            }
        }
        current = after;
        for (CibListener l : listeners) {
            try {
                l.committed(before, after);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "CIB listener " + l + " failed", e);
            }
        }
    }

    /** SHA-256 of the snapshot's JSON: a deterministic tie-breaker between equal versions. */
    static String digest(CibSnapshot s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(CibJson.write(s).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
