package io.vigil.fencing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.TimeSpec;
import io.vigil.cib.model.Truth;

/**
 * Which devices fence a node, in which order: the target's fencing-topology levels when it has any (all devices
 * of a level must succeed; the next level is tried when one fails), else one level per capable device. A device
 * can fence a node named in its {@code pcmk_host_list} or {@code pcmk_host_map}; a device with neither is assumed
 * able to fence any node (its agent decides). Pure: derived from the CIB alone.
 */
final class FencePlan {

    /** One device as configured, resolved for one target. */
    record Device(String id, String agent, Map<String, String> params, String port, long delayBaseMs,
            long delayMaxMs, long timeoutMs, int retries) {
    }

    private FencePlan() {
    }

    static List<List<Device>> levels(CibSnapshot cib, String target, String action) {
        Configuration c = cib.configuration();
        Map<String, Primitive> devices = new LinkedHashMap<>();
        for (Primitive p : c.fencingDevices()) {
            if (!"Stopped".equals(p.meta().get("target-role"))) {
                devices.put(p.id(), p);
            }
        }
        long stonithTimeout = c.properties().stonithTimeoutMs();
        TreeMap<Integer, List<String>> topology = new TreeMap<>();
        for (FencingLevel l : c.fencingTopology()) {
            if (appliesTo(l, target, cib)) {
                topology.computeIfAbsent(l.level(), k -> new ArrayList<>()).addAll(l.devices());
            }
        }
        List<List<Device>> levels = new ArrayList<>();
        if (!topology.isEmpty()) {
            for (List<String> ids : topology.values()) {
                List<Device> level = new ArrayList<>();
                for (String id : ids) {
                    Primitive p = devices.get(id);
                    if (p != null) {
                        level.add(device(p, target, action, stonithTimeout));
                    }
                }
                if (level.size() == ids.size()) {
                    levels.add(level);
                }
            }
            return levels;
        }
        devices.values().stream().filter(p -> canFence(p, target)).sorted(Comparator.comparingInt(
                FencePlan::priority).reversed()).forEach(p -> levels.add(List.of(device(p, target, action,
                        stonithTimeout))));
        return levels;
    }

    private static int priority(Primitive p) {
        try {
            return Integer.parseInt(p.meta().getOrDefault("priority", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean appliesTo(FencingLevel l, String target, CibSnapshot cib) {
        if (l.target() != null) {
            return l.target().equals(target);
        }
        if (l.targetPattern() != null) {
            return Pattern.compile(l.targetPattern()).matcher(target).matches();
        }
        if (l.targetAttribute() != null) {
            return cib.configuration().nodeByName(target).flatMap(n -> n.instanceAttributes()
                    .get(l.targetAttribute())).map(v -> v.equals(l.targetValue())).orElse(false);
        }
        return false;
    }

    static boolean canFence(Primitive p, String target) {
        Map<String, String> params = p.instanceAttributes().unconditional();
        String check = params.getOrDefault("pcmk_host_check", "");
        Optional<String> list = Optional.ofNullable(params.get("pcmk_host_list"));
        Optional<String> map = Optional.ofNullable(params.get("pcmk_host_map"));
        if (list.isEmpty() && map.isEmpty() || "none".equals(check)) {
            return true;
        }
        return list.map(l -> List.of(l.trim().split("[\\s,;]+")).contains(target)).orElse(false)
                || map.map(m -> hostMap(m).containsKey(target)).orElse(false);
    }

    /** {@code pcmk_host_map}: "node1:port1;node2:port2" (also spaces or commas between entries). */
    static Map<String, String> hostMap(String map) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : map.trim().split("[\\s,;]+")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                m.put(entry.substring(0, colon), entry.substring(colon + 1));
            } else if (colon < 0 && !entry.isEmpty()) {
                m.put(entry, entry);
            }
        }
        return m;
    }

    private static Device device(Primitive p, String target, String action, long stonithTimeoutMs) {
        Map<String, String> params = new LinkedHashMap<>(p.instanceAttributes().unconditional());
        String port = Optional.ofNullable(params.get("pcmk_host_map")).map(FencePlan::hostMap)
                .map(m -> m.get(target)).orElse(target);
        long timeout = ms(params.get("pcmk_" + action + "_timeout"), stonithTimeoutMs);
        int retries = (int) number(params.get("pcmk_" + action + "_retries"), 2);
        return new Device(p.id(), p.type(), params, port, ms(params.get("pcmk_delay_base"), 0),
                ms(params.get("pcmk_delay_max"), 0), timeout, retries);
    }

    private static long ms(String v, long dflt) {
        return v == null ? dflt : TimeSpec.toMillis(v).orElse(dflt);
    }

    private static long number(String v, long dflt) {
        try {
            return v == null ? dflt : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Whether fencing is enabled and some device could fence the node. */
    static boolean fenceable(CibSnapshot cib, String target) {
        return Truth.isTrue(cib.configuration().properties().get("stonith-enabled").orElse("true"))
                && !levels(cib, target, "reboot").isEmpty();
    }
}
