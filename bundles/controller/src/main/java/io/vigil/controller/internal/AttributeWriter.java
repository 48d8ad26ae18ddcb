package io.vigil.controller.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.vigil.api.attribute.NodeAttributes;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.NodeState;

/**
 * Node attributes (Pacemaker's attrd) on top of the replicated CIB: values live in the nodes' transient
 * attributes; a dampened value is written only once it has held for the dampening time, so a flapping value
 * causes one write rather than many.
 */
final class AttributeWriter implements NodeAttributes {

    private static final System.Logger LOG = System.getLogger(AttributeWriter.class.getName());

    private final CibService cib;
    private final ScheduledExecutorService timer;
    private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();

    AttributeWriter(CibService cib, ScheduledExecutorService timer) {
        this.cib = cib;
        this.timer = timer;
    }

    @Override
    public synchronized void set(String node, String name, String value, Duration dampen) {
        String key = node + "\u0000" + name;
        ScheduledFuture<?> old = pending.remove(key);
        if (old != null) {
            old.cancel(false);
        }
        if (get(node, name).equals(Optional.ofNullable(value))) {
            return;
        }
        if (dampen == null || dampen.isZero() || dampen.isNegative()) {
            write(node, name, value);
            return;
        }
        pending.put(key, timer.schedule(() -> {
            synchronized (this) {
                pending.remove(key);
            }
            write(node, name, value);
        }, dampen.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void write(String node, String name, String value) {
        List<CibChange> change = value == null ? List.of(new CibChange.UnsetTransientAttribute(node, name))
                : List.of(new CibChange.SetTransientAttribute(node, name, value));
        cib.apply(change).whenComplete((s, e) -> {
            if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "could not set attribute " + name + " of node " + node + ": "
                        + e.getMessage());
            }
        });
    }

    @Override
    public void delete(String node, String name) {
        set(node, name, null, Duration.ZERO);
    }

    @Override
    public Optional<String> get(String node, String name) {
        return Optional.ofNullable(all(node).get(name));
    }

    @Override
    public Map<String, String> all(String node) {
        return cib.current().status().nodeByName(node).map(NodeState::transientValues).orElse(Map.of());
    }
}
