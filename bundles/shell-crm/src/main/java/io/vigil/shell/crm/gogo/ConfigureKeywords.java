package io.vigil.shell.crm.gogo;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.manager.api.CibService;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.command.CrmCommand;
import io.vigil.shell.crm.syntax.CrmParser;
import io.vigil.shell.crm.syntax.OutputOption.Format;
import io.vigil.shell.crm.translate.ConfigureSession;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The words of crmsh's configure level ({@code primitive}, {@code location}, {@code commit} …) as Gogo commands,
 * so that a session typed line by line after {@code crm configure} — seed 001 as written — works through
 * {@code vigil shell}. Each word acts on the session opened by {@code crm configure} in the same connection;
 * without one it says how to use it.
 */
@Component(immediate = true, service = {})
public class ConfigureKeywords {

    static final List<String> WORDS = List.of("primitive", "group", "clone", "ms", "location", "colocation",
            "order", "property", "rsc_defaults", "op_defaults", "show", "delete", "verify", "commit", "end");

    private final CrmRuntime runtime;
    private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();

    @Activate
    public ConfigureKeywords(BundleContext context, @Reference CibService cib, @Reference AgentRegistry agents) {
        this(cib, agents);
        for (String word : WORDS) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("osgi.command.scope", "vigil");
            props.put("osgi.command.function", word);
            registrations.add(context.registerService(Function.class, keyword(word), props));
        }
    }

    /** Without registering anything (for a Gogo processor outside OSGi). */
    public ConfigureKeywords(CibService cib, AgentRegistry agents) {
        this.runtime = new CrmRuntime(cib, agents);
    }

    /** The Gogo function for one configure word. */
    public Function keyword(String word) {
        return (s, a) -> run(word, s, a);
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private Object run(String word, CommandSession session, List<Object> arguments) throws Exception {
        Object open = session.get(CrmShellCommand.SESSION_KEY);
        if (!(open instanceof ConfigureSession s)) {
            throw new IllegalArgumentException("'" + word + "' is a crm configure command: type 'crm configure "
                    + word + " …' to run it at once, or 'crm configure' first to start a session");
        }
        if (word.equals("end") || word.equals("commit")) {
            if (!arguments.isEmpty()) {
                throw new IllegalArgumentException(word + " takes no arguments");
            }
            session.put(CrmShellCommand.SESSION_KEY, Boolean.FALSE); // closed (Gogo keeps no nulls)
            return runtime.commit(s) + (word.equals("end") ? "; left crm configure" : "");
        }
        List<String> words = new ArrayList<>();
        words.add("configure");
        words.add(word);
        arguments.forEach(a -> words.add(String.valueOf(a)));
        CrmCommand cmd = CrmParser.parse(words);
        if (cmd instanceof ConfigureCommand.Show show) {
            return runtime.show(s.working(), show.ids(), show.xml() ? Format.XML : Format.TEXT);
        }
        if (cmd instanceof ConfigureCommand.Verify) {
            return runtime.verify(s.working());
        }
        s.add((ConfigureCommand) cmd);
        return null; // crmsh is silent on success; the commit reports
    }
}
