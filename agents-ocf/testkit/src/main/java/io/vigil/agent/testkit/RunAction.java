package io.vigil.agent.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentEnvironment;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;

/**
 * A test-only main that makes a Java agent look like an OCF script: {@code RunAction <agent class> <action>
 * [factory args]} reads {@code OCF_RESOURCE_INSTANCE}, {@code OCF_RESKEY_<param>}, {@code OCF_RESKEY_CRM_meta_*},
 * {@code OCF_CHECK_LEVEL} and {@code HA_RSCTMP} from the environment, runs the action once, prints the agent's
 * output and exits with its OCF exit code. {@link OcfTester} wraps it in a shell script for {@code ocf-tester}.
 */
public final class RunAction {

    private RunAction() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        AgentAction action = AgentAction.fromOcfName(args.length > 1 ? args[1] : "").orElse(null);
        if (action == null) {
            System.err.println("unknown action " + (args.length > 1 ? args[1] : "(none)"));
            System.exit(OcfExitCode.ERR_UNIMPLEMENTED.code());
        }
        ResourceAgent agent = Agents.create(args[0], new MemoryAttributes(),
                Arrays.asList(args).subList(2, args.length));
        Map<String, String> params = new HashMap<>();
        Map<String, String> meta = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("OCF_RESKEY_CRM_meta_")) {
                meta.put(k.substring("OCF_RESKEY_CRM_meta_".length()), v);
            } else if (k.startsWith("OCF_RESKEY_")) {
                params.put(k.substring("OCF_RESKEY_".length()), v);
            }
        });
        if (env.containsKey("OCF_CHECK_LEVEL")) {
            params.put("OCF_CHECK_LEVEL", env.get("OCF_CHECK_LEVEL"));
        }
        Path run = Path.of(env.getOrDefault("HA_RSCTMP", "/run/resource-agents"));
        String node = meta.getOrDefault("on_node", hostName());
        AgentEnvironment environment = new TestEnvironment(node, run);
        Duration timeout = Duration.ofMillis(millis(meta.get("timeout"), 20000));
        Duration interval = Duration.ofMillis(millis(meta.get("interval"), 0));
        AgentResult r = agent.execute(new ActionRequest(env.getOrDefault("OCF_RESOURCE_INSTANCE", "rsc"), action,
                params, meta, timeout, interval, environment));
        if (!r.output().isEmpty()) {
            System.out.println(r.output());
        }
        System.out.flush();
        System.exit(r.exitCode().code());
    }

    private static long millis(String v, long dflt) {
        try {
            return v == null ? dflt : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
