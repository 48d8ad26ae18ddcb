package io.vigil.shell.pcs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.Clone;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Group;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.shell.build.MetaAttributes;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.syntax.CommandSyntaxException;
import io.vigil.shell.syntax.NameValue;
import io.vigil.shell.syntax.Suggestions;
import io.vigil.shell.syntax.Tokens;

/**
 * What the pcs area parsers share: the line's cursor, the CIB it is read against, {@code --force} and
 * {@code --output-as} (read up front wherever they stand), the warnings so far, and the helpers that check ids,
 * nodes, agents and option names with errors pointing at the word.
 */
abstract class PcsArea {

    final PcsContext ctx;

    final Tokens t;

    final Configuration conf;

    final boolean force;

    final OutputFormat format;

    final List<String> warnings;

    PcsArea(List<String> line, PcsContext ctx, int start) {
        this.ctx = ctx;
        this.conf = ctx.cib().configuration();
        this.force = line.contains("--force");
        this.warnings = new ArrayList<>();
        // --output-as may stand anywhere, as in pcs; it is read first and the cursor steps over it
        Set<Integer> taken = new java.util.HashSet<>();
        OutputFormat f = OutputFormat.TEXT;
        for (int i = 1; i < line.size(); i++) {
            String w = line.get(i);
            String value = null;
            int at = i;
            if (w.equals("--output-as")) {
                taken.add(i);
                if (i + 1 >= line.size()) {
                    throw new CommandSyntaxException("missing format after --output-as (text, json)", line, i + 1);
                }
                value = line.get(++i);
                at = i;
                taken.add(i);
            } else if (w.startsWith("--output-as=")) {
                taken.add(i);
                value = w.substring("--output-as=".length());
            }
            if (value != null) {
                f = switch (value) {
                    case "text", "plain" -> OutputFormat.TEXT;
                    case "json" -> OutputFormat.JSON;
                    default -> throw new CommandSyntaxException("unsupported output format '" + value + "'"
                            + Suggestions.hint(value, List.of("text", "json")), line, at);
                };
            }
        }
        this.format = f;
        this.t = new Tokens(line, start, taken);
    }

    /** An area parser continuing where {@code from} stands, on the same line and cursor. */
    PcsArea(PcsArea from) {
        this.ctx = from.ctx;
        this.t = from.t;
        this.conf = from.conf;
        this.force = from.force;
        this.format = from.format;
        this.warnings = from.warnings;
    }

    // ---------------------------------------------------------------- helpers

    PcsRequest change(List<CibChange> changes, String done) {
        return new PcsRequest.Change(changes, done, warnings);
    }

    /** The {@code --output-as} format of the line (read up front, wherever it stands). */
    OutputFormat output() {
        return format;
    }

    /** Only these flags (and --output-as) may follow; anything else is an error. */
    void flagsOnly(String... allowed) {
        List<String> ok = new ArrayList<>(List.of(allowed));
        ok.add("--force");
        while (t.has()) {
            String w = t.peek();
            String flag = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (!ok.contains(flag)) {
                throw w.startsWith("--") ? t.error("unknown option '" + w + "'" + Suggestions.hint(w, ok))
                        : t.error("unexpected '" + w + "'");
            }
            t.next("option");
        }
    }

    void noFlags() {
        flagsOnly();
    }

    /** NAME=VALUE words up to the next flag; {@code emptyOk}: NAME= (empty value) allowed. */
    List<NameValue> nameValues(String what, boolean emptyOk) {
        List<NameValue> out = new ArrayList<>();
        while (t.has() && !t.peek().startsWith("--")) {
            NameValue nv = t.nameValue(what);
            if (!emptyOk && nv.value().isEmpty()) {
                throw t.errorAt(nv.index(), "missing value of '" + nv.name() + "'");
            }
            out.add(nv);
        }
        return out;
    }

    Resource existingResource() {
        int at = t.position();
        String id = t.next("resource id");
        if (id.startsWith("--")) {
            throw t.errorAt(at, "missing resource id before '" + id + "'");
        }
        return conf.resource(id).orElseThrow(() -> t.errorAt(at, "resource '" + id + "' does not exist"
                + Suggestions.hint(id, conf.allResources().keySet())));
    }

    /** A resource a constraint may name: a clone's child is constrained through its clone, as pcs insists. */
    String constrainable() {
        int at = t.position();
        Resource r = existingResource();
        Optional<Clone> parent = parentClone(r.id());
        if (parent.isPresent() && !force) {
            throw t.errorAt(at, "'" + r.id() + "' is cloned: constrain the clone '" + parent.get().id()
                    + "' instead (or use --force)");
        }
        return r.id();
    }

    String existingNode() {
        int at = t.position();
        String node = t.next("node");
        requireNode(node, at);
        return node;
    }

    Set<String> nodeNames() {
        Set<String> names = new TreeSet<>();
        conf.nodes().forEach(n -> names.add(n.uname()));
        ctx.cib().status().nodes().forEach(n -> names.add(n.uname()));
        return names;
    }

    void requireNode(String node, int at) {
        Set<String> names = nodeNames();
        if (!names.contains(node) && !force) {
            throw t.errorAt(at, "node '" + node + "' is not in the cluster" + Suggestions.hint(node, names));
        }
    }

    void requireDevice(String id, int at) {
        List<String> devices = conf.fencingDevices().stream().map(Primitive::id).toList();
        if (!devices.contains(id) && !force) {
            throw t.errorAt(at, "stonith device '" + id + "' does not exist" + Suggestions.hint(id, devices));
        }
    }

    void newId(String id, int at) {
        if (!id.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw t.errorAt(at, "invalid id '" + id + "': an id starts with a letter or '_' and holds only letters, "
                    + "digits, '_', '.' and '-'");
        }
        if (conf.resource(id).isPresent() || conf.constraints().stream().anyMatch(c -> c.id().equals(id))) {
            throw t.errorAt(at, "'" + id + "' already exists");
        }
    }

    void newConstraintId(String id, int at) {
        if (!id.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw t.errorAt(at, "invalid id '" + id + "': an id starts with a letter or '_' and holds only letters, "
                    + "digits, '_', '.' and '-'");
        }
        if (conf.resource(id).isPresent() || conf.constraints().stream().anyMatch(c -> c.id().equals(id))) {
            throw t.errorAt(at, "'" + id + "' already exists");
        }
    }

    /** {@code base}, or base-1, base-2 ... when taken (as pcs numbers them). */
    String freeId(String base) {
        String clean = base.replaceAll("[^A-Za-z0-9_.-]", "_");
        Set<String> taken = new LinkedHashSet<>(conf.allResources().keySet());
        conf.constraints().forEach(c -> taken.add(c.id()));
        String id = clean;
        for (int i = 1; taken.contains(id); i++) {
            id = clean + "-" + i;
        }
        return id;
    }

    String freeLevelId(String base) {
        Set<String> taken = new LinkedHashSet<>();
        conf.fencingTopology().forEach(l -> taken.add(l.id()));
        String id = base;
        for (int i = 1; taken.contains(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    AgentId agent(String text, int at, boolean stonith) {
        List<String> installed = ctx.agents().stream().map(AgentId::toString).toList();
        if (text.contains(":")) {
            AgentId id;
            try {
                id = AgentId.parse(text);
            } catch (IllegalArgumentException e) {
                throw t.errorAt(at, e.getMessage());
            }
            if (!ctx.agents().contains(id) && !force && (id.standard().equals("ocf") || id.standard().equals(
                    "stonith"))) {
                throw t.errorAt(at, "agent '" + text + "' is not installed" + Suggestions.hint(text, installed)
                        + " (see 'pcs resource agents'; --force to use it anyway)");
            }
            return id;
        }
        List<AgentId> matches = ctx.agents().stream().filter(a -> a.type().equals(text)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            List<String> types = ctx.agents().stream().map(AgentId::type).distinct().toList();
            throw t.errorAt(at, "agent '" + text + "' is not installed" + Suggestions.hint(text, types)
                    + " (see 'pcs resource agents'; or give STANDARD:PROVIDER:TYPE)");
        }
        throw t.errorAt(at, "agent '" + text + "' is ambiguous: " + String.join(", ", matches.stream()
                .map(AgentId::toString).toList()) + "; give the full name");
    }

    static AgentId agentOf(Primitive p) {
        return new AgentId(p.standard(), p.provider(), p.type());
    }

    Optional<Clone> parentClone(String id) {
        for (Resource r : conf.resources()) {
            if (r instanceof Clone c && !c.id().equals(id) && c.flatten().stream().anyMatch(x -> x.id().equals(id))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    Optional<Group> parentGroup(String id) {
        for (Resource r : conf.allResources().values()) {
            if (r instanceof Group g && g.members().stream().anyMatch(m -> m.id().equals(id))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    static String kind(Resource r) {
        if (r instanceof Clone c) {
            return c.isPromotable() ? "promotable clone" : "clone";
        }
        return r instanceof Group ? "group" : "primitive";
    }

    long seconds(String text, int at) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw t.errorAt(at, "--wait takes seconds, not '" + text + "'");
        }
    }

    void checkName(NameValue nv, List<String> known, String what) {
        if (force || known.contains(nv.name())) {
            return;
        }
        throw t.errorAt(nv.index(), "unknown " + what + " '" + nv.name() + "'" + Suggestions.hint(nv.name(), known)
                + " (use --force to set it anyway)");
    }

    void checkParam(AgentId agent, Optional<AgentMetadata> md, NameValue nv) {
        if (md.isEmpty() || force) {
            return;
        }
        if ("stonith".equals(agent.standard()) && nv.name().startsWith("pcmk_")) {
            // the fencer's own device options (pcmk_host_list, pcmk_delay_max, ...) are valid on every device
            return;
        }
        List<String> names = md.get().parameters().stream().map(ParameterSpec::name).toList();
        if (!names.contains(nv.name())) {
            throw t.errorAt(nv.index(), "unknown option '" + nv.name() + "' of " + agent
                    + Suggestions.hint(nv.name(), names) + " (use --force to set it anyway)");
        }
    }

    String action() {
        if (!t.has()) {
            throw t.error("missing operation action after 'op' (e.g. monitor)");
        }
        String w = t.peek();
        if (!MetaAttributes.ACTIONS.contains(w)) {
            throw t.error("unknown operation action '" + w + "'" + Suggestions.hint(w, MetaAttributes.ACTIONS));
        }
        return t.next("action");
    }
}
