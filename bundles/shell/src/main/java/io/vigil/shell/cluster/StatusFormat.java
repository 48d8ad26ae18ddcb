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
        b.append(countInstances(s)).append(" Resources configured\n\n");
        nodes(b, s, "");
        for (ClusterStatus.ResourceStatus r : s.resources()) {
            resource(b, r, " ", onlineNodes(s));
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

    private static void nodes(StringBuilder b, ClusterStatus s, String indent) {
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
                case "online" -> b.append(indent).append("Online: [ ").append(String.join(" ", nodes)).append(" ]\n");
                case "offline" -> b.append(indent).append("OFFLINE: [ ").append(String.join(" ", nodes))
                        .append(" ]\n");
                default -> nodes.forEach(n -> b.append(indent).append("Node ").append(n).append(": ").append(state)
                        .append('\n'));
            }
        });
    }

    /** {@code pcs status nodes}: the node lines alone. */
    public static String nodesText(ClusterStatus s) {
        StringBuilder b = new StringBuilder("Pacemaker Nodes:\n");
        nodes(b, s, " ");
        return b.toString().stripTrailing();
    }

    /**
     * The resource lines alone, as crm_mon prints them ({@code pcs resource status}, {@code pcs status
     * resources}); {@code only} narrows to one top-level resource (or the one holding it), {@code stonith} to the
     * fencing devices.
     */
    public static String resourcesText(ClusterStatus s, String only, boolean stonith) {
        StringBuilder b = new StringBuilder();
        for (ClusterStatus.ResourceStatus r : s.resources()) {
            boolean isStonith = r.kind().equals("primitive") && r.agent().startsWith("stonith:");
            if (stonith != isStonith && (stonith || only == null)) {
                continue;
            }
            if (only != null && !contains(r, only)) {
                continue;
            }
            resource(b, r, " ", onlineNodes(s));
        }
        String text = b.toString().stripTrailing();
        return text.isEmpty() ? (stonith ? "NO stonith devices configured" : "NO resources configured") : text;
    }

    private static boolean contains(ClusterStatus.ResourceStatus r, String id) {
        return r.id().equals(id) || r.agent().equals(id) || r.members().stream().anyMatch(m -> contains(m, id));
    }

    private static List<String> onlineNodes(ClusterStatus s) {
        List<String> out = new ArrayList<>();
        s.nodes().forEach((n, st) -> {
            if (st.equals("online")) {
                out.add(n);
            }
        });
        return out;
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

    /**
     * Resource instances as crm_mon counts them: a clone has one instance per node (its clone-max default)
     * unless more are active.
     */
    static int countInstances(ClusterStatus s) {
        int n = 0;
        for (ClusterStatus.ResourceStatus r : s.resources()) {
            n += r.kind().equals("group") ? r.members().size() : r.kind().equals("primitive") ? 1
                    : Math.max(Math.max(1, s.nodes().size()), r.active().size());
        }
        return n;
    }

    private static void resource(StringBuilder b, ClusterStatus.ResourceStatus r, String indent,
            List<String> online) {
        switch (r.kind()) {
            case "group" -> {
                b.append(indent).append("Resource Group: ").append(r.id()).append('\n');
                for (ClusterStatus.ResourceStatus m : r.members()) {
                    resource(b, m, indent + "    ", online);
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
                // as crm_mon: online nodes without an instance are listed as Stopped
                TreeSet<String> stopped = new TreeSet<>(online);
                byRole.values().forEach(stopped::removeAll);
                if (!stopped.isEmpty()) {
                    byRole.put("Stopped", stopped);
                }
                if (byRole.isEmpty()) {
                    b.append(indent).append("    Stopped\n");
                }
                for (String role : List.of("Promoted", "Started", "Unpromoted", "FAILED", "Stopped")) {
                    TreeSet<String> nodes = byRole.remove(role);
                    if (nodes != null) {
                        b.append(indent).append("    ").append(role).append(": [ ").append(String.join(" ", nodes))
                                .append(" ]\n");
                    }
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
        return new GsonBuilder().setPrettyPrinting().create().toJson(jsonTree(s));
    }

    /** The JSON form as a tree, for commands that show a part of it. */
    public static JsonObject jsonTree(ClusterStatus s) {
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
        return o;
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
