package io.vigil.scheduler.tool;

import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies crm_simulate-style --node-fail and --op-inject changes to a snapshot before scheduling. */
final class Inject {
    private Inject() {
    }

    static CibSnapshot apply(CibSnapshot cib, List<String> nodeFail, List<String> inject) {
        List<NodeState> nodes = new ArrayList<>(cib.status().nodes());
        for (String n : nodeFail) {
            int i = indexOf(nodes, n);
            if (i < 0) {
                throw new IllegalArgumentException("--node-fail: no node named '" + n + "'");
            }
            NodeState s = nodes.get(i);
            Map<String, String> attrs = new LinkedHashMap<>(s.attributes());
            attrs.put("in_ccm", "false");
            attrs.put("crmd", "offline");
            attrs.put("join", "down");
            attrs.put("expected", "member");
            nodes.set(i, new NodeState(s.id(), s.uname(), attrs, s.transientId(), s.transientAttributes(), s.lrmId(),
                    s.lrmResources()));
        }
        int callId = 10_000;
        for (String spec : inject) {
            // RSC_OP_INTERVALMS@NODE=RC
            int at = spec.lastIndexOf('@');
            int eq = spec.lastIndexOf('=');
            if (at < 0 || eq < at) {
                throw new IllegalArgumentException("--op-inject: expected RSC_OP_INTERVALMS@NODE=RC, got '" + spec + "'");
            }
            String key = spec.substring(0, at);
            String node = spec.substring(at + 1, eq);
            int rc;
            try {
                rc = Integer.parseInt(spec.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--op-inject: rc is not a number in '" + spec + "'");
            }
            String[] parts = key.split("_");
            if (parts.length < 3) {
                throw new IllegalArgumentException("--op-inject: expected RSC_OP_INTERVALMS in '" + key + "'");
            }
            String interval = parts[parts.length - 1];
            String op = parts[parts.length - 2];
            String rsc = key.substring(0, key.length() - interval.length() - op.length() - 2);
            int i = indexOf(nodes, node);
            if (i < 0) {
                throw new IllegalArgumentException("--op-inject: no node named '" + node + "' in the status");
            }
            Resource r = cib.configuration().resource(rsc.replaceAll(":\\d+$", "")).orElse(null);
            if (!(r instanceof Primitive p)) {
                throw new IllegalArgumentException("--op-inject: no primitive named '" + rsc + "'");
            }
            NodeState s = nodes.get(i);
            List<LrmResource> lrm = new ArrayList<>(s.lrmResources());
            int j = -1;
            for (int k = 0; k < lrm.size(); k++) {
                if (lrm.get(k).id().equals(rsc)) {
                    j = k;
                }
            }
            Map<String, String> a = new HashMap<>();
            a.put("id", key);
            a.put("operation", op);
            a.put("operation_key", key);
            a.put("interval", interval);
            a.put("call-id", Integer.toString(callId++));
            a.put("rc-code", Integer.toString(rc));
            a.put("op-status", rc == 0 || rc == 7 || rc == 8 ? "0" : "4");
            a.put("transition-key", "0:0:" + ("monitor".equals(op) && "0".equals(interval) ? 7 : 0)
                    + ":00000000-0000-0000-0000-000000000000");
            a.put("last-rc-change", "0");
            LrmRscOp newOp = new LrmRscOp(a);
            if (j < 0) {
                lrm.add(new LrmResource(rsc, p.standard(), p.provider(), p.type(), Map.of(), List.of(newOp)));
            } else {
                LrmResource old = lrm.get(j);
                List<LrmRscOp> ops = new ArrayList<>(old.ops());
                ops.add(newOp);
                lrm.set(j, new LrmResource(old.id(), old.standard(), old.provider(), old.type(), old.otherAttributes(), ops));
            }
            nodes.set(i, new NodeState(s.id(), s.uname(), s.attributes(), s.transientId(), s.transientAttributes(),
                    s.lrmId() == null ? "lrm-" + s.id() : s.lrmId(), lrm));
        }
        return cib.withStatus(cib.status().withNodes(nodes));
    }

    private static int indexOf(List<NodeState> nodes, String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (name.equals(nodes.get(i).uname()) || name.equals(nodes.get(i).id())) {
                return i;
            }
        }
        return -1;
    }
}
