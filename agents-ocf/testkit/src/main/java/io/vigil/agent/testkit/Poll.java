package io.vigil.agent.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting with a deadline: tests poll for a condition instead of sleeping a guessed time. */
public final class Poll {

    private Poll() {
    }

    /** Polls {@code condition} every 20 ms until it holds; fails with {@code what} when the deadline passes. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting until " + what);
            }
            pause();
        }
    }

    /** Polls a value until it satisfies the condition and returns it; the message shows the last value seen. */
    public static <T> T until(String what, Duration deadline, Supplier<T> value,
            java.util.function.Predicate<T> condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T v = value.get();
            if (condition.test(v)) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting until " + what + "; last: " + v);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
