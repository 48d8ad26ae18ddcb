package io.vigil.agent.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentEnvironment;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.ResourceAgent;

/**
 * A test-only main that runs inside a test node ({@code nsenter … java … AgentHost <class> <node> <runDir>}) and
 * executes agent actions that {@link AgentHandle} sends over stdin, one per line (see {@link Wire}). It plays the
 * executor's part: it enforces the timeout by interrupting the action, and provides an in-JVM attribute service.
 */
public final class AgentHost {

    private AgentHost() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // agents' stray prints must not corrupt the protocol
        String node = args[1];
        Path run = Path.of(args[2]);
        MemoryAttributes attributes = new MemoryAttributes();
        ResourceAgent agent = Agents.create(args[0], attributes, Arrays.asList(args).subList(3, args.length));
        AgentEnvironment env = new TestEnvironment(node, run);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "agent-action");
            t.setDaemon(true);
            return t;
        });
        out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Map<String, String> req = Wire.decode(line);
            Map<String, String> reply = new LinkedHashMap<>();
            switch (req.getOrDefault("op", "")) {
                case "run" -> reply.putAll(run(agent, worker, env, req));
                case "attrs" -> reply.putAll(attributes.all(req.getOrDefault("node", node)));
                case "setattr" -> attributes.set(req.getOrDefault("node", node), req.get("name"), req.get("value"),
                        Duration.ZERO);
                case "quit" -> {
                    out.println("bye");
                    System.exit(0);
                }
                default -> reply.put("error", "unknown op " + req.get("op"));
            }
            out.println(Wire.encode(reply));
        }
        System.exit(0);
    }

    private static Map<String, String> run(ResourceAgent agent, ExecutorService worker, AgentEnvironment env,
            Map<String, String> req) {
        Map<String, String> params = new HashMap<>();
        Map<String, String> meta = new HashMap<>();
        req.forEach((k, v) -> {
            if (k.startsWith("p.")) {
                params.put(k.substring(2), v);
            } else if (k.startsWith("m.")) {
                meta.put(k.substring(2), v);
            }
        });
        AgentAction action = AgentAction.fromOcfName(req.get("action")).orElseThrow();
        Duration timeout = Duration.ofMillis(Long.parseLong(req.getOrDefault("timeout", "20000")));
        Duration interval = Duration.ofMillis(Long.parseLong(req.getOrDefault("interval", "0")));
        ActionRequest request = new ActionRequest(req.getOrDefault("rsc", "rsc"), action, params, meta, timeout,
                interval, env);
        Future<AgentResult> f = worker.submit(() -> agent.execute(request));
        AgentResult r;
        try {
            r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            r = AgentResult.failed(ExecStatus.TIMED_OUT, action + " timed out after " + timeout);
        } catch (Exception e) {
            r = AgentResult.failed(ExecStatus.ERROR, "agent threw " + e);
        }
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("rc", Integer.toString(r.exitCode().code()));
        reply.put("status", r.status().name());
        reply.put("out", r.output());
        return reply;
    }

    /** The JVM command that runs a main class of the current test class path. */
    static List<String> java(String mainClass) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(javaBin, "-Xshare:auto", "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=error:stderr", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx96m",
                "-cp", classPath(), mainClass);
    }

    /** The test class path (surefire's real one, not its manifest-only booter jar). */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
