package io.vigil.fence.external;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.api.agent.AgentMetadata;
import io.vigil.executor.process.AgentProcess;

/**
 * Keeps one {@link ExternalFenceAgent} registered per fence executable of the directory: {@link #rescan()} adds
 * those that appeared (reading their meta-data once) and removes those that disappeared. Registration is delegated,
 * so this class has no framework dependency.
 */
final class FenceRegistry {

    /** Registers an agent and returns what unregisters it. */
    interface Registrar {
        Runnable register(String name, ExternalFenceAgent agent);
    }

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final Path directory;
    private final Registrar registrar;
    private final Map<String, Registered> registered = new HashMap<>();

    private record Registered(Path executable, Runnable unregister) {
    }

    FenceRegistry(Path directory, Registrar registrar) {
        this.directory = directory;
        this.registrar = registrar;
    }

    synchronized void rescan() {
        Map<String, Path> now = FenceCatalog.scan(directory);
        registered.entrySet().removeIf(e -> {
            if (!e.getValue().executable().equals(now.get(e.getKey()))) {
                e.getValue().unregister().run();
                return true;
            }
            return false;
        });
        now.forEach((name, exe) -> {
            if (!registered.containsKey(name)) {
                ExternalFenceAgent agent = new ExternalFenceAgent(exe, name, () -> metadata(name, exe));
                registered.put(name, new Registered(exe, registrar.register(name, agent)));
            }
        });
    }

    synchronized void clear() {
        registered.values().forEach(r -> r.unregister().run());
        registered.clear();
    }

    private static AgentMetadata metadata(String name, Path exe) {
        try {
            AgentProcess.Outcome o = AgentProcess.run(List.of(exe.toString(), "-o", "metadata"), Map.of(), null,
                    METADATA_TIMEOUT);
            if (o.completed() && o.exitCode() == 0) {
                return FenceMetadata.parse(name, o.stdout()).orElseGet(() -> FenceMetadata.minimal(name));
            }
        } catch (IOException e) {
            // described minimally; running it will report why it cannot start
        }
        return FenceMetadata.minimal(name);
    }
}
