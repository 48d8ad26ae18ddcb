package io.vigil.fence.external;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Dictionary;
import java.util.Hashtable;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.vigil.api.fence.FenceAgent;

/**
 * {@code fence_external}: one {@link FenceAgent} service per RHCS-style {@code fence_*} executable in
 * {@link Config#directory()} (rescanned every {@link Config#pollMillis()} ms), named after the executable, so a
 * device {@code stonith:fence_ipmilan} works as in Pacemaker once the program is installed. Java fence agents of
 * the same name win ({@code service.ranking} {@value #RANKING}).
 */
@Component(configurationPid = "io.vigil.fence.external", immediate = true)
public final class FenceExternal {

    /** Below the default 0 of Java fence agents. */
    public static final int RANKING = -10;

    /** Where distributions install RHCS fence agents. */
    public static final String SYSTEM_DIRECTORY = "/usr/sbin";

    /** Configuration (PID {@code io.vigil.fence.external}). */
    public @interface Config {
        /**
         * Where the fence executables are; empty = the node config's {@code fenceAgentDirectory}, or
         * {@value FenceExternal#SYSTEM_DIRECTORY} when it has none.
         */
        String directory() default "";

        /** How often the directory is rescanned, in milliseconds. */
        long pollMillis() default 2000;
    }

    private final FenceRegistry registry;
    private final ScheduledExecutorService poller;

    @Activate
    public FenceExternal(BundleContext context, Config config) {
        this.registry = new FenceRegistry(directory(context, config), (name, agent) -> {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(FenceAgent.FENCE_AGENT, name);
            props.put(Constants.SERVICE_RANKING, RANKING);
            props.put("agent.executable", agent.executable().toString());
            ServiceRegistration<FenceAgent> reg = context.registerService(FenceAgent.class, agent, props);
            return () -> {
                try {
                    reg.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            };
        });
        registry.rescan();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-fence-external-scan");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.pollMillis());
        poller.scheduleWithFixedDelay(this::rescanQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private static Path directory(BundleContext context, Config config) {
        if (!config.directory().isEmpty()) {
            return Path.of(config.directory());
        }
        String nodeConfig = context.getProperty("vigil.config");
        if (nodeConfig != null) {
            try {
                JsonElement dir = JsonParser.parseString(Files.readString(Path.of(nodeConfig))).getAsJsonObject()
                        .get("fenceAgentDirectory");
                if (dir != null && dir.isJsonPrimitive()) {
                    return Path.of(nodeConfig).toAbsolutePath().getParent().resolve(dir.getAsString());
                }
            } catch (IOException | RuntimeException e) {
                // the launcher validated the config at start; an unreadable one leaves the system directory
            }
        }
        return Path.of(SYSTEM_DIRECTORY);
    }

    private void rescanQuietly() {
        try {
            registry.rescan();
        } catch (RuntimeException e) {
            // the next scan tries again
        }
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
        registry.clear();
    }
}
