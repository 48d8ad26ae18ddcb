package io.vigil.shell.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.LrmResource;
import io.vigil.cib.model.LrmRscOp;
import io.vigil.cib.model.Node;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.AgentParameters;
import io.vigil.cib.validate.Validator;
import io.vigil.shell.pcs.PcsContext;
import io.vigil.shell.pcs.PcsParser;
import io.vigil.shell.pcs.PcsRequest;
import io.vigil.shell.syntax.Tokenizer;

/**
 * A CIB that test commands are applied to with the real change engine and validator ({@link CibChanges}), as the
 * replicated CIB applies them on a node. The installed agents are a fixed table of real agents' names and the
 * parameters their metadata declares (test data: no agent bundle runs here).
 */
public final class CibFixture {

    public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static final Map<AgentId, AgentMetadata> AGENTS = new LinkedHashMap<>();

    static {
        agent("ocf:heartbeat:IPaddr2", List.of(param("ip", true), param("cidr_netmask", false),
                param("nic", false)), 10);
        agent("ocf:heartbeat:Filesystem", List.of(param("device", true), param("directory", true),
                param("fstype", true), param("options", false)), 20);
        agent("ocf:pacemaker:ping", List.of(param("host_list", true), param("timeout", false),
                param("attempts", false), param("multiplier", false), param("name", false),
                param("dampen", false)), 10);
        agent("ocf:pacemaker:Dummy", List.of(param("state", false), param("fake", false)), 10);
        agent("ocf:heartbeat:Dummy", List.of(param("state", false), param("fake", false)), 10);
        agent("ocf:heartbeat:apache", List.of(param("configfile", false), param("statusurl", false)), 10);
        agent("ocf:linbit:drbd", List.of(param("drbd_resource", true)), 20);
        agent("stonith:fence_vigil_process", List.of(param("pid_dir", false), param("pcmk_host_list", false)), 60);
    }

    private static void agent(String id, List<ParameterSpec> params, int monitorSeconds) {
        AGENTS.put(AgentId.parse(id), new AgentMetadata(id, "1.0", id + " agent", "", params, List.of(
                ActionSpec.of(AgentAction.START, Duration.ofSeconds(20)),
                ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(20),
                        Duration.ofSeconds(monitorSeconds)))));
    }

    private static ParameterSpec param(String name, boolean required) {
        return new ParameterSpec(name, "string", required, false, null, name, name);
    }

    public static final AgentCatalog CATALOG = (standard, provider, type) -> {
        AgentId id;
        try {
            id = new AgentId(standard, provider, type);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(AGENTS.get(id)).map(md -> new AgentParameters(md.parameters().stream()
                .map(p -> new AgentParameters.Parameter(p.name(), p.required())).toList()));
    };

    private CibSnapshot cib;
    private int callId = 1;

    public CibFixture(String... nodes) {
        List<Node> ns = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            ns.add(new Node(Integer.toString(i + 1), nodes[i], "member", null, null, Map.of(), null, null));
        }
        cib = new CibSnapshot(null, Map.of(), io.vigil.cib.model.Configuration.EMPTY.withNodes(ns), null);
    }

    public CibSnapshot cib() {
        return cib;
    }

    public PcsContext context() {
        return new PcsContext(cib, new TreeSet<>(AGENTS.keySet()), id -> Optional.ofNullable(AGENTS.get(id)),
                "n1", NOW);
    }

    /** Parses a pcs line against the current CIB. */
    public PcsRequest pcs(String line) {
        return PcsParser.parse(Tokenizer.split(line), context());
    }

    /** Parses and applies a pcs line; fails when it is not a change. */
    public PcsRequest.Change run(String line) {
        PcsRequest r = pcs(line);
        if (!(r instanceof PcsRequest.Change c)) {
            throw new AssertionError("'" + line + "' is not a change: " + r);
        }
        apply(c.changes());
        return c;
    }

    /** Applies changes atomically with the real change engine; throws its exception when they are rejected. */
    public CibSnapshot apply(List<CibChange> changes) {
        try {
            cib = new CibChanges(Validator.forChanges(CATALOG)).apply(cib, null, changes);
            return cib;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The node joined: in_ccm, crmd online, as the controller records it. */
    public void online(String node) {
        apply(List.of(new CibChange.SetNodeState(node, node, Map.of("in_ccm", "true", "crmd", "online",
                "join", "member", "expected", "member"))));
    }

    /** The executor ran {@code operation} of a primitive on a node with this result. */
    public void ran(String node, String rsc, String agent, String operation, int rc) {
        AgentId a = AgentId.parse(agent);
        Map<String, String> op = new LinkedHashMap<>();
        op.put("id", rsc + "_last_0");
        op.put("operation", operation);
        op.put("operation_key", rsc + "_" + operation + "_0");
        op.put("call-id", Integer.toString(callId++));
        op.put("rc-code", Integer.toString(rc));
        op.put("op-status", "0");
        op.put("interval", "0");
        op.put("on_node", node);
        apply(List.of(new CibChange.RecordOperation(node, new LrmResource(rsc, a.standard(), a.provider(),
                a.type(), Map.of(), List.of()), new LrmRscOp(op))));
    }
}
