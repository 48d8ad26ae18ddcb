package io.vigil.messaging.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.stack.IpAddress;
import org.jgroups.stack.Protocol;
import org.jgroups.util.NameCache;

/**
 * Sits right above FD_SOCK2 and tells which suspected members are known to have crashed, as opposed to members
 * that merely fell silent (a cut link, a hung process). The difference matters to the controller: a dead process
 * needs no lease to run out before its resources are recovered — so a wrong "crashed" is a safety bug.
 *
 * <p>A closed failure-detection connection alone proves nothing: a live member closes its connections too when it
 * excludes us from its view. So each suspicion FD_SOCK2 raises is confirmed by probing the member's transport
 * address: only a refused connection (its host is up and answers, but nothing listens on the member's port any
 * more) counts as a crash. A connect that succeeds (alive) or gets no answer (cut link, powered-off host) does not.
 */
public final class CrashWitness extends Protocol {

    private static final long MEMORY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int PROBE_TIMEOUT_MS = 500;

    private final Map<String, Long> crashed = new ConcurrentHashMap<>();
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-crash-witness");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Object up(Event evt) {
        if (evt.getType() == Event.SUSPECT) {
            Object arg = evt.getArg();
            if (arg instanceof Collection<?> members) {
                for (Object m : members) {
                    probe(m);
                }
            } else {
                probe(arg);
            }
        }
        return up_prot.up(evt);
    }

    private void probe(Object member) {
        if (!(member instanceof Address a)) {
            return;
        }
        Object physical = down_prot.down(new Event(Event.GET_PHYSICAL_ADDRESS, a));
        if (!(physical instanceof IpAddress ip) || ip.getIpAddress() == null) {
            return;
        }
        String name = NameCache.get(a) != null ? NameCache.get(a) : a.toString();
        InetSocketAddress target = new InetSocketAddress(ip.getIpAddress(), ip.getPort());
        prober.execute(() -> {
            if (refused(target)) {
                crashed.put(name, System.nanoTime());
            }
        });
    }

    /** Whether nothing listens at {@code target} although its host answers (a reset to our connection attempt). */
    static boolean refused(InetSocketAddress target) {
        try (Socket s = new Socket()) {
            s.connect(target, PROBE_TIMEOUT_MS);
            return false;
        } catch (ConnectException e) {
            return e.getMessage() != null && e.getMessage().contains("refused");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the member was confirmed crashed (its process is gone) within the last 30 s. */
    public boolean connectionClosed(String member) {
        Long at = crashed.get(member);
        return at != null && System.nanoTime() - at < MEMORY_NANOS;
    }

    @Override
    public void stop() {
        prober.shutdownNow();
        super.stop();
    }
}
