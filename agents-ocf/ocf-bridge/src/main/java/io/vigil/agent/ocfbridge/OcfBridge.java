package io.vigil.agent.ocfbridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/**
 * Makes every OCF script on the node a Vigil agent: one {@link ResourceAgent} service
 * {@code ocf:<provider>:<type>} per executable under {@link Config#root()}, registered with
 * {@code service.ranking} {@value #RANKING} so that a Java agent bundle for the same type wins. The directory is
 * rescanned every {@link Config#pollMillis()} ms: a new script becomes an agent within that time, a removed one
 * disappears. Scripts reach the node attribute service through the shims described in {@link AttributeChannel}.
 */
@Component(configurationPid = "io.vigil.agent.ocfbridge", immediate = true)
public final class OcfBridge {

    /** The ranking of script agents: below the default 0 of Java agents. */
    public static final int RANKING = -10;

    /** Configuration (PID {@code io.vigil.agent.ocfbridge}). */
    public @interface Config {
        /** Where providers' script directories are. */
        String root() default "/usr/lib/ocf/resource.d";

        /** {@code OCF_ROOT} given to the scripts (where {@code lib/heartbeat/ocf-shellfuncs} is). */
        String ocfRoot() default "/usr/lib/ocf";

        /** How often the root is rescanned, in milliseconds. */
        long pollMillis() default 2000;

        /** Where the shims are installed; empty = the bundle's data area. */
        String shimDirectory() default "";
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeAttributes attributes;

    private final ScriptRegistry registry;
    private final ScheduledExecutorService poller;

    @Activate
    public OcfBridge(BundleContext context, Config config) throws IOException {
        Path shims = config.shimDirectory().isEmpty()
                ? dataDirectory(context) : Path.of(config.shimDirectory());
        Shims.install(shims);
        this.registry = new ScriptRegistry(Path.of(config.root()), Path.of(config.ocfRoot()), shims,
                () -> attributes, (provider, type, agent) -> {
                    Dictionary<String, Object> props = new Hashtable<>();
                    props.put(ResourceAgent.AGENT_CLASS, "ocf");
                    props.put(ResourceAgent.AGENT_PROVIDER, provider);
                    props.put(ResourceAgent.AGENT_TYPE, type);
                    props.put(Constants.SERVICE_RANKING, RANKING);
                    props.put("agent.script", agent.script().toString());
                    ServiceRegistration<ResourceAgent> reg = context.registerService(ResourceAgent.class, agent,
                            props);
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
            Thread t = new Thread(r, "vigil-ocf-bridge-scan");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.pollMillis());
        poller.scheduleWithFixedDelay(this::rescanQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void rescanQuietly() {
        try {
            registry.rescan();
        } catch (RuntimeException e) {
            // the next scan tries again
        }
    }

    private static Path dataDirectory(BundleContext context) throws IOException {
        var f = context.getDataFile("shims");
        return f != null ? f.toPath() : Files.createTempDirectory("vigil-ocf-shims");
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
        registry.clear();
    }
}
