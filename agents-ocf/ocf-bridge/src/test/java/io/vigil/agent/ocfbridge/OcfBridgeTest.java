package io.vigil.agent.ocfbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.agent.testkit.Poll;
import io.vigil.api.agent.ResourceAgent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The bridge component against a recording {@link BundleContext}: one service per script with the agent
 * properties and ranking -10; a script that appears is registered, one that disappears is unregistered, while the
 * component runs (rescanning at the configured interval).
 */
class OcfBridgeTest {

    @TempDir
    Path tmp;

    private final Map<String, Dictionary<String, ?>> services = new ConcurrentHashMap<>();

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
            BundleContext.class}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "registerService": {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, ?> props = (Dictionary<String, ?>) args[2];
                        String key = props.get(ResourceAgent.AGENT_PROVIDER) + ":" + props.get(ResourceAgent.AGENT_TYPE);
                        services.put(key, props);
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                            ServiceRegistration.class}, (p2, m2, a2) -> {
                                if (m2.getName().equals("unregister")) {
                                    services.remove(key);
                                }
                                return null;
                            });
                    }
                    case "getDataFile":
                        return tmp.resolve("data").resolve((String) args[0]).toFile();
                    default:
                        throw new UnsupportedOperationException(m.getName());
                }
            });
    }

    private OcfBridge.Config config(Path root) {
        return new OcfBridge.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OcfBridge.Config.class;
            }

            @Override
            public String root() {
                return root.toString();
            }

            @Override
            public String ocfRoot() {
                return "/usr/lib/ocf";
            }

            @Override
            public long pollMillis() {
                return 200;
            }

            @Override
            public String shimDirectory() {
                return "";
            }
        };
    }

    private static void script(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\nexit 7\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void registersEveryScriptWithLowRankingAndFollowsTheDirectory() throws Exception {
        Path root = tmp.resolve("resource.d");
        script(root.resolve("acme/Widget"));
        Files.createDirectories(root.resolve("acme/.hidden"));
        Files.writeString(root.resolve("acme/README"), "not executable");
        OcfBridge bridge = new OcfBridge(context(), config(root));
        try {
            assertEquals(java.util.Set.of("acme:Widget"), services.keySet());
            Dictionary<String, ?> props = services.get("acme:Widget");
            assertEquals("ocf", props.get(ResourceAgent.AGENT_CLASS));
            assertEquals(-10, props.get(Constants.SERVICE_RANKING));
            assertTrue(Files.isExecutable(tmp.resolve("data/shims/attrd_updater")));

            script(root.resolve("other/Gadget"));
            Poll.until("the new script is registered", Duration.ofSeconds(5),
                    () -> services.containsKey("other:Gadget"));
            Files.delete(root.resolve("acme/Widget"));
            Poll.until("the removed script is unregistered", Duration.ofSeconds(5),
                    () -> !services.containsKey("acme:Widget"));
        } finally {
            bridge.deactivate();
        }
        assertTrue(services.isEmpty(), "deactivation unregisters everything: " + services.keySet());
    }

    @Test
    void theRealDebianTreeIsFullyRegistered() throws Exception {
        OcfBridge bridge = new OcfBridge(context(), config(Path.of("/usr/lib/ocf/resource.d")));
        try {
            for (String k : new String[] {"heartbeat:IPaddr2", "heartbeat:Filesystem", "heartbeat:apache",
                "heartbeat:mysql", "pacemaker:ping", "pacemaker:Stateful", "pacemaker:Dummy"}) {
                assertTrue(services.containsKey(k), k + " missing from " + services.keySet());
            }
        } finally {
            bridge.deactivate();
        }
    }
}
