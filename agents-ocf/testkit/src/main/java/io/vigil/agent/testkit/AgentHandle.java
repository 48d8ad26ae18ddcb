package io.vigil.agent.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;

/**
 * The test side of an agent running inside a node: each {@link #run} executes one real action in the node's
 * namespaces through {@link AgentHost}. Requests are answered in order; {@link #close()} ends the host JVM.
 */
public final class AgentHandle implements AutoCloseable {

    private final Node node;
    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private String resourceId = "rsc";

    private AgentHandle(Node node, Process process) {
        this.node = node;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static AgentHandle start(Node node, Map<String, String> env, String agentClass, List<String> factoryArgs) {
        List<String> cmd = new ArrayList<>(node.enter());
        cmd.addAll(AgentHost.java(AgentHost.class.getName()));
        cmd.add(agentClass);
        cmd.add(node.name());
        cmd.add(node.runDirectory().toString());
        cmd.addAll(factoryArgs);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(node.dir().resolve("agent-host.log").toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            AgentHandle h = new AgentHandle(node, p);
            String ready = h.out.readLine();
            while (ready != null && !ready.equals("ready")) {
                ready = h.out.readLine(); // JVM chatter before the protocol starts
            }
            if (!"ready".equals(ready)) {
                p.destroyForcibly();
                throw new IllegalStateException("agent host on " + node.name() + " did not start: " + ready
                        + "; see " + node.dir().resolve("agent-host.log"));
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the resource id ({@code OCF_RESOURCE_INSTANCE}) of the following actions; default {@code rsc}. */
    public AgentHandle resource(String id) {
        this.resourceId = id;
        return this;
    }

    /** Runs an action with parameters, default timeout 20 s, as a one-shot (probe for monitor). */
    public AgentResult run(AgentAction action, Map<String, String> params) {
        return run(action, params, Map.of(), Duration.ZERO, Duration.ofSeconds(20));
    }

    /** Runs a recurring-monitor style action (non-zero interval). */
    public AgentResult monitor(Map<String, String> params, Duration interval) {
        return run(AgentAction.MONITOR, params, Map.of(), interval, Duration.ofSeconds(20));
    }

    /** Runs an action with everything explicit. */
    public synchronized AgentResult run(AgentAction action, Map<String, String> params, Map<String, String> meta,
            Duration interval, Duration timeout) {
        Map<String, String> req = new LinkedHashMap<>();
        req.put("op", "run");
        req.put("action", action.ocfName());
        req.put("rsc", resourceId);
        req.put("timeout", Long.toString(timeout.toMillis()));
        req.put("interval", Long.toString(interval.toMillis()));
        params.forEach((k, v) -> req.put("p." + k, v));
        meta.forEach((k, v) -> req.put("m." + k, v));
        Map<String, String> reply = call(req);
        return new AgentResult(ExecStatus.valueOf(reply.get("status")),
                OcfExitCode.of(Integer.parseInt(reply.get("rc"))), reply.get("out"));
    }

    /** The node attributes the agent has set through the host's attribute service. */
    public synchronized Map<String, String> attributes() {
        return call(Map.of("op", "attrs"));
    }

    /** Sets an attribute in the host's attribute service (as another writer would). */
    public synchronized void setAttribute(String name, String value) {
        call(Map.of("op", "setattr", "name", name, "value", value));
    }

    private Map<String, String> call(Map<String, String> req) {
        try {
            in.write(Wire.encode(req));
            in.write('\n');
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("agent host on " + node.name() + " died; see "
                        + node.dir().resolve("agent-host.log"));
            }
            return Wire.decode(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.write(Wire.encode(Map.of("op", "quit")) + "\n");
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Convenience: a parameter map from alternating names and values. */
    public static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
