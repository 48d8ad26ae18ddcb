package io.vigil.shell.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.FailCount;
import io.vigil.cib.model.NodeState;
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

/** {@code status} / {@code crm_mon}: the cluster as crm_mon shows it (options in {@link CrmMonOptions}). */
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
    protected String run(List<String> args) throws InterruptedException {
        List<String> line = new ArrayList<>();
        line.add("crm_mon");
        line.addAll(args);
        CrmMonOptions o = CrmMonOptions.parse(line);
        if (o.help()) {
            return usage();
        }
        if (o.iterations() == 1) {
            return snapshot(o);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < o.iterations(); i++) {
            if (i > 0) {
                Thread.sleep(o.intervalSeconds() * 1000); // the refresh interval the administrator asked for
                out.append("\n\n");
            }
            out.append("Last updated: ").append(Instant.now()).append('\n').append(snapshot(o));
        }
        return out.toString();
    }

    private String snapshot(CrmMonOptions o) {
        CibSnapshot current = cib.current();
        ClusterStatus s = ClusterStatus.of(current, messaging.view(), quorum.state(), fencingHistory());
        if (o.simple()) {
            return simple(s);
        }
        return o.format().render(() -> StatusFormat.text(s) + extras(current, o), () -> StatusFormat.jsonTree(s),
                () -> StatusXml.xml(s));
    }

    /** {@code crm_mon -s}: one line for monitoring scripts. */
    static String simple(ClusterStatus s) {
        List<String> offline = new ArrayList<>();
        int online = 0;
        for (Map.Entry<String, String> e : s.nodes().entrySet()) {
            if (e.getValue().equals("online") || e.getValue().equals("standby")
                    || e.getValue().equals("maintenance")) {
                online++;
            } else {
                offline.add(e.getKey());
            }
        }
        if (!s.quorate()) {
            return "CLUSTER CRIT: No quorum";
        }
        if (!offline.isEmpty()) {
            return "CLUSTER WARN: offline node: " + String.join(", ", offline);
        }
        return "CLUSTER OK: " + online + " nodes online, " + StatusFormat.countInstances(s)
                + " resource instances configured";
    }

    private static String extras(CibSnapshot cib, CrmMonOptions o) {
        StringBuilder b = new StringBuilder();
        if (o.nodeAttributes()) {
            b.append("\n\nNode Attributes:");
            for (NodeState n : cib.status().nodes()) {
                b.append("\n* Node ").append(n.uname()).append(':');
                n.transientValues().forEach((k, v) -> {
                    if (!k.startsWith("fail-count-") && !k.startsWith("last-failure-")) {
                        b.append("\n    + ").append(k).append("\t: ").append(v);
                    }
                });
            }
        }
        if (o.failcounts()) {
            b.append("\n\nMigration Summary:");
            for (NodeState n : cib.status().nodes()) {
                b.append("\n* Node ").append(n.uname()).append(':');
                for (FailCount f : n.failCounts()) {
                    b.append("\n   ").append(f.resource()).append(": fail-count=").append(f.value());
                }
            }
        }
        return b.toString();
    }

    private List<io.vigil.fencing.api.FenceEvent> fencingHistory() {
        FencingService f = fencing;
        return f == null ? List.of() : f.history();
    }

    @Override
    protected String usage() {
        return CrmMonOptions.usage();
    }
}
