package io.vigil.fencing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Two requests to fence one target while the first runs power it off once. */
class MergedRequestsTest {

    private final MergedRequests<String, String> requests = new MergedRequests<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger merged = new AtomicInteger();

    private CompletableFuture<String> submit(String key, CompletableFuture<String> outcome) {
        return requests.submit(key, () -> {
            started.incrementAndGet();
            return outcome;
        }, merged::incrementAndGet);
    }

    @Test
    void aRequestUnderWayIsJoinedAndAFinishedOneIsNot() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> a = submit("n2 reboot", first);
        CompletableFuture<String> b = submit("n2 reboot", new CompletableFuture<>());
        assertSame(a, b);
        assertEquals(1, started.get());
        assertEquals(1, merged.get());
        submit("n3 reboot", CompletableFuture.completedFuture("done"));
        assertEquals(2, started.get(), "another target is another request");
        first.complete("fenced");
        assertEquals("fenced", b.join());
        submit("n2 reboot", CompletableFuture.completedFuture("again"));
        assertEquals(3, started.get(), "once finished, a new request runs again");
    }
}
