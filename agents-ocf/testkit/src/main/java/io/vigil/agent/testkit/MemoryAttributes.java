package io.vigil.agent.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.api.attribute.NodeAttributes;

/** An in-JVM {@link NodeAttributes} for tests: writes at once (dampening is recorded, not applied). */
public final class MemoryAttributes implements NodeAttributes {

    private final Map<String, Map<String, String>> values = new ConcurrentHashMap<>();
    private final Map<String, Duration> lastDampen = new ConcurrentHashMap<>();

    @Override
    public void set(String node, String name, String value, Duration dampen) {
        values.computeIfAbsent(node, n -> new ConcurrentHashMap<>()).put(name, value);
        lastDampen.put(node + "/" + name, dampen == null ? Duration.ZERO : dampen);
    }

    @Override
    public void delete(String node, String name) {
        Map<String, String> m = values.get(node);
        if (m != null) {
            m.remove(name);
        }
    }

    @Override
    public Optional<String> get(String node, String name) {
        return Optional.ofNullable(values.getOrDefault(node, Map.of()).get(name));
    }

    @Override
    public Map<String, String> all(String node) {
        return new TreeMap<>(values.getOrDefault(node, Map.of()));
    }

    /** The dampening of the last write of an attribute. */
    public Duration dampen(String node, String name) {
        return lastDampen.getOrDefault(node + "/" + name, Duration.ZERO);
    }
}
