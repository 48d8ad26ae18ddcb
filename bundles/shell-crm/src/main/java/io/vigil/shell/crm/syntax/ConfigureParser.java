package io.vigil.shell.crm.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.cib.model.Score;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.ConfigureCommand.Section;

/** The {@code crm configure …} commands (the words after {@code configure}). */
final class ConfigureParser {

    static final List<String> COMMANDS = List.of("primitive", "group", "clone", "ms", "location", "colocation",
            "order", "property", "rsc_defaults", "op_defaults", "show", "delete", "verify", "commit", "load");
    static final List<String> PRIMITIVE_SECTIONS = List.of("params", "meta", "utilization", "op");
    static final List<String> CONTAINER_SECTIONS = List.of("params", "meta");
    static final List<String> OP_NAMES = List.of("monitor", "start", "stop", "promote", "demote", "migrate_to",
            "migrate_from", "notify", "reload", "reload-agent", "meta-data", "validate-all");
    static final List<String> OP_ATTRIBUTES = List.of("interval", "timeout", "role", "on-fail", "start-delay",
            "interval-origin", "record-pending", "enabled", "requires", "description", "OCF_CHECK_LEVEL");
    static final List<String> ROLES = List.of("Started", "Stopped", "Promoted", "Unpromoted", "Master", "Slave");
    static final List<String> ACTIONS = List.of("start", "stop", "promote", "demote");
    static final List<String> KINDS = List.of("Mandatory", "Optional", "Serialize");

    private ConfigureParser() {
    }

    static ConfigureCommand parse(List<Token> line, Cursor c) {
        if (c.atEnd()) {
            return new ConfigureCommand.OpenSession();
        }
        Token cmd = c.next();
        String word = cmd.text().equals("collocation") ? "colocation" : cmd.text();
        if (!COMMANDS.contains(word)) {
            throw c.fail(cmd, "unknown configure command '" + cmd.text() + "'" + Suggest.hint(cmd.text(), COMMANDS));
        }
        return switch (word) {
            case "primitive" -> primitive(c);
            case "group" -> group(c);
            case "clone" -> clone(c, false);
            case "ms" -> clone(c, true);
            case "location" -> RuleParser.location(c);
            case "colocation" -> colocation(c);
            case "order" -> order(c);
            case "property" -> nameValues(c, Section.PROPERTY, "property");
            case "rsc_defaults" -> nameValues(c, Section.RSC_DEFAULTS, "rsc_defaults");
            case "op_defaults" -> nameValues(c, Section.OP_DEFAULTS, "op_defaults");
            case "show" -> {
                List<String> ids = c.textsFrom(c.position());
                boolean xml = !ids.isEmpty() && ids.get(0).equals("xml");
                yield new ConfigureCommand.Show(xml ? ids.subList(1, ids.size()) : ids, xml);
            }
            case "delete" -> {
                c.expect("id of the object to delete");
                yield new ConfigureCommand.Delete(c.textsFrom(c.position() - 1));
            }
            case "verify" -> {
                c.expectEnd("verify");
                yield new ConfigureCommand.Verify();
            }
            case "commit" -> {
                c.expectEnd("commit");
                yield new ConfigureCommand.Commit();
            }
            default -> load(c);
        };
    }

    private static ConfigureCommand primitive(Cursor c) {
        String id = id(c, "primitive");
        Token agentToken = c.expect("agent of primitive " + id + " (e.g. ocf:heartbeat:IPaddr2)");
        AgentName agent = AgentName.parse(c, agentToken);
        String description = description(c);
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, String> utilization = new LinkedHashMap<>();
        List<ConfigureCommand.Op> ops = new ArrayList<>();
        while (!c.atEnd()) {
            Token section = sectionKeyword(c, PRIMITIVE_SECTIONS, "primitive " + id);
            switch (section.text()) {
                case "params" -> pairs(c, params, PRIMITIVE_SECTIONS, "params of " + id);
                case "meta" -> pairs(c, meta, PRIMITIVE_SECTIONS, "meta of " + id);
                case "utilization" -> pairs(c, utilization, PRIMITIVE_SECTIONS, "utilization of " + id);
                default -> ops.add(op(c, id));
            }
        }
        return new ConfigureCommand.Primitive(id, agent.standard(), agent.provider(), agent.type(), description,
                params, meta, utilization, ops);
    }

    private static ConfigureCommand.Op op(Cursor c, String id) {
        Token name = c.expect("operation name after 'op' (" + String.join("|", OP_NAMES) + ")");
        if (!OP_NAMES.contains(name.text())) {
            throw c.fail(name, "unknown operation '" + name.text() + "' in primitive " + id
                    + Suggest.hint(name.text(), OP_NAMES));
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        while (!c.atEnd() && !PRIMITIVE_SECTIONS.contains(c.peekText())) {
            Token t = c.next();
            String[] nv = nameValue(c, t, "op " + name.text() + " of " + id, PRIMITIVE_SECTIONS);
            if (!OP_ATTRIBUTES.contains(nv[0])) {
                throw c.fail(t, "unknown attribute '" + nv[0] + "' of op " + name.text() + " in primitive " + id
                        + Suggest.hint(nv[0], OP_ATTRIBUTES));
            }
            if ((nv[0].equals("interval") || nv[0].equals("timeout")) && !Durations.isDuration(nv[1])) {
                throw c.fail(t, "'" + nv[1] + "' is not a duration for " + nv[0] + " of op " + name.text()
                        + " in primitive " + id + " (write e.g. 10s, 1m, 20 or 500ms)");
            }
            if (nv[0].equals("role") && !ROLES.contains(nv[1])) {
                throw c.fail(t, "unknown role '" + nv[1] + "' of op " + name.text() + " in primitive " + id
                        + Suggest.hint(nv[1], ROLES));
            }
            attrs.put(nv[0], nv[1]);
        }
        return new ConfigureCommand.Op(name.text(), attrs);
    }

    private static ConfigureCommand group(Cursor c) {
        String id = id(c, "group");
        String description = description(c);
        List<String> members = new ArrayList<>();
        while (!c.atEnd() && !CONTAINER_SECTIONS.contains(c.peekText())) {
            Token t = c.next();
            if (t.text().contains("=")) {
                throw c.fail(t, "'" + t.text() + "' is not a resource; put attributes after 'params' or 'meta'");
            }
            members.add(t.text());
        }
        if (members.isEmpty()) {
            throw c.fail(c.atEnd() ? null : c.peek(), "group " + id + " needs at least one member resource");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        containerSections(c, id, params, meta);
        return new ConfigureCommand.Group(id, members, description, params, meta);
    }

    private static ConfigureCommand clone(Cursor c, boolean promotable) {
        String kind = promotable ? "ms" : "clone";
        String id = id(c, kind);
        String description = description(c);
        Token child = c.expect("resource to " + (promotable ? "make promotable" : "clone") + " in " + kind + " " + id);
        if (CONTAINER_SECTIONS.contains(child.text()) || child.text().contains("=")) {
            throw c.fail(child, kind + " " + id + " needs the resource to clone before '" + child.text() + "'");
        }
        if (!c.atEnd() && !CONTAINER_SECTIONS.contains(c.peekText())) {
            throw c.fail(c.peek(), kind + " " + id + " takes one resource; put several in a group first");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        containerSections(c, id, params, meta);
        return new ConfigureCommand.Clone(id, child.text(), promotable, description, params, meta);
    }

    private static void containerSections(Cursor c, String id, Map<String, String> params, Map<String, String> meta) {
        while (!c.atEnd()) {
            Token section = sectionKeyword(c, CONTAINER_SECTIONS, id);
            pairs(c, section.text().equals("params") ? params : meta, CONTAINER_SECTIONS, section.text() + " of " + id);
        }
    }

    private static ConfigureCommand colocation(Cursor c) {
        String id = id(c, "colocation");
        Token scoreToken = c.peek();
        String scoreText = RuleParser.scoreText(c);
        if (scoreText == null) {
            throw c.fail(scoreToken, "colocation " + id + " needs a score ending in ':' (e.g. inf: or -inf: or 100:)"
                    + " before the resources");
        }
        Score score = RuleParser.score(c, scoreToken, scoreText, "colocation " + id);
        List<Token> resources = new ArrayList<>();
        String nodeAttribute = null;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.text().startsWith("node-attribute=")) {
                nodeAttribute = t.text().substring("node-attribute=".length());
            } else if (t.text().contains("=")) {
                throw c.fail(t, "unknown option '" + t.text() + "' of colocation " + id
                        + Suggest.hint(t.text().substring(0, t.text().indexOf('=')), List.of("node-attribute")));
            } else if (t.text().startsWith("(") || t.text().startsWith("[") || t.text().startsWith("{")) {
                throw c.fail(t, "bracketed resource sets in colocation " + id + " are not supported yet; list the"
                        + " resources without brackets");
            } else {
                resources.add(t);
            }
        }
        if (resources.size() < 2) {
            throw c.fail(null, "colocation " + id + " needs two resources: RSC WITH-RSC");
        }
        List<String[]> parts = new ArrayList<>();
        for (Token t : resources) {
            parts.add(withSuffix(c, t, ROLES, "role"));
        }
        if (parts.size() == 2) {
            return new ConfigureCommand.Colocation(id, score, parts.get(0)[0], parts.get(0)[1], parts.get(1)[0],
                    parts.get(1)[1], nodeAttribute);
        }
        String role = sameSuffix(c, resources, parts, "role", "colocation " + id);
        return new ConfigureCommand.ColocationSet(id, score, parts.stream().map(p -> p[0]).toList(), role,
                nodeAttribute);
    }

    private static ConfigureCommand order(Cursor c) {
        String id = id(c, "order");
        Token kindToken = c.peek();
        String kindText = RuleParser.scoreText(c);
        String kind = null;
        Score score = null;
        if (kindText != null) {
            String k = KINDS.stream().filter(x -> x.equalsIgnoreCase(kindText)).findFirst().orElse(null);
            if (k != null) {
                kind = k;
            } else if (Score.tryParse(kindText).isPresent()) {
                score = Score.parse(kindText);
            } else {
                throw c.fail(kindToken, "unknown order kind '" + kindText + "' in order " + id
                        + Suggest.hint(kindText, KINDS) + " (or a score such as inf: or 0:)");
            }
        }
        List<Token> resources = new ArrayList<>();
        String symmetrical = null;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.text().startsWith("symmetrical=")) {
                symmetrical = t.text().substring("symmetrical=".length());
                if (!List.of("true", "false", "yes", "no", "on", "off", "1", "0").contains(symmetrical.toLowerCase())) {
                    throw c.fail(t, "symmetrical of order " + id + " must be true or false, not '" + symmetrical + "'");
                }
            } else if (t.text().contains("=")) {
                throw c.fail(t, "unknown option '" + t.text() + "' of order " + id
                        + Suggest.hint(t.text().substring(0, t.text().indexOf('=')), List.of("symmetrical")));
            } else if (t.text().startsWith("(") || t.text().startsWith("[") || t.text().startsWith("{")) {
                throw c.fail(t, "bracketed resource sets in order " + id + " are not supported yet; list the"
                        + " resources without brackets");
            } else {
                resources.add(t);
            }
        }
        if (resources.size() < 2) {
            throw c.fail(null, "order " + id + " needs two resources: FIRST THEN");
        }
        List<String[]> parts = new ArrayList<>();
        for (Token t : resources) {
            parts.add(withSuffix(c, t, ACTIONS, "action"));
        }
        if (parts.size() == 2) {
            return new ConfigureCommand.Order(id, kind, score, parts.get(0)[0], parts.get(0)[1], parts.get(1)[0],
                    parts.get(1)[1], symmetrical);
        }
        String action = sameSuffix(c, resources, parts, "action", "order " + id);
        return new ConfigureCommand.OrderSet(id, kind, score, parts.stream().map(p -> p[0]).toList(), action,
                symmetrical);
    }

    /** The one role (or action) of a resource set: every member must say the same, or nothing. */
    private static String sameSuffix(Cursor c, List<Token> tokens, List<String[]> parts, String what, String owner) {
        String first = parts.get(0)[1];
        for (int i = 1; i < parts.size(); i++) {
            if (!java.util.Objects.equals(first, parts.get(i)[1])) {
                throw c.fail(tokens.get(i), owner + " lists more than two resources (a resource set), which has one "
                        + what + " for all; give every resource the same " + what + " or split the constraint");
            }
        }
        return first;
    }

    /** {@code RSC} or {@code RSC:SUFFIX} with SUFFIX one of {@code allowed}. */
    private static String[] withSuffix(Cursor c, Token t, List<String> allowed, String what) {
        int colon = t.text().indexOf(':');
        if (colon < 0) {
            return new String[] {t.text(), null};
        }
        String rsc = t.text().substring(0, colon);
        String suffix = t.text().substring(colon + 1);
        if (rsc.isEmpty() || !allowed.contains(suffix)) {
            throw c.fail(t, "unknown " + what + " '" + suffix + "' in '" + t.text() + "'" + Suggest.hint(suffix, allowed));
        }
        return new String[] {rsc, suffix};
    }

    private static ConfigureCommand nameValues(Cursor c, Section section, String keyword) {
        String setId = null;
        if (!c.atEnd()) {
            String t = c.peekText();
            if (t.startsWith("$id=") || (t.startsWith("=") && t.length() > 1)) {
                // "=ID" is what Gogo leaves of "$id=ID" (it expands $id as a variable)
                setId = t.substring(t.indexOf('=') + 1);
                c.next();
            } else if (t.endsWith(":") && !t.contains("=") && t.length() > 1) {
                setId = t.substring(0, t.length() - 1); // crm configure show's form: "property ID: k=v"
                c.next();
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (c.atEnd()) {
            throw c.fail(null, keyword + " needs at least one NAME=VALUE");
        }
        pairs(c, values, List.of(), keyword);
        return new ConfigureCommand.NameValues(section, setId, values);
    }

    private static ConfigureCommand load(Cursor c) {
        Token method = c.expectOneOf("load method", List.of("update", "replace"));
        if (method.text().equals("replace")) {
            throw c.fail(method, "load replace is not supported: it would drop everything not in the file;"
                    + " use 'load update FILE'");
        }
        Token file = c.expect("file to load");
        c.expectEnd("load update FILE");
        return new ConfigureCommand.Load(method.text(), file.text());
    }

    private static String id(Cursor c, String kind) {
        Token t = c.expect("id of the " + kind);
        if (!t.text().matches("[A-Za-z_][A-Za-z0-9_.:-]*") || t.text().contains(":")) {
            throw c.fail(t, "'" + t.text() + "' is not a valid id for a " + kind
                    + " (start with a letter or '_', then letters, digits, '.', '_' or '-')");
        }
        return t.text();
    }

    private static String description(Cursor c) {
        if (!c.atEnd() && c.peekText().startsWith("description=")) {
            return c.next().text().substring("description=".length());
        }
        return null;
    }

    private static Token sectionKeyword(Cursor c, List<String> sections, String owner) {
        Token t = c.next();
        if (!sections.contains(t.text())) {
            if (t.text().contains("=")) {
                throw c.fail(t, "'" + t.text() + "' in " + owner + " must follow one of: " + String.join(", ", sections)
                        + " (e.g. params " + t.text() + ")");
            }
            throw c.fail(t, "unknown keyword '" + t.text() + "' in " + owner + Suggest.hint(t.text(), sections));
        }
        return t;
    }

    /** NAME=VALUE words up to the next section keyword; at least one. */
    private static void pairs(Cursor c, Map<String, String> into, List<String> stopWords, String owner) {
        int before = into.size();
        boolean any = false;
        while (!c.atEnd() && !stopWords.contains(c.peekText())) {
            Token t = c.next();
            String[] nv = nameValue(c, t, owner, stopWords);
            into.put(nv[0], nv[1]);
            any = true;
        }
        if (!any && into.size() == before) {
            throw c.fail(c.atEnd() ? null : c.peek(), owner + " needs at least one NAME=VALUE");
        }
    }

    private static String[] nameValue(Cursor c, Token t, String owner, List<String> keywords) {
        int eq = t.text().indexOf('=');
        if (eq <= 0) {
            if (eq < 0 && !keywords.isEmpty()) {
                throw c.fail(t, "expected NAME=VALUE in " + owner + ", got '" + t.text() + "'"
                        + Suggest.nearest(t.text(), keywords).map(s -> " — did you mean '" + s + "'?").orElse(""));
            }
            throw c.fail(t, "expected NAME=VALUE in " + owner + ", got '" + t.text() + "'");
        }
        return new String[] {t.text().substring(0, eq), t.text().substring(eq + 1)};
    }
}
