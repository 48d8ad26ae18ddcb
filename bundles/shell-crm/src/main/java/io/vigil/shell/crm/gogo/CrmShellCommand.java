package io.vigil.shell.crm.gogo;

import java.util.ArrayList;
import java.util.List;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.CrmCommand;
import io.vigil.shell.crm.command.NodeCommand;
import io.vigil.shell.crm.command.RaCommand;
import io.vigil.shell.crm.command.ResourceCommand;
import io.vigil.shell.crm.syntax.CrmParser;
import io.vigil.shell.crm.syntax.OutputOption;
import io.vigil.shell.crm.syntax.OutputOption.Format;
import io.vigil.shell.crm.translate.ConfigureSession;
import io.vigil.shell.crm.translate.ResourceTranslator;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code crm …}: crmsh's command language. One-shot commands ({@code crm configure primitive …}) are committed at
 * once; {@code crm configure} alone opens a session in this shell connection in which the configure keywords
 * ({@code primitive}, {@code property}, …, {@code commit}) are typed on their own lines, as in crmsh.
 */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=crm"})
public class CrmShellCommand implements Function {

    /** Session attribute holding the open {@code crm configure} session of a shell connection. */
    static final String SESSION_KEY = "vigil.crm.configure";

    private final CrmRuntime runtime;

    @Activate
    public CrmShellCommand(@Reference CibService cib, @Reference AgentRegistry agents) {
        this.runtime = new CrmRuntime(cib, agents);
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = new ArrayList<>();
        arguments.forEach(a -> args.add(String.valueOf(a)));
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            return Usage.TEXT;
        }
        OutputOption output = OutputOption.split(args);
        Format format = output.format();
        CrmCommand cmd = CrmParser.parse(output.words());
        if (format != Format.TEXT && !reads(cmd)) {
            throw new IllegalArgumentException("--output-as applies to commands that show something (configure"
                    + " show, resource status/failcount show, node attribute show, ra list/info)");
        }
        if (cmd instanceof CrmCommand.Help) {
            return Usage.TEXT;
        }
        if (cmd instanceof CrmCommand.Script s) {
            return runtime.runScript(s.file(), false);
        }
        if (cmd instanceof ConfigureCommand c) {
            return configure(session, c, format);
        }
        if (cmd instanceof ResourceCommand r) {
            return resource(r, format);
        }
        if (cmd instanceof NodeCommand n) {
            CibSnapshot s = runtime.cib.current();
            if (n.action() == NodeCommand.Action.ATTRIBUTE_SHOW) {
                return Output.nodeAttribute(ResourceTranslator.nodeAttribute(n, s), format);
            }
            return runtime.apply(s, ResourceTranslator.changes(n, s), "node " + n.node() + ": "
                    + n.action().name().toLowerCase().replace('_', ' ') + " done");
        }
        return ra((RaCommand) cmd, format);
    }

    /** Commands that only show something (and so take --output-as). */
    static boolean reads(CrmCommand cmd) {
        return cmd instanceof ConfigureCommand.Show || cmd instanceof RaCommand
                || (cmd instanceof ResourceCommand r && (r.action() == ResourceCommand.Action.STATUS
                        || r.action() == ResourceCommand.Action.FAILCOUNT_SHOW))
                || (cmd instanceof NodeCommand n && n.action() == NodeCommand.Action.ATTRIBUTE_SHOW);
    }

    private Object configure(CommandSession session, ConfigureCommand c, Format format) throws InterruptedException {
        CibSnapshot current = runtime.cib.current();
        if (c instanceof ConfigureCommand.OpenSession) {
            if (session.get(SESSION_KEY) instanceof ConfigureSession open && !open.isEmpty()) {
                throw new IllegalArgumentException("a crm configure session with " + open.changes().size()
                        + " uncommitted change(s) is open: type 'commit' (or 'end') first");
            }
            session.put(SESSION_KEY, runtime.newSession(false));
            return "crm configure: type configure commands (primitive, group, clone, ms, location, colocation,"
                    + " order, property, rsc_defaults, op_defaults, delete, show, verify) one per line, then 'commit'"
                    + " ('end' commits and leaves)";
        }
        if (c instanceof ConfigureCommand.Show s) {
            return runtime.show(current, s.ids(), s.xml() ? Format.XML : format);
        }
        if (c instanceof ConfigureCommand.Verify) {
            return runtime.verify(current);
        }
        if (c instanceof ConfigureCommand.Commit) {
            Object open = session.get(SESSION_KEY);
            if (open instanceof ConfigureSession s) {
                session.put(SESSION_KEY, Boolean.FALSE); // closed (Gogo keeps no nulls)
                return runtime.commit(s);
            }
            return "nothing to commit (one-shot crm configure commands are committed at once)";
        }
        if (c instanceof ConfigureCommand.Load l) {
            return runtime.runScript(l.file(), true);
        }
        ConfigureSession one = runtime.newSession(false);
        List<CibChange> changes = one.add(c);
        return runtime.commit(one).replace("committed " + changes.size() + " change(s)", "done");
    }

    private Object resource(ResourceCommand r, Format format) throws InterruptedException {
        CibSnapshot s = runtime.cib.current();
        switch (r.action()) {
            case STATUS:
                return Output.placements(ResourceTranslator.status(r.rsc(), s), format);
            case FAILCOUNT_SHOW:
                return Output.failCount(ResourceTranslator.failcount(r.rsc(), r.node(), s), format);
            default:
                List<CibChange> changes = ResourceTranslator.changes(r, s);
                String what = r.action().name().toLowerCase().replace('_', ' ') + " "
                        + (r.rsc() == null ? "all resources" : r.rsc());
                if (changes.isEmpty()) {
                    return what + ": nothing to do";
                }
                return runtime.apply(s, changes, what + ": done");
        }
    }

    private Object ra(RaCommand r, Format format) {
        if (!r.info()) {
            List<String> types = new ArrayList<>();
            for (AgentId id : runtime.agents.agentIds()) {
                if (id.standard().equals(r.standard()) && (r.provider() == null || r.provider().equals(id.provider()))) {
                    types.add(id.type());
                }
            }
            return Output.agentTypes(types, format, "no " + r.standard() + (r.provider() == null ? "" : ":"
                    + r.provider()) + " agents installed");
        }
        AgentId id = new AgentId(r.standard(), r.provider(), r.agent());
        AgentMetadata md = runtime.agents.metadata(id).orElseThrow(() -> new IllegalArgumentException(
                "agent '" + id + "' is not installed (see 'crm ra list " + r.standard() + "')"));
        return Output.agentInfo(id, md, format);
    }

}
