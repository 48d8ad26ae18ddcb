package io.vigil.scheduler.engine;

import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Truth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Stage 1: cluster options, nodes and resources from the configuration. */
final class Unpacker {
    private final Engine ctx;

    Unpacker(Engine ctx) {
        this.ctx = ctx;
    }

    void unpack() {
        Configuration c = ctx.cib.configuration();
        var p = ctx.props;
        ctx.symmetric = p.symmetricCluster();
        ctx.stonithEnabled = p.stonithEnabled();
        ctx.haveQuorum = ctx.cib.haveQuorum();
        ctx.noQuorumPolicy = p.noQuorumPolicy().toLowerCase(Locale.ROOT);
        if ("suicide".equals(ctx.noQuorumPolicy)) {
            // Pacemaker honours suicide only with fencing and once the cluster had quorum (or the CIB's
            // no-quorum-panic says so); otherwise a partition that never was quorate just stops its resources
            boolean panic = Truth.isTrue(ctx.cib.attributes().get("no-quorum-panic"));
            ctx.noQuorumPolicy = p.stonithEnabled() && (ctx.haveQuorum || panic) ? "fence" : "stop";
        }
        ctx.maintenanceMode = p.maintenanceMode();
        ctx.stopAll = p.stopAllResources();
        ctx.startFailureIsFatal = p.startFailureIsFatal();
        ctx.placementStrategy = p.placementStrategy().toLowerCase(Locale.ROOT);
        ctx.stonithAction = p.stonithAction();
        if ("poweroff".equals(ctx.stonithAction)) {
            ctx.stonithAction = "off";
        }
        ctx.concurrentFencing = Truth.parse(p.values().get("concurrent-fencing")).orElse(false);
        ctx.startupProbes = p.enableStartupProbes();
        ctx.stopOrphans = p.stopOrphanResources();
        ctx.shutdownLock = Truth.isTrue(p.values().get("shutdown-lock"));
        ctx.rscDefaults.putAll(c.rscDefaults().unconditional());
        ctx.haveStonithResource = !c.fencingDevices().isEmpty();
        unpackNodes(c);
        unpackResources(c);
    }

    private void unpackNodes(Configuration c) {
        for (Node n : c.nodes()) {
            if (n.uname() == null || ctx.nodeByName.containsKey(n.uname())) {
                continue;
            }
            SNode s = new SNode(ctx.nodes.size(), n.id() == null ? n.uname() : n.id(), n.uname());
            s.remote = n.isRemote() || "ping".equals(n.type());
            s.attrs.putAll(n.instanceAttributes().unconditional());
            s.attrs.put("#uname", n.uname());
            s.attrs.put("#id", s.id);
            s.attrs.put("#kind", n.isRemote() ? "remote" : "cluster");
            s.standby = Truth.isTrue(s.attrs.get("standby"));
            s.maintenance = Truth.isTrue(s.attrs.get("maintenance"));
            n.utilization().unconditional().forEach((k, v) -> s.utilization.put(k, parseLong(v)));
            // Unseen nodes are unclean until their status says otherwise (startup-fencing).
            s.unclean = ctx.stonithEnabled && ctx.props.startupFencing();
            ctx.nodes.add(s);
            ctx.nodeByName.put(s.name, s);
            ctx.nodeById.put(s.id, s);
        }
        List<SNode> byName = new ArrayList<>(ctx.nodes);
        byName.sort(java.util.Comparator.comparing((SNode s) -> s.name));
        for (int i = 0; i < byName.size(); i++) {
            byName.get(i).nameRank = i;
        }
        String dc = ctx.cib.dcUuid().orElse(null);
        for (SNode s : ctx.nodes) {
            s.isDc = s.id.equals(dc);
            s.attrs.put("#is_dc", s.isDc ? "true" : "false");
        }
    }

    static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void unpackResources(Configuration c) {
        List<Rsc> tops = new ArrayList<>();
        for (Resource r : c.resources()) {
            Rsc built = build(r, null, Map.of());
            if (built != null) {
                tops.add(built);
            }
        }
        // Stable sort by priority, highest first (as Pacemaker sorts data_set->resources).
        tops.sort(Comparator.comparingInt((Rsc r) -> -r.priority));
        ctx.resources.addAll(tops);
    }

    /** Instance meta per configured child: every instance of a clone has the same (read-only) meta. */
    private final Map<Resource, Map<String, String>> instanceMeta = new java.util.IdentityHashMap<>();

    private Map<String, String> sharedMetaOf(Resource r, Map<String, String> parentMeta) {
        return instanceMeta.computeIfAbsent(r, k -> metaOf(k, parentMeta));
    }

    private Map<String, String> metaOf(Resource r, Map<String, String> parentMeta) {
        Map<String, String> m = new HashMap<>(r.meta());
        parentMeta.forEach(m::putIfAbsent);
        ctx.rscDefaults.forEach(m::putIfAbsent);
        return m;
    }

    private Rsc build(Resource r, Rsc parent, Map<String, String> parentMeta) {
        Map<String, String> meta = metaOf(r, parentMeta);
        if (r instanceof Primitive p) {
            PrimitiveRsc pr = new PrimitiveRsc(ctx, p.id(), parent, meta, p);
            common(pr);
            ctx.byId.put(pr.id, pr);
            return pr;
        }
        if (r instanceof Group g) {
            GroupRsc gr = new GroupRsc(ctx, g.id(), parent, meta);
            common(gr);
            ctx.byId.put(gr.id, gr);
            for (Primitive m : g.members()) {
                Rsc child = build(m, gr, meta);
                gr.members.add(child);
            }
            return gr;
        }
        if (r instanceof Clone cl && cl.child() != null) {
            CloneRsc cr = new CloneRsc(ctx, cl.id(), parent, meta, cl.isPromotable());
            common(cr);
            ctx.byId.put(cr.id, cr);
            cr.configChild = cl.child();
            int max = cr.cloneMax;
            for (int i = 0; i < max; i++) {
                cr.instances.add(buildInstance(cl.child(), cr, meta, i));
            }
            return cr;
        }
        return null;
    }

    /** A clone instance: the child with ids suffixed ":N". */
    Rsc buildInstance(Resource child, CloneRsc clone, Map<String, String> cloneMeta, int i) {
        Map<String, String> meta = sharedMetaOf(child, cloneMeta);
        if (child instanceof Primitive p) {
            PrimitiveRsc pr = new PrimitiveRsc(ctx, p.id() + ":" + i, clone, meta, p);
            common(pr);
            pr.instanceNo = i;
            ctx.byId.put(pr.id, pr);
            return pr;
        }
        Group g = (Group) child;
        GroupRsc gr = new GroupRsc(ctx, g.id() + ":" + i, clone, meta);
        common(gr);
        ctx.byId.put(gr.id, gr);
        for (Primitive m : g.members()) {
            Map<String, String> mm = sharedMetaOf(m, meta);
            PrimitiveRsc pr = new PrimitiveRsc(ctx, m.id() + ":" + i, gr, mm, m);
            common(pr);
            pr.instanceNo = i;
            ctx.byId.put(pr.id, pr);
            gr.members.add(pr);
        }
        return gr;
    }

    private void common(Rsc r) {
        Map<String, String> m = r.meta;
        r.priority = Scores.parse(m.get("priority"), 0);
        String st = m.get("resource-stickiness");
        if (st == null) {
            st = m.get("resource_stickiness");
        }
        if (st != null && !"default".equalsIgnoreCase(st)) {
            r.stickiness = Scores.parse(st, 0);
        }
        String mt = m.get("migration-threshold");
        if (mt != null && !"default".equalsIgnoreCase(mt)) {
            r.migrationThreshold = Scores.parse(mt, Scores.INF);
            if (r.migrationThreshold < 0) {
                r.migrationThreshold = 1;
            }
        }
        String ft = m.get("failure-timeout");
        if (ft != null) {
            r.failureTimeoutMs = io.vigil.cib.model.TimeSpec.toMillis(ft).orElse(0);
        }
        r.managed = !ctx.maintenanceMode;
        String im = m.get("is-managed");
        if (im != null && !Truth.isTrue(im)) {
            r.managed = false;
        } else if (im != null && Truth.isTrue(im) && ctx.maintenanceMode) {
            r.managed = false;
        }
        if (Truth.isTrue(m.get("maintenance"))) {
            r.managed = false;
        }
        r.critical = m.get("critical") == null || Truth.isTrue(m.get("critical"));
        r.notify = Truth.isTrue(m.get("notify"));
        if (m.get("multiple-active") != null) {
            r.multipleActive = m.get("multiple-active");
        }
    }
}
