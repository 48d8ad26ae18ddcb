package io.vigil.shell.tools;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.CibFiles;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.manager.api.RegistryCatalog;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.shell.build.CibApply;
import io.vigil.shell.command.ShellCommand;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Gogo functions crm_resource, crm_attribute and crm_verify; the parsing lives in the pure parsers. */
public final class CrmToolCommands {

    private CrmToolCommands() {
    }

    static List<String> line(String command, List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(args);
        return line;
    }

    static String perform(CibService cib, ToolRequest r) throws Exception {
        if (r instanceof ToolRequest.Output o) {
            return o.text().isEmpty() ? null : o.text();
        }
        if (r instanceof ToolRequest.Change c) {
            CibApply.apply(cib, c.changes());
            return c.message().isEmpty() ? null : c.message();
        }
        ToolRequest.Restart x = (ToolRequest.Restart) r;
        return io.vigil.shell.cluster.RestartAccess.restart(cib, x.resource(), x.timeoutSeconds());
    }

    /** {@code crm_resource}. */
    @Component(service = Function.class, property = {"osgi.command.scope=vigil",
        "osgi.command.function=crm_resource"})
    public static class CrmResource extends ShellCommand {
        private final CibService cib;

        @Activate
        public CrmResource(@Reference CibService cib) {
            this.cib = cib;
        }

        @Override
        protected String run(List<String> args) throws Exception {
            return perform(cib, CrmResourceParser.parse(line("crm_resource", args), cib.current(), Instant.now()));
        }

        @Override
        protected String usage() {
            return CrmResourceParser.usage();
        }
    }

    /** {@code crm_attribute}. */
    @Component(service = Function.class, property = {"osgi.command.scope=vigil",
        "osgi.command.function=crm_attribute"})
    public static class CrmAttribute extends ShellCommand {
        private final CibService cib;
        private final ClusterMessaging messaging;

        @Activate
        public CrmAttribute(@Reference CibService cib, @Reference ClusterMessaging messaging) {
            this.cib = cib;
            this.messaging = messaging;
        }

        @Override
        protected String run(List<String> args) throws Exception {
            return perform(cib, CrmAttributeParser.parse(line("crm_attribute", args), cib.current(),
                    messaging.localNodeName()));
        }

        @Override
        protected String usage() {
            return CrmAttributeParser.usage();
        }
    }

    /** {@code crm_verify}. */
    @Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=crm_verify"})
    public static class CrmVerifyCommand extends ShellCommand {
        private final CibService cib;
        private final AgentRegistry agents;

        @Activate
        public CrmVerifyCommand(@Reference CibService cib, @Reference AgentRegistry agents) {
            this.cib = cib;
            this.agents = agents;
        }

        @Override
        protected String run(List<String> args) throws Exception {
            CrmVerify.Request r = CrmVerify.parse(line("crm_verify", args));
            if (r.help()) {
                return CrmVerify.usage();
            }
            CibSnapshot s = r.file() == null ? cib.current() : CibFiles.load(Path.of(r.file())).snapshot();
            CrmVerify.Verdict v = CrmVerify.verify(s, new RegistryCatalog(agents), r.verbose(), r.format());
            if (v.invalid()) {
                throw new IllegalArgumentException(r.quiet() ? "Errors found during check: config not valid"
                        : v.output());
            }
            return v.output().isEmpty() || r.quiet() ? null : v.output();
        }

        @Override
        protected String usage() {
            return CrmVerify.usage();
        }
    }
}
