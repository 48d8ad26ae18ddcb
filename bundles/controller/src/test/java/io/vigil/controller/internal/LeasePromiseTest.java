package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A member answers one DC at a time: lease time 1000 ms, on an injected monotonic clock. */
class LeasePromiseTest {

    private final LeasePromise promise = new LeasePromise(1000);
    private long now = -3_000_000_000L; // monotonic time may be negative

    private void pass(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void anotherDcIsAnsweredOnlyOneLeaseTimeAfterTheLastAnswer() {
        assertTrue(promise.answer("n1", now, n -> false));
        pass(400);
        assertTrue(promise.answer("n1", now, n -> false), "the same DC, again and again");
        pass(999);
        assertFalse(promise.answer("n2", now, n -> false), "999 ms after answering n1");
        assertEquals("n1", promise.promisedTo(now));
        pass(1);
        assertTrue(promise.answer("n2", now, n -> false), "n1's answers have lapsed");
        assertFalse(promise.answer("n1", now, n -> false), "and now n2 holds the promise");
    }

    @Test
    void aDcConfirmedCrashedReleasesThePromiseAtOnce() {
        promise.answer("n1", now, n -> false);
        pass(10);
        assertTrue(promise.answer("n2", now, "n1"::equals));
        assertEquals("n2", promise.promisedTo(now));
    }

    @Test
    void aDcIsBoundByItsOwnPromiseToo() {
        promise.answer("n1", now, n -> false); // as member of n1
        pass(300);
        assertFalse(promise.answer("n3", now, n -> false), "n3, now DC itself, may not count itself yet");
        pass(2000);
        assertNull(promise.promisedTo(now));
        assertTrue(promise.answer("n3", now, n -> false));
    }
}
