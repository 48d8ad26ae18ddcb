package io.vigil.agent.ocfbridge;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.vigil.api.attribute.NodeAttributes;

/**
 * Keeps one {@link ScriptAgent} registered per script under the root: {@link #rescan()} registers scripts that
 * appeared and unregisters those that disappeared. Registration itself is delegated (OSGi in the component, a map in
 * tests), so this class has no framework dependency.
 */
final class ScriptRegistry {

    /** Registers an agent and returns the handle that unregisters it. */
    interface Registrar {
        Runnable register(String provider, String type, ScriptAgent agent);
    }

    private final Path root;
    private final Path ocfRoot;
    private final Path shimDirectory;
    private final Supplier<NodeAttributes> attributes;
    private final Registrar registrar;
    private final Map<String, Registered> registered = new HashMap<>();

    private record Registered(Path script, Runnable unregister) {
    }

    ScriptRegistry(Path root, Path ocfRoot, Path shimDirectory, Supplier<NodeAttributes> attributes,
            Registrar registrar) {
        this.root = root;
        this.ocfRoot = ocfRoot;
        this.shimDirectory = shimDirectory;
        this.attributes = attributes;
        this.registrar = registrar;
    }

    /** Brings the registrations in line with the scripts present now. */
    synchronized void rescan() {
        Map<String, Path> now = ScriptCatalog.scan(root);
        registered.entrySet().removeIf(e -> {
            Path p = now.get(e.getKey());
            if (p == null || !p.equals(e.getValue().script())) {
                e.getValue().unregister().run();
                return true;
            }
            return false;
        });
        now.forEach((key, script) -> {
            if (!registered.containsKey(key)) {
                int colon = key.indexOf(':');
                String provider = key.substring(0, colon);
                String type = key.substring(colon + 1);
                ScriptAgent agent = new ScriptAgent(script, provider, type, ocfRoot, shimDirectory, attributes);
                registered.put(key, new Registered(script, registrar.register(provider, type, agent)));
            }
        });
    }

    /** Unregisters everything. */
    synchronized void clear() {
        registered.values().forEach(r -> r.unregister().run());
        registered.clear();
    }
}
