package io.vigil.shell.crm.syntax;

import java.util.List;

import io.vigil.shell.crm.command.CrmCommand;
import io.vigil.shell.crm.command.NodeCommand;
import io.vigil.shell.crm.command.RaCommand;
import io.vigil.shell.crm.command.ResourceCommand;

/**
 * crmsh's command line (the words after {@code crm}) → a typed {@link CrmCommand}. A pure function: no CIB, no
 * OSGi. Every error is a {@link CrmSyntaxException} pointing at the offending word.
 */
public final class CrmParser {

    static final List<String> LEVELS = List.of("configure", "resource", "node", "ra", "help", "-f");
    static final List<String> RESOURCE_ACTIONS = List.of("cleanup", "move", "migrate", "ban", "clear", "unmove",
            "unmigrate", "unban", "start", "stop", "status", "show", "failcount");
    static final List<String> NODE_ACTIONS = List.of("standby", "online", "attribute");
    static final List<String> ATTRIBUTE_ACTIONS = List.of("set", "delete", "show");
    static final List<String> FAILCOUNT_ACTIONS = List.of("show", "delete");
    static final List<String> RA_ACTIONS = List.of("list", "info");
    static final List<String> CLASSES = List.of("ocf", "lsb", "systemd", "service", "stonith");

    private CrmParser() {
    }

    /** Parses the words that follow {@code crm} on a command line. */
    public static CrmCommand parse(List<String> words) {
        return parseTokens(CrmLexer.tokens(words));
    }

    /** Parses one line of text (as found in a file), after {@code crm}. */
    public static CrmCommand parseLine(String line) {
        return parse(CrmLexer.split(line));
    }

    static CrmCommand parseTokens(List<Token> line) {
        Cursor c = new Cursor(line, 0);
        if (c.atEnd()) {
            return new CrmCommand.Help(null);
        }
        Token level = c.expectOneOf("crm level", LEVELS);
        switch (level.text()) {
            case "configure":
                return ConfigureParser.parse(line, c);
            case "resource":
                return resource(c);
            case "node":
                return node(c);
            case "ra":
                return ra(c);
            case "-f": {
                Token file = c.expect("script file after -f");
                c.expectEnd("crm -f FILE");
                return new CrmCommand.Script(file.text());
            }
            default: {
                String topic = c.atEnd() ? null : c.next().text();
                c.expectEnd("crm help TOPIC");
                return new CrmCommand.Help(topic);
            }
        }
    }

    private static ResourceCommand resource(Cursor c) {
        Token action = c.expectOneOf("resource action", RESOURCE_ACTIONS);
        switch (action.text()) {
            case "cleanup": {
                String rsc = c.atEnd() ? null : c.next().text();
                String node = c.atEnd() ? null : c.next().text();
                c.expectEnd("crm resource cleanup [RSC [NODE]]");
                return new ResourceCommand(ResourceCommand.Action.CLEANUP, rsc, node, null);
            }
            case "move", "migrate": {
                // without a node, crm moves the resource away from where it runs now (a ban there)
                String rsc = c.expect("resource to move").text();
                String node = c.atEnd() ? null : c.next().text();
                String lifetime = c.atEnd() ? null : c.next().text();
                c.expectEnd("crm resource move RSC [NODE [LIFETIME]]");
                return new ResourceCommand(node == null ? ResourceCommand.Action.BAN : ResourceCommand.Action.MOVE,
                        rsc, node, lifetime);
            }
            case "ban": {
                String rsc = c.expect("resource to ban").text();
                String node = c.atEnd() ? null : c.next().text();
                String lifetime = c.atEnd() ? null : c.next().text();
                c.expectEnd("crm resource ban RSC [NODE [LIFETIME]]");
                return new ResourceCommand(ResourceCommand.Action.BAN, rsc, node, lifetime);
            }
            case "clear", "unmove", "unmigrate", "unban":
                return single(c, ResourceCommand.Action.CLEAR, "crm resource clear RSC");
            case "start":
                return single(c, ResourceCommand.Action.START, "crm resource start RSC");
            case "stop":
                return single(c, ResourceCommand.Action.STOP, "crm resource stop RSC");
            case "failcount": {
                String rsc = c.expect("resource whose fail count to use").text();
                Token what = c.expectOneOf("failcount action", FAILCOUNT_ACTIONS);
                String node = c.expect("node of the fail count").text();
                c.expectEnd("crm resource failcount RSC show|delete NODE");
                return new ResourceCommand(what.text().equals("show") ? ResourceCommand.Action.FAILCOUNT_SHOW
                        : ResourceCommand.Action.FAILCOUNT_DELETE, rsc, node, null);
            }
            default: { // status, show
                String rsc = c.atEnd() ? null : c.next().text();
                c.expectEnd("crm resource status [RSC]");
                return new ResourceCommand(ResourceCommand.Action.STATUS, rsc, null, null);
            }
        }
    }

    private static ResourceCommand single(Cursor c, ResourceCommand.Action action, String usage) {
        String rsc = c.expect("resource name").text();
        c.expectEnd(usage);
        return new ResourceCommand(action, rsc, null, null);
    }

    private static NodeCommand node(Cursor c) {
        Token action = c.expectOneOf("node action", NODE_ACTIONS);
        String node = c.expect("node name").text();
        if (!action.text().equals("attribute")) {
            c.expectEnd("crm node " + action.text() + " NODE");
            return new NodeCommand(action.text().equals("standby") ? NodeCommand.Action.STANDBY
                    : NodeCommand.Action.ONLINE, node, null, null);
        }
        Token what = c.expectOneOf("attribute action", ATTRIBUTE_ACTIONS);
        String name = c.expect("attribute name").text();
        switch (what.text()) {
            case "set": {
                String value = c.expect("value for " + name).text();
                c.expectEnd("crm node attribute NODE set NAME VALUE");
                return new NodeCommand(NodeCommand.Action.ATTRIBUTE_SET, node, name, value);
            }
            case "delete":
                c.expectEnd("crm node attribute NODE delete NAME");
                return new NodeCommand(NodeCommand.Action.ATTRIBUTE_DELETE, node, name, null);
            default:
                c.expectEnd("crm node attribute NODE show NAME");
                return new NodeCommand(NodeCommand.Action.ATTRIBUTE_SHOW, node, name, null);
        }
    }

    private static RaCommand ra(Cursor c) {
        Token action = c.expectOneOf("ra action", RA_ACTIONS);
        Token arg = c.expect(action.text().equals("list") ? "agent class (ocf, lsb, stonith …)" : "agent name");
        c.expectEnd("crm ra " + action.text() + " " + arg.text());
        String[] parts = arg.text().split(":", -1);
        if (action.text().equals("list")) {
            if (parts.length > 2 || !CLASSES.contains(parts[0])) {
                throw c.fail(arg, "unknown agent class '" + parts[0] + "'" + Suggest.hint(parts[0], CLASSES));
            }
            return new RaCommand(false, parts[0], parts.length == 2 ? parts[1] : null, null);
        }
        AgentName a = AgentName.parse(c, arg);
        return new RaCommand(true, a.standard(), a.provider(), a.type());
    }
}
