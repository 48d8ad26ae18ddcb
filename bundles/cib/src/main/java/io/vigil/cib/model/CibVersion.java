package io.vigil.cib.model;

import java.util.Comparator;

/** The CIB version tuple; the highest tuple wins. */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {

    public static final CibVersion ZERO = new CibVersion(0, 0, 0);

    private static final Comparator<CibVersion> ORDER = Comparator.comparingLong(CibVersion::adminEpoch)
            .thenComparingLong(CibVersion::epoch).thenComparingLong(CibVersion::numUpdates);

    /** After a configuration change: epoch + 1, num_updates reset. */
    public CibVersion nextConfiguration() {
        return new CibVersion(adminEpoch, epoch + 1, 0);
    }

    /** After a status-only change: num_updates + 1. */
    public CibVersion nextStatus() {
        return new CibVersion(adminEpoch, epoch, numUpdates + 1);
    }

    public boolean isOlderThan(CibVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(CibVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return adminEpoch + "." + epoch + "." + numUpdates;
    }
}
