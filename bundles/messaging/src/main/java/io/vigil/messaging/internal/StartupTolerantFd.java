package io.vigil.messaging.internal;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.FD_ALL3;

/**
 * FD_ALL3 that is more tolerant during this node's first seconds: nodes that boot together on a busy machine
 * (JIT, class loading, three JVMs on two cores) can miss each other's heartbeats for over a second, suspect each
 * other and split into partitions that merge only seconds later. For {@link #GRACE_MS} after the channel starts a
 * member is suspected only after {@link #graceTimeout} of silence; then the configured timeout applies, with every
 * member's history restarted (a silent member is suspected one full configured timeout later at the latest).
 * Crashes are still seen at once through closed connections (FD_SOCK2); safety does not rest on this timing
 * (leases do), only how fast a silent node is excluded.
 */
final class StartupTolerantFd extends FD_ALL3 {

    /** How long after the channel starts the tolerant timeout applies. */
    static final long GRACE_MS = 10_000;

    private final long steadyTimeoutMs;
    private Future<?> graceEnd;

    StartupTolerantFd(long intervalMs, long timeoutMs) {
        // FD_ALL3's protocol id: heartbeat headers are looked up by it (a subclass has none registered)
        setId(ClassConfigurator.getProtocolId(FD_ALL3.class));
        this.steadyTimeoutMs = timeoutMs;
        setInterval(intervalMs);
        setTimeout(graceTimeout(timeoutMs));
    }

    /** Three times the configured timeout, at least 3 s. */
    static long graceTimeout(long timeoutMs) {
        return Math.max(3 * timeoutMs, 3000);
    }

    @Override
    public void start() throws Exception {
        super.start();
        graceEnd = timer.schedule(this::endGrace, GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (graceEnd != null) {
            graceEnd.cancel(false);
        }
        super.stop();
    }

    /** Switches to the configured timeout; every member starts a fresh window of it. */
    void endGrace() {
        setTimeout(steadyTimeoutMs);
        timestamps.replaceAll((member, old) -> new Bitmap(num_bits));
    }

    boolean inGrace() {
        return getTimeout() != steadyTimeoutMs;
    }
}
