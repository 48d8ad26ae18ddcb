package io.vigil.scheduler;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.scheduler.engine.Engine;

import java.time.Instant;
import java.util.Objects;

/**
 * The entry point: a pure function from a CIB snapshot and "now" to a {@link Transition}.
 * Thread-safe (no shared state); the same input always gives the same output.
 */
public final class Scheduler {
    private Scheduler() {
    }

    /**
     * Schedules one transition.
     *
     * @param cib the cluster configuration and status
     * @param now the time rules, failure timeouts and date expressions are evaluated against
     * @return the transition graph, summary, scores and explanations; never null
     */
    public static Transition schedule(CibSnapshot cib, Instant now) {
        Objects.requireNonNull(cib, "cib");
        Objects.requireNonNull(now, "now");
        return new Engine(cib, now).run();
    }
}
