package io.vigil.scheduler.engine;

import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource definition changes: the digest of a primitive's current parameters against the one recorded with the
 * operation that started it. A changed non-recurring operation forces a restart on that node (Pacemaker would
 * reload instead when the agent supports it; that case is left alone here).
 */
final class Digests {
    private Digests() {
    }

    /** Checks the history of an active resource since its last start (process_rsc_history). */
    static void check(PrimitiveRsc p, SNode node, List<Op> ops) {
        if (p.orphan || !p.runningOn.contains(node) || !comparable(p)) {
            return;
        }
        int start = activeStart(ops);
        if (start < 0) {
            return;
        }
        String calc = null;
        for (int i = start; i < ops.size(); i++) {
            Op op = ops.get(i);
            String task = op.operation();
            if (op.intervalMs() != 0 || !("monitor".equals(task) || "start".equals(task) || "promote".equals(task)
                    || "migrate_from".equals(task))) {
                continue;
            }
            if (op.digest() == null) {
                // Pacemaker restarts when the digest is unknown; Vigil's controller does not record digests yet,
                // so a missing one means "no information" rather than "changed"
                continue;
            }
            if (op.restartDigest() != null) {
                continue; // the agent supports reload: restart or reload depends on its metadata
            }
            Map<String, String> params = params(p);
            if (calc == null) {
                calc = p.ctx.digest(p.config, () -> of(params));
            }
            if (!calc.equals(op.digest()) && !onlySanitizedChanged(p, params, op)) {
                p.definitionChanged = true;
                return;
            }
        }
    }

    /** Instance attributes as Pacemaker unpacks them: "#default" means unset. */
    private static Map<String, String> params(PrimitiveRsc p) {
        Map<String, String> all = p.ctx.instanceAttributes(p.config);
        if (all.values().stream().noneMatch("#default"::equalsIgnoreCase)) {
            return all;
        }
        Map<String, String> m = new TreeMap<>(all);
        m.values().removeIf("#default"::equalsIgnoreCase);
        return m;
    }

    /**
     * Histories written by Pacemaker may come from a sanitized CIB (passwords replaced): when the digest without
     * the secret parameters still matches, only those changed, and Pacemaker's simulation ignores that.
     */
    private static boolean onlySanitizedChanged(PrimitiveRsc p, Map<String, String> params, Op op) {
        if (op.secureDigest() == null) {
            return false;
        }
        Map<String, String> secure = new TreeMap<>(params);
        if (op.secureParams() != null) {
            for (String name : op.secureParams().trim().split("\\s+")) {
                secure.remove(name);
            }
        }
        if (olderThan(op.featureSet(), 3, 16) && "stonith".equals(p.config.standard())) {
            secure.keySet().removeIf(Digests::fenceParam);
        }
        return of(secure).equals(op.secureDigest());
    }

    /** Parameters the fencer itself interprets (not the agent's). */
    private static boolean fenceParam(String name) {
        if (name.equals("provides") || name.equals("stonith-timeout")) {
            return true;
        }
        if (!name.startsWith("pcmk_")) {
            return false;
        }
        if (List.of("pcmk_action_limit", "pcmk_delay_base", "pcmk_delay_max", "pcmk_host_argument",
                "pcmk_host_check", "pcmk_host_list", "pcmk_host_map").contains(name)) {
            return true;
        }
        int u = name.indexOf('_', 5);
        String rest = u < 0 ? "" : name.substring(u);
        return rest.equals("_action") || rest.equals("_timeout") || rest.equals("_retries");
    }

    private static boolean olderThan(String version, int major, int minor) {
        if (version == null) {
            return true;
        }
        String[] parts = version.split("\\.");
        try {
            int a = Integer.parseInt(parts[0]);
            int b = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return a < major || (a == major && b < minor);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Digests only cover parameters we can evaluate without a node: no rules, no per-operation parameters. */
    private static boolean comparable(PrimitiveRsc p) {
        if (p.config.otherAttributes().containsKey("template")) {
            return false; // parameters inherited from a template are not merged into the model
        }
        for (NvSet s : p.config.instanceAttributes().sets()) {
            if (!s.isUnconditional()) {
                return false;
            }
        }
        for (Operation o : p.config.operations()) {
            if (!o.instanceAttributes().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Index of the operation that (last) started the resource, or -1 when it has stopped since. */
    private static int activeStart(List<Op> ops) {
        int stop = -1;
        int start = -1;
        int impliedMonitor = -1;
        int impliedPromote = -1;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String task = op.operation();
            if ("stop".equals(task) && op.opStatus() == 0) {
                stop = i;
            } else if ("start".equals(task) || "migrate_from".equals(task)) {
                start = i;
            } else if (impliedMonitor <= stop && "monitor".equals(task)) {
                if (op.rcCode() == 0 || op.rcCode() == 8) {
                    impliedMonitor = i;
                }
            } else if ("promote".equals(task) || "demote".equals(task)) {
                impliedPromote = i;
            }
        }
        if (start == -1) {
            start = impliedPromote != -1 ? impliedPromote : impliedMonitor;
        }
        return start < stop ? -1 : start;
    }

    /** The MD5 of the parameters as Pacemaker serializes them: one element, attributes sorted by name. */
    static String of(Map<String, String> params) {
        StringBuilder sb = new StringBuilder(" <parameters");
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().startsWith("CRM_meta_")) {
                continue;
            }
            sb.append(' ').append(e.getKey()).append("=\"");
            escape(e.getValue(), sb);
            sb.append('"');
        }
        sb.append("/>\n");
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void escape(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '&' -> sb.append("&amp;");
                case '\t' -> sb.append("    ");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }
}
