package io.vigil.scheduler.engine;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Internal: an immutable list of ints without boxing them up front (graphs have hundreds of
 * thousands of edges); {@link io.vigil.scheduler.Action} keeps it as is instead of copying it.
 */
public final class IntList extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;

    IntList(int[] values) {
        this.values = values;
    }

    @Override
    public Integer get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
