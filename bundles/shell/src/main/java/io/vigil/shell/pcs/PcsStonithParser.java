package io.vigil.shell.pcs;

import java.util.ArrayList;
import java.util.List;

import io.vigil.api.agent.AgentId;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Primitive;
import io.vigil.cib.model.Resource;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.pcs.PcsRequest.What;
import io.vigil.shell.syntax.NameValue;

/** {@code pcs stonith ...}: create, delete, level add/remove, fence, history, status. */
final class PcsStonithParser extends PcsArea {

    PcsStonithParser(PcsArea from) {
        super(from);
    }

    // ---------------------------------------------------------------- stonith

    PcsRequest stonith() {
        if (!t.has() || t.peek().startsWith("--")) {
            OutputFormat f = output();
            flagsOnly("--full");
            return new PcsRequest.Show(What.STONITH_STATUS, null, f);
        }
        String verb = t.choice("stonith command", List.of("create", "delete", "remove", "fence", "history",
                "level", "status", "config", "show", "describe", "list", "enable", "disable", "update"));
        return switch (verb) {
            case "create" -> new PcsResourceParser(this).create(true);
            case "delete", "remove" -> {
                int at = t.position();
                Resource r = existingResource();
                if (!(r instanceof Primitive p) || !p.isFencingDevice()) {
                    throw t.errorAt(at, "'" + r.id() + "' is not a stonith device (use pcs resource delete)");
                }
                noFlags();
                yield change(List.of(new CibChange.DeleteResource(r.id())), "Deleting Resource - " + r.id());
            }
            case "enable", "disable", "update" -> {
                yield new PcsResourceParser(rewrite("resource"), ctx).resource();
            }
            case "fence" -> {
                String node = existingNode();
                boolean off = t.accept("--off");
                t.end();
                yield new PcsRequest.Fence(node, off);
            }
            case "history" -> {
                OutputFormat f = output();
                String node = null;
                if (t.accept("show") && t.has()) {
                    node = t.next("node");
                } else if (t.has() && !t.peek().startsWith("--")) {
                    String w = t.peek();
                    if (w.equals("cleanup") || w.equals("update")) {
                        throw t.error("'stonith history " + w + "' is not supported: the fence history is kept "
                                + "by the fencer in memory");
                    }
                    node = t.next("node");
                }
                t.end();
                yield new PcsRequest.Show(What.STONITH_HISTORY, node, f);
            }
            case "level" -> level();
            case "describe", "list" -> {
                if (verb.equals("list")) {
                    OutputFormat f = output();
                    t.end();
                    yield new PcsRequest.Show(What.AGENTS, "stonith", f);
                }
                OutputFormat f = output();
                int at = t.position();
                String name = t.next("stonith agent");
                AgentId id = agent(name.startsWith("stonith:") ? name : "stonith:" + name, at, true);
                t.end();
                yield new PcsRequest.Show(What.DESCRIBE, id.toString(), f);
            }
            case "config", "show" -> {
                OutputFormat f = output();
                t.end();
                yield new PcsRequest.Show(What.RESOURCE_CONFIG, "stonith", f);
            }
            default -> {
                OutputFormat f = output();
                flagsOnly("--full");
                yield new PcsRequest.Show(What.STONITH_STATUS, null, f);
            }
        };
    }

    private List<String> rewrite(String area) {
        List<String> line = new ArrayList<>(t.all());
        line.set(1, area);
        return line;
    }

    private PcsRequest level() {
        if (!t.has()) {
            return new PcsRequest.Show(What.STONITH_LEVELS, null, OutputFormat.TEXT);
        }
        String verb = t.choice("level command", List.of("add", "remove", "delete", "clear", "config", "show"));
        switch (verb) {
            case "add" -> {
                int levelAt = t.position();
                String level = t.next("level (1-9)");
                if (!level.matches("[1-9]")) {
                    throw t.errorAt(levelAt, "level must be a number from 1 to 9, not '" + level + "'");
                }
                int targetAt = t.position();
                String target = t.next("target node");
                List<String> devices = new ArrayList<>();
                String id = null;
                while (t.has()) {
                    if (t.peek().startsWith("id=")) {
                        NameValue nv = t.nameValue("id");
                        newConstraintId(nv.value(), nv.index());
                        id = nv.value();
                        continue;
                    }
                    if (t.peek().equals("--force")) {
                        t.next("option");
                        continue;
                    }
                    int at = t.position();
                    for (String d : t.next("stonith device").split(",")) {
                        requireDevice(d, at);
                        devices.add(d);
                    }
                }
                if (devices.isEmpty()) {
                    throw t.error("missing stonith device (pcs stonith level add LEVEL TARGET DEVICE...)");
                }
                String targetName = null;
                String pattern = null;
                String attribute = null;
                String value = null;
                if (target.startsWith("regexp%")) {
                    pattern = target.substring(7);
                } else if (target.startsWith("attrib%")) {
                    String[] kv = target.substring(7).split("=", 2);
                    if (kv.length != 2) {
                        throw t.errorAt(targetAt, "attribute target must be attrib%NAME=VALUE");
                    }
                    attribute = kv[0];
                    value = kv[1];
                } else {
                    requireNode(target, targetAt);
                    targetName = target;
                }
                for (FencingLevel l : conf.fencingTopology()) {
                    if (l.index().equals(level) && target.equals(l.target()) && l.devices().equals(devices)) {
                        throw t.errorAt(levelAt, "fencing level " + level + " for '" + target + "' with these "
                                + "devices already exists");
                    }
                }
                String lid = id != null ? id : freeLevelId("fl-" + target.replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                        + level);
                return change(List.of(new CibChange.CreateFencingLevel(new FencingLevel(lid, targetName, pattern,
                        attribute, value, level, devices))), "");
            }
            case "remove", "delete", "clear" -> {
                String level = null;
                if (verb.equals("clear")) {
                    level = null;
                } else {
                    int levelAt = t.position();
                    level = t.next("level (1-9)");
                    if (!level.matches("[1-9]")) {
                        throw t.errorAt(levelAt, "level must be a number from 1 to 9, not '" + level + "'");
                    }
                }
                String target = t.has() ? t.next("target") : null;
                List<String> devices = new ArrayList<>();
                while (t.has()) {
                    devices.addAll(List.of(t.next("device").split(",")));
                }
                List<CibChange> changes = new ArrayList<>();
                for (FencingLevel l : conf.fencingTopology()) {
                    boolean match = (level == null || level.equals(l.index()))
                            && (target == null || target.equals(l.target()) || target.equals("regexp%"
                                    + l.targetPattern()))
                            && (devices.isEmpty() || l.devices().equals(devices));
                    if (match) {
                        changes.add(new CibChange.DeleteFencingLevel(l.id()));
                    }
                }
                if (changes.isEmpty()) {
                    return new PcsRequest.Nothing("no matching fencing level");
                }
                return change(changes, "");
            }
            default -> {
                OutputFormat f = output();
                t.end();
                return new PcsRequest.Show(What.STONITH_LEVELS, null, f);
            }
        }
    }
}
