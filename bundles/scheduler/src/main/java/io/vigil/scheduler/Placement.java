package io.vigil.scheduler;

/** Where a resource (or one clone instance) runs, and in which role (Started, Promoted, Unpromoted). */
public record Placement(String node, String role) implements Comparable<Placement> {

    @Override
    public int compareTo(Placement o) {
        int c = node.compareTo(o.node);
        return c != 0 ? c : role.compareTo(o.role);
    }
}
