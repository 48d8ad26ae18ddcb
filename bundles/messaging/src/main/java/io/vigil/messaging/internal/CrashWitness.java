package io.vigil.messaging.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.stack.Protocol;
import org.jgroups.util.NameCache;

/**
 * Sits right above FD_SOCK2 and remembers which members were suspected because their failure-detection
 * connection was closed — by their host's kernel, so their process is gone — as opposed to members that merely
 * fell silent (a cut link, a hung process), which FD_ALL3 reports above this layer. The difference matters to
 * the controller: a dead process needs no lease to run out before its resources are recovered.
 */
public final class CrashWitness extends Protocol {

    private static final long MEMORY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Map<String, Long> closed = new ConcurrentHashMap<>();

    @Override
    public Object up(Event evt) {
        if (evt.getType() == Event.SUSPECT) {
            Object arg = evt.getArg();
            if (arg instanceof Collection<?> members) {
                for (Object m : members) {
                    record(m);
                }
            } else {
                record(arg);
            }
        }
        return up_prot.up(evt);
    }

    private void record(Object member) {
        if (member instanceof Address a) {
            String name = NameCache.get(a);
            closed.put(name != null ? name : a.toString(), System.nanoTime());
        }
    }

    /** Whether the member's connection was closed (its process died) within the last 30 s. */
    public boolean connectionClosed(String member) {
        Long at = closed.get(member);
        return at != null && System.nanoTime() - at < MEMORY_NANOS;
    }
}
