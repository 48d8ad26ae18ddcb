package io.vigil.itest.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline: how tests wait for something to happen, instead of sleeping. */
public final class Deadline {

    private Deadline() {
    }

    /**
     * Polls {@code condition} every {@code pollMs} until it holds; returns how long it took.
     *
     * @throws AssertionError naming {@code what} if it does not hold within {@code timeout}
     */
    public static Duration await(String what, Duration timeout, long pollMs, BooleanSupplier condition) {
        long start = System.nanoTime();
        long end = start + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** As {@link #await(String, Duration, long, BooleanSupplier)}, with a description computed on failure. */
    public static Duration await(Supplier<String> what, Duration timeout, long pollMs, BooleanSupplier condition) {
        try {
            return await("condition", timeout, pollMs, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage().replace("condition", what.get()), e);
        }
    }
}
