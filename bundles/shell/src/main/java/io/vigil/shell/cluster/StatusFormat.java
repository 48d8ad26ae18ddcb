package io.vigil.shell.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Renders a {@link ClusterStatus} as crm_mon -1 shows it, or as JSON. */
public final class StatusFormat {

    private StatusFormat() {
    }

    public static String text(ClusterStatus s) {
        StringBuilder b = new StringBuilder();
        b.append("Stack: vigil\n");
        b.append("Current DC: ").append(s.dc()).append(" - partition ").append(s.quorate() ? "with" : "WITHOUT")
                .append(" quorum\n");
        b.append("CIB version: ").append(s.version()).append('\n');
        b.append(s.nodes().size()).append(" Nodes configured\n");
        b.append(countInstances(s.resources())).append(" Resources configured\n\n");
        Map<String, List<String>> byState = new java.util.LinkedHashMap<>();
        for (String state : List.of("online", "standby", "maintenance", "offline", "UNCLEAN (offline)")) {
            byState.put(state, new ArrayList<>());
        }
        s.nodes().forEach((n, st) -> byState.computeIfAbsent(st, k -> new ArrayList<>()).add(n));
        byState.forEach((state, nodes) -> {
            if (nodes.isEmpty()) {
                return;
            }
            switch (state) {
                case "online" -> b.append("Online: [ ").append(String.join(" ", nodes)).append(" ]\n");
                case "offline" -> b.append("OFFLINE: [ ").append(String.join(" ", nodes)).append(" ]\n");
                default -> nodes.forEach(n -> b.append("Node ").append(n).append(": ").append(state).append('\n'));
            }
        });
        for (ClusterStatus.ResourceStatus r : s.resources()) {
            resource(b, r, " ");
        }
        if (!s.failures().isEmpty()) {
            b.append("\nFailed Resource Actions:\n");
            for (ResourceStates.FailedAction f : s.failures()) {
                b.append("* ").append(f.resource()).append('_').append(f.operation()).append('_')
                        .append(f.intervalMs()).append(" on ").append(f.node()).append(" '")
                        .append(rcText(f.rc(), f.opStatus())).append("' (").append(f.rc()).append("): ")
                        .append(f.reason().isEmpty() ? "" : "exitreason='" + f.reason() + "', ")
                        .append("last-rc-change=").append(java.time.Instant.ofEpochSecond(f.lastRcChange()))
                        .append('\n');
            }
        }
        if (!s.fencing().isEmpty()) {
            b.append("\nFencing History:\n");
            fencingLines(s.fencing()).forEach(l -> b.append(l).append('\n'));
        }
        if (!s.problems().isEmpty()) {
            b.append('\n');
            s.problems().forEach(p -> b.append("WARNING: ").append(p).append('\n'));
        }
        return b.toString().stripTrailing();
    }

    /** Fence history lines as crm_mon shows them, newest first. */
    public static List<String> fencingLines(List<io.vigil.fencing.api.FenceEvent> events) {
        List<String> lines = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            io.vigil.fencing.api.FenceEvent e = events.get(i);
            lines.add("* " + e.action() + " of " + e.target() + (e.succeeded() ? " successful" : " failed")
                    + ": delegate=" + e.executioner() + ", origin=" + e.origin()
                    + (e.devices().isEmpty() ? "" : ", devices=" + e.devices())
                    + (e.reason().isEmpty() ? "" : ", reason='" + e.reason() + "'")
                    + ", completed='" + e.completed() + "'");
        }
        return lines;
    }

    private static int countInstances(List<ClusterStatus.ResourceStatus> rs) {
        int n = 0;
        for (ClusterStatus.ResourceStatus r : rs) {
            n += r.kind().equals("group") ? r.members().size() : r.kind().equals("primitive") ? 1
                    : Math.max(1, r.active().size());
        }
        return n;
    }

    private static void resource(StringBuilder b, ClusterStatus.ResourceStatus r, String indent) {
        switch (r.kind()) {
            case "group" -> {
                b.append(indent).append("Resource Group: ").append(r.id()).append('\n');
                for (ClusterStatus.ResourceStatus m : r.members()) {
                    resource(b, m, indent + "    ");
                }
            }
            case "clone", "promotable" -> {
                b.append(indent).append(r.kind().equals("clone") ? "Clone Set: " : "Master/Slave Set: ")
                        .append(r.id()).append(" [").append(r.agent()).append("]\n");
                Map<String, TreeSet<String>> byRole = new java.util.TreeMap<>();
                for (ResourceStates.Active a : r.active()) {
                    String role = r.kind().equals("promotable") && a.role().equals("Started") ? "Unpromoted"
                            : a.role();
                    byRole.computeIfAbsent(role, k -> new TreeSet<>()).add(a.node());
                }
                if (byRole.isEmpty()) {
                    b.append(indent).append("    Stopped\n");
                }
                byRole.forEach((role, nodes) -> b.append(indent).append("    ").append(role).append(": [ ")
                        .append(String.join(" ", nodes)).append(" ]\n"));
            }
            default -> {
                b.append(indent).append(r.id()).append("\t(").append(r.agent()).append("):\t");
                if (r.active().isEmpty()) {
                    b.append("Stopped").append("Stopped".equals(r.target()) ? " (disabled)" : "");
                } else {
                    b.append(r.active().stream().map(a -> a.role() + " " + a.node())
                            .collect(Collectors.joining(", ")));
                }
                b.append('\n');
            }
        }
    }

    private static String rcText(int rc, int opStatus) {
        if (opStatus == 2) {
            return "Timed Out";
        }
        return switch (rc) {
            case 0 -> "ok";
            case 1 -> "error";
            case 2 -> "invalid parameter";
            case 3 -> "unimplemented feature";
            case 4 -> "insufficient privileges";
            case 5 -> "not installed";
            case 6 -> "not configured";
            case 7 -> "not running";
            case 8 -> "promoted";
            case 9 -> "promoted (failed)";
            default -> "error";
        };
    }

    public static String json(ClusterStatus s) {
        JsonObject o = new JsonObject();
        o.addProperty("dc", s.dc());
        o.addProperty("quorate", s.quorate());
        o.addProperty("version", s.version());
        JsonObject nodes = new JsonObject();
        s.nodes().forEach(nodes::addProperty);
        o.add("nodes", nodes);
        JsonObject resources = new JsonObject();
        for (ClusterStatus.ResourceStatus r : s.resources()) {
            addResource(resources, r);
        }
        o.add("resources", resources);
        JsonArray failures = new JsonArray();
        for (ResourceStates.FailedAction f : s.failures()) {
            JsonObject fo = new JsonObject();
            fo.addProperty("resource", f.resource());
            fo.addProperty("node", f.node());
            fo.addProperty("operation", f.operation());
            fo.addProperty("interval", f.intervalMs());
            fo.addProperty("rc", f.rc());
            fo.addProperty("reason", f.reason());
            failures.add(fo);
        }
        o.add("failures", failures);
        JsonArray fencing = new JsonArray();
        for (io.vigil.fencing.api.FenceEvent e : s.fencing()) {
            JsonObject fo = new JsonObject();
            fo.addProperty("target", e.target());
            fo.addProperty("action", e.action());
            fo.addProperty("succeeded", e.succeeded());
            fo.addProperty("delegate", e.executioner());
            fo.addProperty("completed", e.completed().toString());
            fencing.add(fo);
        }
        o.add("fencing", fencing);
        JsonArray problems = new JsonArray();
        s.problems().forEach(problems::add);
        o.add("problems", problems);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o);
    }

    private static void addResource(JsonObject out, ClusterStatus.ResourceStatus r) {
        if (r.kind().equals("group")) {
            r.members().forEach(m -> addResource(out, m));
            return;
        }
        JsonArray where = new JsonArray();
        for (ResourceStates.Active a : r.active()) {
            JsonObject ao = new JsonObject();
            ao.addProperty("node", a.node());
            ao.addProperty("role", a.role());
            where.add(ao);
        }
        out.add(r.id(), where);
    }
}
