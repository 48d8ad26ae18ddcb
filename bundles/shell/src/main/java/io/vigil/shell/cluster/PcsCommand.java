package io.vigil.shell.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.fencing.api.FenceEvent;
import io.vigil.fencing.api.FencingService;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.quorum.api.QuorumService;
import io.vigil.shell.agents.AgentInfoCommand;
import io.vigil.shell.build.CibApply;
import io.vigil.shell.command.ShellCommand;
import io.vigil.shell.output.OutputFormat;
import io.vigil.shell.pcs.PcsContext;
import io.vigil.shell.pcs.PcsHelp;
import io.vigil.shell.pcs.PcsParser;
import io.vigil.shell.pcs.PcsRequest;
import io.vigil.shell.pcs.PcsViews;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code pcs …}: pcs 0.10/0.11 command lines, translated by {@link PcsParser} into one change list (applied
 * atomically, so a rejected command changes nothing), a view, or an action (fence, restart).
 */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=pcs"})
public class PcsCommand extends ShellCommand {

    private final CibService cib;
    private final AgentRegistry agents;
    private final ClusterMessaging messaging;
    private final QuorumService quorum;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FencingService fencing;

    @Activate
    public PcsCommand(@Reference CibService cib, @Reference AgentRegistry agents,
            @Reference ClusterMessaging messaging, @Reference QuorumService quorum) {
        this.cib = cib;
        this.agents = agents;
        this.messaging = messaging;
        this.quorum = quorum;
    }

    @Override
    protected String run(List<String> args) throws Exception {
        List<String> line = new ArrayList<>();
        line.add("pcs");
        line.addAll(args);
        CibSnapshot current = cib.current();
        PcsContext ctx = new PcsContext(current, agents.agentIds(), agents::metadata, messaging.localNodeName(),
                Instant.now());
        PcsRequest request = PcsParser.parse(line, ctx);
        if (request instanceof PcsRequest.Text t) {
            return t.text();
        }
        if (request instanceof PcsRequest.Nothing n) {
            return n.message();
        }
        if (request instanceof PcsRequest.Change c) {
            CibApply.apply(cib, c.changes());
            List<String> out = new ArrayList<>(c.warnings());
            if (!c.done().isEmpty()) {
                out.add(c.done());
            }
            return out.isEmpty() ? null : String.join("\n", out);
        }
        if (request instanceof PcsRequest.Fence f) {
            FenceEvent e = requireFencing().fence(f.node(), f.off() ? "off" : "reboot").toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            if (!e.succeeded()) {
                throw new IllegalStateException("fencing " + f.node() + " failed: " + e.reason());
            }
            return "Node: " + f.node() + " fenced";
        }
        if (request instanceof PcsRequest.Restart r) {
            return Restart.run(cib, r.resource(), r.node(), r.waitSeconds());
        }
        return show((PcsRequest.Show) request, current);
    }

    private String show(PcsRequest.Show s, CibSnapshot current) {
        OutputFormat f = s.format();
        return switch (s.what()) {
            case STATUS, STATUS_FULL -> {
                ClusterStatus st = status(current);
                yield f.render(() -> StatusFormat.text(st) + (s.what() == PcsRequest.What.STATUS_FULL
                        ? "\n\n" + PcsViews.nodeAttributesText(PcsViews.nodeAttributes(current, null), null) : ""),
                        () -> StatusFormat.jsonTree(st), null);
            }
            case STATUS_RESOURCES, RESOURCE_STATUS -> {
                ClusterStatus st = status(current);
                yield f.render(() -> StatusFormat.resourcesText(st, s.id(), false),
                        () -> StatusFormat.jsonTree(st).getAsJsonObject().get("resources"), null);
            }
            case STONITH_STATUS -> {
                ClusterStatus st = status(current);
                yield f.render(() -> StatusFormat.resourcesText(st, null, true),
                        () -> StatusFormat.jsonTree(st).getAsJsonObject().get("resources"), null);
            }
            case STATUS_NODES -> {
                ClusterStatus st = status(current);
                yield f.render(() -> StatusFormat.nodesText(st), () -> StatusFormat.jsonTree(st).getAsJsonObject()
                        .get("nodes"), null);
            }
            case CONFIG -> f.render(() -> PcsViews.config(current), () -> PcsViews.configJson(current), null);
            case CONSTRAINTS, CONSTRAINTS_FULL -> f.render(() -> PcsViews.constraints(current.configuration(),
                    s.what() == PcsRequest.What.CONSTRAINTS_FULL || s.id() != null, s.id()),
                    () -> PcsViews.constraintsJson(current.configuration()), null);
            case RESOURCE_CONFIG -> f.render(() -> "stonith".equals(s.id())
                    ? PcsViews.resources(current.configuration(), null, true)
                    : PcsViews.resources(current.configuration(), s.id(), false),
                    () -> PcsViews.configJson(current).getAsJsonObject().get("resources"), null);
            case RESOURCE_DEFAULTS -> f.render(() -> PcsViews.defaults(current.configuration().rscDefaults()),
                    () -> PcsViews.defaultsJson(current.configuration().rscDefaults()), null);
            case OP_DEFAULTS -> f.render(() -> PcsViews.defaults(current.configuration().opDefaults()),
                    () -> PcsViews.defaultsJson(current.configuration().opDefaults()), null);
            case PROPERTIES -> f.render(() -> PcsViews.properties(current.configuration(), s.id()),
                    () -> PcsViews.propertiesJson(current.configuration()), null);
            case NODE_ATTRIBUTES -> {
                String node = s.id() == null ? null : s.id().split("\u0000")[0];
                String name = s.id() != null && s.id().contains("\u0000") ? s.id().split("\u0000")[1] : null;
                var attrs = PcsViews.nodeAttributes(current, node);
                yield f.render(() -> PcsViews.nodeAttributesText(attrs, name), () -> PcsViews.nodeAttributesJson(
                        attrs), null);
            }
            case STONITH_LEVELS -> f.render(() -> PcsViews.levels(current.configuration()),
                    () -> PcsViews.configJson(current).getAsJsonObject().get("fencingTopology"), null);
            case AGENTS -> {
                List<AgentId> ids = agents.agentIds().stream().filter(a -> s.id() == null
                        || a.standard().equals(s.id()) || (a.standard() + ":" + a.provider()).equals(s.id())).toList();
                yield f.render(() -> String.join("\n", ids.stream().map(AgentId::toString).toList()), () -> {
                    JsonArray a = new JsonArray();
                    ids.forEach(i -> a.add(i.toString()));
                    return a;
                }, null);
            }
            case DESCRIBE -> {
                AgentId id = AgentId.parse(s.id());
                AgentMetadata md = agents.metadata(id).orElseThrow(() -> new IllegalArgumentException("agent '" + id
                        + "' has no metadata on this node (see 'pcs resource agents')"));
                yield f.render(() -> AgentInfoCommand.describe(id, md), () -> AgentInfoCommand.json(id, md), null);
            }
            case STONITH_HISTORY -> {
                List<FenceEvent> events = requireFencing().history().stream().filter(e -> s.id() == null
                        || e.target().equals(s.id())).toList();
                yield f.render(() -> events.isEmpty() ? "No fencing history" : String.join("\n",
                        StatusFormat.fencingLines(events)), () -> StatusFormat.jsonTree(new ClusterStatus("", false,
                                "", java.util.Map.of(), List.of(), List.of(), events, List.of())).getAsJsonObject()
                                .get("fencing"), null);
            }
            case QUORUM -> f.render(() -> QuorumText.text(quorum.state()), () -> QuorumText.json(quorum.state()),
                    null);
        };
    }

    private ClusterStatus status(CibSnapshot current) {
        return ClusterStatus.of(current, messaging.view(), quorum.state(), fencingHistory());
    }

    private FencingService requireFencing() {
        FencingService f = fencing;
        if (f == null) {
            throw new IllegalStateException("the fencer is not running on this node");
        }
        return f;
    }

    private List<FenceEvent> fencingHistory() {
        FencingService f = fencing;
        return f == null ? List.of() : f.history();
    }

    @Override
    protected String usage() {
        return PcsHelp.usage(null);
    }
}
