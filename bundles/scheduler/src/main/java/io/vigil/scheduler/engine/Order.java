package io.vigil.scheduler.engine;

/** An ordering edge between two actions, with Pacemaker's flags. */
final class Order {
    static final int OPTIONAL = 0;
    /** first required => then required. */
    static final int IMPLIES_THEN = 1;
    /** then required => first required. */
    static final int IMPLIES_FIRST = 2;
    /** first unrunnable => then unrunnable. */
    static final int RUNNABLE_LEFT = 4;
    /** then (a start) required, or unrunnable while first runnable, and the resource active => first (its stop) required. */
    static final int RESTART = 8;
    /** then required and its resource promoted => first (demote) required. */
    static final int PROMOTED_IMPLIES_FIRST = 16;
    /** Only for then-actions whose resource is starting: first unrunnable => then unrunnable. */
    static final int ASYMMETRICAL = 32;
    /** then runnable if at least one first is runnable. */
    static final int ONE_OR_MORE = 64;
    /** Serialize only: no flag effects. */
    static final int SERIALIZE = 128;
    /** Apply only when both actions are on the same node. */
    static final int SAME_NODE = 256;

    final Act first;
    final Act then;
    final int flags;
    /** Queued in the propagation worklist. */
    boolean queued;

    Order(Act first, Act then, int flags) {
        this.first = first;
        this.then = then;
        this.flags = flags;
    }

    boolean has(int f) {
        return (flags & f) != 0;
    }
}
