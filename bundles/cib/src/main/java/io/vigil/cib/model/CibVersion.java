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

    /**
     * Reads {@code admin_epoch.epoch.num_updates}, as {@link #toString()} writes it.
     *
     * @throws IllegalArgumentException when the text is not three dot-separated whole numbers
     */
    public static CibVersion parse(String text) {
        String[] p = text.split("\\.", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not admin_epoch.epoch.num_updates");
        }
        return new CibVersion(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
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
