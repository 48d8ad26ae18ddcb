package io.vigil.scheduler.engine;

/** A colocation between two resources: {@code dependent} is placed relative to {@code primary}. */
record Colocation(String id, Rsc dependent, Rsc primary, int score, Role dependentRole, Role primaryRole,
                  String nodeAttribute, boolean influence) {

    /** Whether the dependent's preferences may move the primary (influence or primary not active). */
    boolean hasInfluence() {
        return influence || primary.runningOn.isEmpty();
    }
}
