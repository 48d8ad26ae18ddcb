package io.vigil.agent.drbd;

import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.api.agent.AgentAction;

import org.junit.jupiter.api.Test;

/**
 * The bridge running Pacemaker's real {@code Stateful} script (node b) and the Java DRBD agent (node a, against the
 * DRBD stand-in described in {@link DrbdAgentTest}: no kernel module here) give the same exit codes for the same
 * promotable sequence, and both publish and withdraw a promotion score {@code master-<rsc>} at the same points
 * (values differ by design: Stateful 5/10, DRBD from adjust_master_score).
 */
class PromotableConformanceTest {

    private static final AgentAction[] SEQUENCE = {AgentAction.MONITOR, AgentAction.START, AgentAction.START,
        AgentAction.MONITOR, AgentAction.PROMOTE, AgentAction.MONITOR, AgentAction.PROMOTE, AgentAction.DEMOTE,
        AgentAction.MONITOR, AgentAction.NOTIFY, AgentAction.STOP, AgentAction.MONITOR, AgentAction.STOP};

    @Test
    void statefulScriptAndJavaDrbdAgree() throws Exception {
        try (Lab lab = Lab.network("a", "b")) {
            Node a = lab.node("a");
            Node b = lab.node("b");
            Path bin = Files.createDirectories(a.dir().resolve("fake-drbd"));
            for (String f : List.of("drbdadm", "drbdsetup")) {
                try (InputStream in = getClass().getResourceAsStream("/fake-drbd/" + f)) {
                    Files.write(bin.resolve(f), in.readAllBytes());
                }
                Files.setPosixFilePermissions(bin.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path conf = a.dir().resolve("drbd.conf");
            Files.writeString(conf, "resource r0 {\n  device /dev/drbd0;\n  disk /dev/vigil-none;\n"
                    + "  meta-disk internal;\n  on a { node-id 0; address " + a.v4() + ":7789; }\n"
                    + "  on b { node-id 1; address " + b.v4() + ":7789; }\n}\n");
            List<String> java = new ArrayList<>();
            List<String> script = new ArrayList<>();
            Map<String, String> dp = params("drbd_resource", "r0", "drbdconf", conf.toString());
            Map<String, String> sp = params("state", b.runDirectory().resolve("stateful.state").toString());
            try (AgentHandle drbd = a.agent(Map.of("PATH", bin + ":" + System.getenv("PATH")),
                    DrbdAgent.class.getName()).resource("ms:0");
                    AgentHandle stateful = b.agent(StatefulScriptFactory.class.getName(),
                            b.dir().resolve("shims").toString()).resource("ms:0")) {
                for (AgentAction action : SEQUENCE) {
                    java.add(action + "=" + drbd.run(action, dp).exitCode().code() + " score="
                            + drbd.attributes().containsKey("master-ms"));
                    script.add(action + "=" + stateful.run(action, sp).exitCode().code() + " score="
                            + stateful.attributes().containsKey("master-ms"));
                }
            }
            assertEquals(script, java);
            assertEquals("monitor=8 score=true", java.get(5));
        }
    }
}
