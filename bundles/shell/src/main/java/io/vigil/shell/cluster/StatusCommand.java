package io.vigil.shell.cluster;

import java.util.List;

import io.vigil.cib.manager.api.CibService;
import io.vigil.fencing.api.FencingService;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.quorum.api.QuorumService;
import io.vigil.shell.command.ShellCommand;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code status [--output-as json|text]} (also {@code crm_mon -1}): the cluster as crm_mon shows it. */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=status",
    "osgi.command.function=crm_mon"})
public class StatusCommand extends ShellCommand {

    private final CibService cib;
    private final ClusterMessaging messaging;
    private final QuorumService quorum;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FencingService fencing;

    @Activate
    public StatusCommand(@Reference CibService cib, @Reference ClusterMessaging messaging,
            @Reference QuorumService quorum) {
        this.cib = cib;
        this.messaging = messaging;
        this.quorum = quorum;
    }

    @Override
    protected String run(List<String> args) {
        String format = "text";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--output-as") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (a.startsWith("--output-as=")) {
                format = a.substring("--output-as=".length());
            } else if (!a.equals("-1") && !a.equals("--one-shot") && !a.equals("--full") && !a.equals("-r")) {
                throw new IllegalArgumentException("status: unknown option '" + a + "' (use --output-as json)");
            }
        }
        ClusterStatus s = ClusterStatus.of(cib.current(), messaging.view(), quorum.state(), fencingHistory());
        return switch (format) {
            case "json" -> StatusFormat.json(s);
            case "text" -> StatusFormat.text(s);
            default -> throw new IllegalArgumentException("status: --output-as takes json or text, not '" + format
                    + "'");
        };
    }

    private List<io.vigil.fencing.api.FenceEvent> fencingHistory() {
        FencingService f = fencing;
        return f == null ? List.of() : f.history();
    }

    @Override
    protected String usage() {
        return "status [--output-as json|text]\n  The cluster as crm_mon -1 shows it: DC, quorum, nodes, resources, "
                + "failed actions.";
    }
}
