package io.vigil.agent.lsb;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.vigil.api.agent.ResourceAgent;

/**
 * Registers {@code lsb:<script>} for every executable in {@link Config#root()} (default {@code /etc/init.d}) and
 * keeps the set current by rescanning every {@link Config#pollMillis()} ms.
 */
@Component(configurationPid = "io.vigil.agent.lsb", immediate = true)
public final class LsbComponent {

    /** Configuration (PID {@code io.vigil.agent.lsb}). */
    public @interface Config {
        /** The init script directory. */
        String root() default "/etc/init.d";

        /** Rescan interval in milliseconds. */
        long pollMillis() default 2000;
    }

    private final LsbScripts scripts;
    private final ScheduledExecutorService poller;

    @Activate
    public LsbComponent(BundleContext context, Config config) {
        this.scripts = new LsbScripts(Path.of(config.root()), (name, agent) -> {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(ResourceAgent.AGENT_CLASS, "lsb");
            props.put(ResourceAgent.AGENT_TYPE, name);
            props.put("agent.script", agent.script().toString());
            ServiceRegistration<ResourceAgent> reg = context.registerService(ResourceAgent.class, agent, props);
            return () -> {
                try {
                    reg.unregister();
                } catch (IllegalStateException e) {
                    // gone with the bundle
                }
            };
        });
        scripts.rescan();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-lsb-scan");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.pollMillis());
        poller.scheduleWithFixedDelay(() -> {
            try {
                scripts.rescan();
            } catch (RuntimeException e) {
                // next round
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
        scripts.clear();
    }
}
