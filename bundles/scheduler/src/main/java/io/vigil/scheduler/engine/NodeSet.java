package io.vigil.scheduler.engine;

/** A set of nodes as bits by node index: the status stage adds one for nearly every history entry. */
final class NodeSet {
    private long[] bits = new long[1];
    private int size;

    boolean add(SNode n) {
        int w = n.index >>> 6;
        if (w >= bits.length) {
            bits = java.util.Arrays.copyOf(bits, w + 1);
        }
        long m = 1L << (n.index & 63);
        if ((bits[w] & m) != 0) {
            return false;
        }
        bits[w] |= m;
        size++;
        return true;
    }

    boolean contains(SNode n) {
        int w = n.index >>> 6;
        return w < bits.length && (bits[w] & (1L << (n.index & 63))) != 0;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
