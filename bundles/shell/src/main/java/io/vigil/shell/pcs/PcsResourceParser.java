package io.vigil.shell.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChange.AttributeTarget;
import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.NodeState;
import io.vigil.cib.model.Operation;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.shell.build.AttributeEdits;
import io.vigil.shell.build.CliConstraints;
import io.vigil.shell.build.Cleanups;
import io.vigil.shell.build.Clones;
import io.vigil.shell.build.MetaAttributes;
import io.vigil.shell.build.PrimitiveBuilder;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.pcs.PcsRequest.What;
import io.vigil.shell.syntax.NameValue;
import io.vigil.shell.syntax.Suggestions;

/** {@code pcs resource ...}: create, group, clone, defaults, update, move/ban/clear, cleanup ... */
final class PcsResourceParser extends PcsArea {

    static final List<String> RESOURCE_COMMANDS = List.of("create", "delete", "remove", "enable", "disable", "move",
            "ban", "clear", "cleanup", "refresh", "restart", "describe", "agents", "status", "config", "show",
            "group", "ungroup", "clone", "promotable", "unclone", "defaults", "op", "update", "meta");

    PcsResourceParser(PcsArea from) {
        super(from);
    }

    /** For {@code pcs stonith enable|disable|update}: the same words read as {@code pcs resource ...}. */
    PcsResourceParser(List<String> line, PcsContext ctx) {
        super(line, ctx, 2);
    }

    // ---------------------------------------------------------------- resource

    PcsRequest resource() {
        if (!t.has() || t.peek().startsWith("--")) {
            OutputFormat f = output();
            flagsOnly("--full", "--hide-inactive");
            return new PcsRequest.Show(What.RESOURCE_STATUS, null, f);
        }
        String verb = t.choice("resource command", RESOURCE_COMMANDS);
        return switch (verb) {
            case "create" -> create(false);
            case "delete", "remove" -> {
                Resource r = existingResource();
                noFlags();
                yield change(List.of(new CibChange.DeleteResource(r.id())), "Deleting Resource - " + r.id());
            }
            case "enable", "disable" -> {
                List<CibChange> changes = new ArrayList<>();
                do {
                    Resource r = existingResource();
                    changes.add(verb.equals("enable")
                            ? new CibChange.UnsetAttribute(AttributeTarget.RESOURCE_META, r.id(), "target-role")
                            : new CibChange.SetAttribute(AttributeTarget.RESOURCE_META, r.id(), "target-role",
                                    "Stopped"));
                } while (t.has() && !t.peek().startsWith("--"));
                flagsOnly("--wait");
                yield change(changes, "");
            }
            case "move", "ban" -> moveOrBan(verb);
            case "clear" -> {
                Resource r = existingResource();
                String node = t.has() && !t.peek().startsWith("--") ? existingNode() : null;
                flagsOnly("--promoted", "--master", "--expired", "--wait");
                List<CibChange> changes = CliConstraints.clear(ctx.cib(), r.id(), node);
                yield changes.isEmpty() ? new PcsRequest.Nothing("No constraints created by move or ban for '"
                        + r.id() + "'") : change(changes, "Removing constraint" + (changes.size() > 1 ? "s" : "")
                                + ": " + String.join(", ", changes.stream().map(c -> ((CibChange.DeleteConstraint) c)
                                        .id()).toList()));
            }
            case "cleanup", "refresh" -> cleanup(verb.equals("refresh"));
            case "restart" -> {
                Resource r = existingResource();
                String node = t.has() && !t.peek().startsWith("--") ? existingNode() : null;
                long wait = 60;
                while (t.has()) {
                    int at = t.position();
                    String w = t.next("option");
                    if (w.startsWith("--wait=")) {
                        wait = seconds(w.substring(7), at);
                    } else if (!w.equals("--wait") && !w.equals("--force")) {
                        throw t.errorAt(at, "unknown option '" + w + "'" + Suggestions.hint(w, List.of("--wait")));
                    }
                }
                yield new PcsRequest.Restart(r.id(), node, wait);
            }
            case "describe" -> {
                OutputFormat f = output();
                int at = t.position();
                String name = t.next("agent (e.g. ocf:heartbeat:IPaddr2)");
                AgentId id = agent(name, at, false);
                flagsOnly("--full");
                yield new PcsRequest.Show(What.DESCRIBE, id.toString(), f);
            }
            case "agents" -> {
                OutputFormat f = output();
                String filter = t.has() ? t.next("standard") : null;
                if (filter != null) {
                    Set<String> known = new TreeSet<>();
                    ctx.agents().forEach(a -> {
                        known.add(a.standard());
                        if (a.provider() != null) {
                            known.add(a.standard() + ":" + a.provider());
                        }
                    });
                    if (!known.contains(filter) && !force) {
                        throw t.errorAtPrevious("no installed agents of '" + filter + "'"
                                + Suggestions.hint(filter, known));
                    }
                }
                t.end();
                yield new PcsRequest.Show(What.AGENTS, filter, f);
            }
            case "status" -> {
                OutputFormat f = output();
                String id = t.has() && !t.peek().startsWith("--") ? existingResource().id() : null;
                flagsOnly("--full", "--hide-inactive");
                yield new PcsRequest.Show(What.RESOURCE_STATUS, id, f);
            }
            case "config", "show" -> {
                OutputFormat f = output();
                String id = t.has() && !t.peek().startsWith("--") ? existingResource().id() : null;
                flagsOnly("--full");
                yield new PcsRequest.Show(What.RESOURCE_CONFIG, id, f);
            }
            case "group" -> group();
            case "ungroup" -> ungroup();
            case "clone", "promotable" -> clone(verb.equals("promotable"));
            case "unclone" -> {
                Resource r = existingResource();
                noFlags();
                Clone c = r instanceof Clone x ? x : parentClone(r.id()).orElseThrow(() -> t.errorAtPrevious(
                        "'" + r.id() + "' is not a clone"));
                yield change(List.of(new CibChange.DeleteResource(c.id()), new CibChange.CreateResource(c.child())),
                        "");
            }
            case "defaults" -> defaults(AttributeTarget.RSC_DEFAULTS, MetaAttributes.RESOURCE, "resource");
            case "op" -> {
                t.choice("op command", List.of("defaults"));
                yield defaults(AttributeTarget.OP_DEFAULTS, MetaAttributes.OPERATION, "operation");
            }
            case "update" -> update();
            case "meta" -> {
                Resource r = existingResource();
                List<NameValue> nvs = nameValues("meta option", true);
                noFlags();
                if (nvs.isEmpty()) {
                    throw t.error("missing NAME=VALUE (e.g. resource-stickiness=100)");
                }
                List<CibChange> changes = new ArrayList<>();
                for (NameValue nv : nvs) {
                    checkName(nv, MetaAttributes.RESOURCE, "meta option");
                    changes.add(nv.value().isEmpty()
                            ? new CibChange.UnsetAttribute(AttributeTarget.RESOURCE_META, r.id(), nv.name())
                            : new CibChange.SetAttribute(AttributeTarget.RESOURCE_META, r.id(), nv.name(),
                                    nv.value()));
                }
                yield change(changes, "");
            }
            default -> throw t.errorAtPrevious("unknown resource command '" + verb + "'");
        };
    }

    private PcsRequest moveOrBan(String verb) {
        Resource r = existingResource();
        String node = null;
        String lifetime = null;
        boolean promoted = false;
        while (t.has()) {
            String w = t.peek();
            if (w.equals("--promoted") || w.equals("--master")) {
                t.next("option");
                promoted = true;
            } else if (w.startsWith("lifetime=")) {
                int at = t.position();
                lifetime = t.nameValue("lifetime").value();
                if (CliConstraints.parseDuration(lifetime).isEmpty()) {
                    throw t.errorAt(at, "lifetime '" + lifetime + "' is not an ISO 8601 duration (e.g. PT1H, P1D)");
                }
            } else if (w.equals("--wait") || w.startsWith("--wait=") || w.equals("--force")
                    || w.equals("--autodelete") || w.equals("--strict")) {
                t.next("option");
            } else if (w.startsWith("--")) {
                throw t.error("unknown option '" + w + "'" + Suggestions.hint(w, List.of("--promoted", "--wait")));
            } else if (node == null) {
                node = existingNode();
            } else {
                throw t.error("unexpected '" + w + "' (pcs resource " + verb + " ID [NODE] [--promoted] "
                        + "[lifetime=DURATION])");
            }
        }
        String id = r.id();
        if (node == null) {
            // Without a node, pcs bans the resource from where it runs now (crm_resource --move/--ban do the same).
            List<String> where = activeNodes(id);
            if (where.size() != 1) {
                throw t.error("resource '" + id + "' is " + (where.isEmpty() ? "not running" : "running on "
                        + String.join(", ", where)) + ": name the node to " + (verb.equals("move") ? "move it to"
                                : "ban it from"));
            }
            return change(CliConstraints.ban(ctx.cib(), id, where.get(0), promoted, lifetime, ctx.now()),
                    "Warning: Creating location constraint 'cli-ban-" + id + "-on-" + where.get(0) + "' with a "
                            + "score of -INFINITY for resource " + id + " on " + where.get(0) + ".");
        }
        if (verb.equals("move")) {
            return change(CliConstraints.move(ctx.cib(), id, node, promoted, lifetime, ctx.now()),
                    "Location constraint to move resource '" + id + "' has been created");
        }
        return change(CliConstraints.ban(ctx.cib(), id, node, promoted, lifetime, ctx.now()),
                "Warning: Creating location constraint 'cli-ban-" + id + "-on-" + node + "' with a score of "
                        + "-INFINITY for resource " + id + " on " + node + ".");
    }

    private List<String> activeNodes(String id) {
        Set<String> prims = new LinkedHashSet<>();
        conf.resource(id).ifPresent(r -> r.flatten().forEach(x -> prims.add(x.id())));
        Set<String> nodes = new TreeSet<>();
        for (NodeState n : ctx.cib().status().nodes()) {
            if (!n.inCcm()) {
                continue;
            }
            n.lrmResources().stream().filter(l -> prims.contains(l.id().replaceFirst(":.*$", "")))
                    .filter(l -> l.ops().stream().filter(o -> o.id() == null || !o.id().endsWith("_last_failure_0"))
                            .max(java.util.Comparator.comparingInt(o -> o.callId())).map(o -> !"stop".equals(
                                    o.operation()) && (o.rcCode() == 0 || o.rcCode() == 8)).orElse(false))
                    .forEach(l -> nodes.add(n.uname()));
        }
        return new ArrayList<>(nodes);
    }

    private PcsRequest cleanup(boolean refresh) {
        String rsc = null;
        String node = null;
        while (t.has()) {
            String w = t.peek();
            if (w.startsWith("node=")) {
                int at = t.position();
                node = t.nameValue("node").value();
                requireNode(node, at);
            } else if (w.equals("--node")) {
                t.next("option");
                node = existingNode();
            } else if (w.startsWith("operation=") || w.startsWith("interval=")) {
                t.nameValue("option"); // the whole history of the resource is forgotten on that node anyway
            } else if (w.equals("--strict") || w.equals("--full") || w.equals("--force")) {
                t.next("option");
            } else if (w.startsWith("--")) {
                throw t.error("unknown option '" + w + "'" + Suggestions.hint(w, List.of("--node", "--strict")));
            } else if (rsc == null) {
                rsc = existingResource().id();
            } else {
                throw t.error("unexpected '" + w + "' (pcs resource " + (refresh ? "refresh" : "cleanup")
                        + " [ID] [node=NODE])");
            }
        }
        List<CibChange> changes = Cleanups.changes(ctx.cib(), rsc, node, refresh);
        String what = (rsc == null ? "all resources" : rsc) + (node == null ? " on all nodes" : " on " + node);
        if (changes.isEmpty()) {
            return new PcsRequest.Nothing((refresh ? "Refreshed " : "Cleaned up ") + what + " (nothing recorded)");
        }
        return change(changes, (refresh ? "Refreshed " : "Cleaned up ") + what);
    }

    PcsRequest create(boolean stonith) {
        int idAt = t.position();
        String id = t.next(stonith ? "stonith id" : "resource id");
        newId(id, idAt);
        int agentAt = t.position();
        String agentWord = t.next("agent (e.g. ocf:heartbeat:IPaddr2)");
        if (agentWord.startsWith("--") || agentWord.contains("=")) {
            throw t.errorAt(agentAt, "missing agent before '" + agentWord + "' (e.g. ocf:heartbeat:IPaddr2)");
        }
        if (stonith && !agentWord.startsWith("stonith:")) {
            agentWord = "stonith:" + agentWord;
        }
        AgentId agent = agent(agentWord, agentAt, stonith);
        Optional<AgentMetadata> md = ctx.metadata().apply(agent);
        PrimitiveBuilder b = new PrimitiveBuilder(id, agent);
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, String> cloneMeta = new LinkedHashMap<>();
        Set<String> params = new LinkedHashSet<>();
        String section = "params";
        String cloneKind = null;
        String group = null;
        String before = null;
        String after = null;
        boolean disabled = false;
        boolean noDefaultOps = false;
        String opAction = null;
        Map<String, String> op = null;
        int groupAt = -1;
        while (t.has()) {
            String w = t.peek();
            int at = t.position();
            switch (w) {
                case "--group" -> {
                    t.next("option");
                    groupAt = t.position();
                    group = t.next("group id after --group");
                }
                case "--before", "--after" -> {
                    t.next("option");
                    String ref = t.next("resource id after " + w);
                    if (w.equals("--before")) {
                        before = ref;
                    } else {
                        after = ref;
                    }
                }
                case "--disabled" -> {
                    t.next("option");
                    disabled = true;
                }
                case "--no-default-ops", "--force", "--wait" -> {
                    t.next("option");
                    noDefaultOps |= w.equals("--no-default-ops");
                }
                case "op" -> {
                    t.next("op");
                    if (op != null) {
                        b.op(opAction, op);
                    }
                    opAction = action();
                    op = new LinkedHashMap<>();
                    section = "op";
                }
                case "meta" -> {
                    t.next("meta");
                    section = cloneKind != null ? "clone" : "meta";
                }
                case "clone", "promotable" -> {
                    t.next(w);
                    if (stonith) {
                        throw t.errorAt(at, "stonith devices cannot be cloned");
                    }
                    if (cloneKind != null) {
                        throw t.errorAt(at, "'" + w + "' given twice");
                    }
                    cloneKind = w;
                    section = "clone";
                    bareCloneWord(id);
                }
                default -> {
                    if (w.startsWith("--")) {
                        throw t.error("unknown option '" + w + "'" + Suggestions.hint(w, List.of("--group",
                                "--before", "--after", "--disabled", "--no-default-ops", "--force", "--wait")));
                    }
                    NameValue nv = NameValue.parse(w, at);
                    if (nv == null) {
                        throw t.error(section.equals("op") && op.isEmpty()
                                ? "expected operation options (NAME=VALUE) after 'op " + opAction + "', got '" + w
                                        + "'"
                                : "expected NAME=VALUE, 'op', 'meta', 'clone' or 'promotable', got '" + w + "'"
                                        + Suggestions.hint(w, List.of("op", "meta", "clone", "promotable")));
                    }
                    t.next("option");
                    switch (section) {
                        case "op" -> {
                            checkName(nv, MetaAttributes.OPERATION, "operation option");
                            op.put(nv.name(), nv.value());
                        }
                        case "meta" -> {
                            checkName(nv, MetaAttributes.RESOURCE, "meta option");
                            meta.put(nv.name(), nv.value());
                        }
                        case "clone" -> {
                            checkName(nv, MetaAttributes.CLONE, cloneKind + " option");
                            cloneMeta.put(nv.name(), nv.value());
                        }
                        default -> {
                            checkParam(agent, md, nv);
                            params.add(nv.name());
                            b.param(nv.name(), nv.value());
                        }
                    }
                }
            }
        }
        if (op != null) {
            b.op(opAction, op);
        }
        if (md.isPresent() && !force) {
            for (ParameterSpec p : md.get().parameters()) {
                if (p.required() && !params.contains(p.name())) {
                    throw t.errorAt(agentAt, "required option '" + p.name() + "' of " + agent + " is missing "
                            + "(add " + p.name() + "=VALUE, or use --force)");
                }
            }
        }
        if (!b.hasOp("monitor") && !noDefaultOps) {
            // pcs adds the agent's advised monitor; without metadata, 10 s as Pacemaker's examples do
            String interval = md.flatMap(m -> m.action(io.vigil.api.agent.AgentAction.MONITOR))
                    .map(s -> s.interval().toSeconds() + "s").filter(s -> !s.equals("0s")).orElse(stonith ? "60s"
                            : "10s");
            b.op("monitor", Map.of("interval", interval));
        }
        meta.forEach(b::meta);
        if (disabled) {
            b.meta("target-role", "Stopped");
        }
        Primitive p = b.build();
        if (group != null && cloneKind != null) {
            throw t.errorAt(groupAt, "--group cannot be used with '" + cloneKind + "'");
        }
        if ((before != null || after != null) && group == null) {
            throw t.error("--before and --after need --group");
        }
        if (cloneKind != null) {
            return change(List.of(new CibChange.CreateResource(Clones.of(p, null, cloneMeta,
                    cloneKind.equals("promotable")))), "");
        }
        if (group == null) {
            return change(List.of(new CibChange.CreateResource(p)), "");
        }
        return change(addToGroup(group, groupAt, List.of(p), before, after, List.of()), "");
    }

    /**
     * pcs 0.9 ignored words in clone options that are not NAME=VALUE (seed 002 types
     * {@code pcs resource clone ping connection}); the clone id stays CHILD-clone so that later commands naming
     * it work. Said as a warning rather than dropped silently.
     */
    private void bareCloneWord(String child) {
        while (t.has() && !t.peek().startsWith("--") && !t.peekNameValue() && !t.peek().equals("meta")) {
            String w = t.next("clone option");
            warnings.add("Warning: ignoring '" + w + "': clone options are NAME=VALUE; the clone is '" + child
                    + "-clone'");
        }
    }

    private PcsRequest group() {
        String verb = t.choice("group command", List.of("add", "remove", "delete", "list"));
        if (verb.equals("list")) {
            OutputFormat f = output();
            t.end();
            return new PcsRequest.Show(What.RESOURCE_CONFIG, null, f);
        }
        if (!verb.equals("add")) {
            return ungroup();
        }
        int groupAt = t.position();
        String group = t.next("group id");
        List<Primitive> members = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        String before = null;
        String after = null;
        while (t.has()) {
            String w = t.peek();
            if (w.equals("--before") || w.equals("--after")) {
                t.next("option");
                String ref = t.next("resource id after " + w);
                if (w.equals("--before")) {
                    before = ref;
                } else {
                    after = ref;
                }
            } else if (w.equals("--wait") || w.equals("--force")) {
                t.next("option");
            } else if (w.startsWith("--")) {
                throw t.error("unknown option '" + w + "'" + Suggestions.hint(w, List.of("--before", "--after")));
            } else {
                int at = t.position();
                Resource r = existingResource();
                if (!(r instanceof Primitive p)) {
                    throw t.errorAt(at, "'" + r.id() + "' is a " + kind(r) + ": only primitives can be grouped");
                }
                if (parentClone(p.id()).isPresent()) {
                    throw t.errorAt(at, "'" + p.id() + "' is cloned ('" + parentClone(p.id()).get().id()
                            + "'): a clone's child cannot join a group");
                }
                if (moved.contains(p.id())) {
                    throw t.errorAt(at, "'" + p.id() + "' is named twice");
                }
                members.add(p);
                moved.add(p.id());
            }
        }
        if (members.isEmpty()) {
            throw t.error("missing resource id (pcs resource group add GROUP RESOURCE...)");
        }
        return change(addToGroup(group, groupAt, members, before, after, moved), "");
    }

    /** Puts primitives into a group (created when missing), taking them out of where they are now. */
    private List<CibChange> addToGroup(String group, int groupAt, List<Primitive> members, String before,
            String after, List<String> moved) {
        Resource existing = conf.resource(group).orElse(null);
        if (existing != null && !(existing instanceof Group)) {
            throw t.errorAt(groupAt, "'" + group + "' is a " + kind(existing) + ", not a group");
        }
        if (existing == null) {
            newId(group, groupAt);
        }
        List<CibChange> changes = new ArrayList<>();
        Map<String, List<Primitive>> groupsLeft = new LinkedHashMap<>();
        for (String id : moved) {
            Optional<Group> from = parentGroup(id);
            if (from.isPresent() && from.get().id().equals(group)) {
                continue;
            }
            if (from.isPresent()) {
                List<Primitive> left = groupsLeft.computeIfAbsent(from.get().id(),
                        k -> new ArrayList<>(from.get().members()));
                left.removeIf(m -> m.id().equals(id));
            } else {
                changes.add(new CibChange.DeleteResource(id));
            }
        }
        groupsLeft.forEach((gid, left) -> {
            Group g = (Group) conf.resource(gid).get();
            changes.add(left.isEmpty() ? new CibChange.DeleteResource(gid) : new CibChange.ReplaceResource(
                    new Group(g.id(), g.description(), g.otherAttributes(), g.instanceAttributes(),
                            g.metaAttributes(), g.utilization(), left)));
        });
        List<Primitive> list = existing == null ? new ArrayList<>() : new ArrayList<>(((Group) existing).members());
        list.removeIf(m -> moved.contains(m.id()));
        int at = list.size();
        String ref = before != null ? before : after;
        if (ref != null) {
            at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(ref)) {
                    at = before != null ? i : i + 1;
                }
            }
            if (at < 0) {
                throw t.error("'" + ref + "' is not a member of group '" + group + "'");
            }
        }
        list.addAll(at, members);
        if (existing == null) {
            changes.add(new CibChange.CreateResource(new Group(group, null, Map.of(), null, null, null, list)));
        } else {
            Group g = (Group) existing;
            changes.add(new CibChange.ReplaceResource(new Group(g.id(), g.description(), g.otherAttributes(),
                    g.instanceAttributes(), g.metaAttributes(), g.utilization(), list)));
        }
        return changes;
    }

    private PcsRequest ungroup() {
        int at = t.position();
        Resource r = existingResource();
        if (!(r instanceof Group g)) {
            throw t.errorAt(at, "'" + r.id() + "' is a " + kind(r) + ", not a group");
        }
        List<String> take = new ArrayList<>();
        while (t.has() && !t.peek().startsWith("--")) {
            int mat = t.position();
            String m = t.next("resource id");
            if (g.members().stream().noneMatch(x -> x.id().equals(m))) {
                throw t.errorAt(mat, "'" + m + "' is not a member of group '" + g.id() + "'" + Suggestions.hint(m,
                        g.members().stream().map(Primitive::id).toList()));
            }
            take.add(m);
        }
        flagsOnly("--wait");
        if (take.isEmpty()) {
            take = g.members().stream().map(Primitive::id).toList();
        }
        List<CibChange> changes = new ArrayList<>();
        List<Primitive> left = new ArrayList<>(g.members());
        List<String> taken = take;
        left.removeIf(m -> taken.contains(m.id()));
        if (parentClone(g.id()).isPresent() && left.isEmpty()) {
            throw t.errorAt(at, "group '" + g.id() + "' is cloned: it cannot be emptied (unclone it first)");
        }
        changes.add(left.isEmpty() ? new CibChange.DeleteResource(g.id()) : new CibChange.ReplaceResource(new Group(
                g.id(), g.description(), g.otherAttributes(), g.instanceAttributes(), g.metaAttributes(),
                g.utilization(), left)));
        for (Primitive m : g.members()) {
            if (taken.contains(m.id())) {
                changes.add(new CibChange.CreateResource(m));
            }
        }
        return change(changes, "");
    }

    private PcsRequest clone(boolean promotable) {
        int at = t.position();
        Resource r = existingResource();
        if (r instanceof Clone) {
            throw t.errorAt(at, "'" + r.id() + "' is already a clone");
        }
        if (parentGroup(r.id()).isPresent()) {
            throw t.errorAt(at, "'" + r.id() + "' is a member of group '" + parentGroup(r.id()).get().id()
                    + "': clone the group instead");
        }
        if (r instanceof Primitive p && p.isFencingDevice()) {
            throw t.errorAt(at, "stonith devices cannot be cloned");
        }
        bareCloneWord(r.id());
        Map<String, String> meta = new LinkedHashMap<>();
        t.accept("meta");
        for (NameValue nv : nameValues("clone option", false)) {
            checkName(nv, MetaAttributes.CLONE, (promotable ? "promotable" : "clone") + " option");
            meta.put(nv.name(), nv.value());
        }
        flagsOnly("--wait", "--force");
        Clone c = Clones.of(r, null, meta, promotable);
        if (conf.resource(c.id()).isPresent()) {
            throw t.errorAt(at, "'" + c.id() + "' already exists");
        }
        return change(List.of(new CibChange.DeleteResource(r.id()), new CibChange.CreateResource(c)), "");
    }

    private PcsRequest defaults(AttributeTarget target, List<String> known, String what) {
        if (t.accept("update")) {
            if (!t.has()) {
                throw t.error("missing NAME=VALUE");
            }
        } else if (t.accept("config")) {
            OutputFormat f = output();
            flagsOnly("--all", "--full", "--no-expire-check");
            return new PcsRequest.Show(target == AttributeTarget.RSC_DEFAULTS ? What.RESOURCE_DEFAULTS
                    : What.OP_DEFAULTS, null, f);
        }
        if (!t.has() || t.peek().startsWith("--")) {
            OutputFormat f = output();
            flagsOnly("--all", "--full");
            return new PcsRequest.Show(target == AttributeTarget.RSC_DEFAULTS ? What.RESOURCE_DEFAULTS
                    : What.OP_DEFAULTS, null, f);
        }
        List<CibChange> changes = new ArrayList<>();
        for (NameValue nv : nameValues(what + " default", true)) {
            if (!force && !known.contains(nv.name())) {
                throw t.errorAt(nv.index(), "unknown option '" + nv.name() + "'" + Suggestions.hint(nv.name(), known)
                        + " (use --force to set it anyway)");
            }
            changes.add(nv.value().isEmpty() ? new CibChange.UnsetAttribute(target, "", nv.name())
                    : new CibChange.SetAttribute(target, "", nv.name(), nv.value()));
        }
        noFlags();
        return change(changes, "");
    }

    private PcsRequest update() {
        int at = t.position();
        Resource r = existingResource();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Map<String, String>> ops = new LinkedHashMap<>();
        String section = "params";
        String opAction = null;
        Optional<AgentMetadata> md = r instanceof Primitive p ? ctx.metadata().apply(agentOf(p)) : Optional.empty();
        while (t.has()) {
            String w = t.peek();
            if (w.equals("op")) {
                t.next("op");
                opAction = action();
                ops.put(opAction, new LinkedHashMap<>());
                section = "op";
            } else if (w.equals("meta")) {
                t.next("meta");
                section = "meta";
            } else if (w.equals("--force") || w.equals("--wait")) {
                t.next("option");
            } else if (w.startsWith("--")) {
                throw t.error("unknown option '" + w + "'" + Suggestions.hint(w, List.of("--force", "--wait")));
            } else {
                NameValue nv = t.nameValue("option");
                switch (section) {
                    case "op" -> {
                        checkName(nv, MetaAttributes.OPERATION, "operation option");
                        ops.get(opAction).put(nv.name(), nv.value());
                    }
                    case "meta" -> {
                        checkName(nv, MetaAttributes.RESOURCE, "meta option");
                        meta.put(nv.name(), nv.value());
                    }
                    default -> {
                        if (r instanceof Primitive p) {
                            checkParam(agentOf(p), md, nv);
                        }
                        params.put(nv.name(), nv.value());
                    }
                }
            }
        }
        if (params.isEmpty() && meta.isEmpty() && ops.isEmpty()) {
            throw t.error("missing options to update (NAME=VALUE, op ACTION NAME=VALUE..., meta NAME=VALUE...)");
        }
        if (!(r instanceof Primitive p)) {
            if (!params.isEmpty() || !ops.isEmpty()) {
                throw t.errorAt(at, "'" + r.id() + "' is a " + kind(r) + ": only meta options can be updated");
            }
            List<CibChange> changes = new ArrayList<>();
            meta.forEach((k, v) -> changes.add(v.isEmpty()
                    ? new CibChange.UnsetAttribute(AttributeTarget.RESOURCE_META, r.id(), k)
                    : new CibChange.SetAttribute(AttributeTarget.RESOURCE_META, r.id(), k, v)));
            return change(changes, "");
        }
        List<Operation> newOps = new ArrayList<>();
        for (Operation o : p.operations()) {
            if (!ops.containsKey(o.name())) {
                newOps.add(o);
            }
        }
        // as pcs: an op of an action given here replaces the configured op(s) of that action
        ops.forEach((action, attrs) -> newOps.add(PrimitiveBuilder.operation(p.id(), action, attrs)));
        AttributeSets inst = AttributeEdits.apply(p.instanceAttributes(), p.id() + "-instance_attributes", params);
        AttributeSets m = AttributeEdits.apply(p.metaAttributes(), p.id() + "-meta_attributes", meta);
        Primitive updated = new Primitive(p.id(), p.description(), p.standard(), p.provider(), p.type(),
                p.otherAttributes(), inst, m, p.utilization(), p.operationsId(), p.operationsIdRef(), newOps);
        return change(List.of(new CibChange.ReplaceResource(updated)), "");
    }
}
