package io.vigil.agent.ocfbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.agent.dummy.DummyAgent;
import io.vigil.agent.testkit.MemoryAttributes;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge running Debian's real {@code pacemaker/Dummy} and {@code pacemaker/Stateful} scripts (file-only agents,
 * so they run in the test JVM with a private run directory), compared with Vigil's Java Dummy agent; the shims
 * carrying Stateful's promotion scores into the attribute service; parameters reaching scripts literally.
 */
class ScriptAgentLocalTest {

    private static final Path OCF = Path.of("/usr/lib/ocf/resource.d");

    @TempDir
    Path tmp;

    private Path run;
    private Path shims;
    private final MemoryAttributes attributes = new MemoryAttributes();
    private LocalRun local;

    @BeforeEach
    void setUp() throws Exception {
        run = Files.createDirectories(tmp.resolve("run"));
        shims = Shims.install(tmp.resolve("shims"));
        local = new LocalRun(run, "n1");
    }

    private ScriptAgent script(String provider, String type) {
        return new ScriptAgent(OCF.resolve(provider).resolve(type), provider, type, Path.of("/usr/lib/ocf"), shims,
                () -> attributes);
    }

    private List<Integer> sequence(ResourceAgent agent, String rsc, Map<String, String> params,
            AgentAction... actions) {
        List<Integer> codes = new ArrayList<>();
        for (AgentAction a : actions) {
            AgentResult r = local.run(agent, rsc, a, params, a == AgentAction.MONITOR ? Duration.ofSeconds(10)
                    : Duration.ZERO);
            assertEquals(ExecStatus.DONE, r.status(), a + ": " + r.output());
            codes.add(r.exitCode().code());
        }
        return codes;
    }

    @Test
    void realDummyScriptGivesTheSameResultsAsTheJavaDummy() {
        AgentAction[] seq = {AgentAction.VALIDATE_ALL, AgentAction.MONITOR, AgentAction.STOP, AgentAction.START,
            AgentAction.START, AgentAction.MONITOR, AgentAction.RELOAD, AgentAction.MONITOR, AgentAction.STOP,
            AgentAction.STOP, AgentAction.MONITOR};
        List<Integer> script = sequence(script("pacemaker", "Dummy"), "d1",
                Map.of("state", run.resolve("script.state").toString()), seq);
        List<Integer> java = sequence(new DummyAgent("Dummy"), "d1",
                Map.of("state", run.resolve("java.state").toString()), seq);
        assertEquals(List.of(0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 7), script);
        assertEquals(script, java);
    }

    @Test
    void metadataOfARealScriptIsParsed() {
        AgentMetadata md = script("heartbeat", "IPaddr2").metadata();
        assertEquals("IPaddr2", md.name());
        assertTrue(md.parameter("ip").orElseThrow().required());
        assertEquals("5", md.parameter("arp_count").orElseThrow().defaultValue());
        assertTrue(md.supports(AgentAction.MONITOR));
        AgentResult raw = local.run(script("heartbeat", "IPaddr2"), "x", AgentAction.META_DATA, Map.of(),
                Duration.ZERO);
        assertTrue(raw.output().contains("<resource-agent name=\"IPaddr2\""), raw.output());
    }

    @Test
    void statefulScriptPromotesAndSetsItsPromotionScoreThroughTheShim() {
        ScriptAgent stateful = script("pacemaker", "Stateful");
        Map<String, String> p = Map.of("state", run.resolve("stateful.state").toString());
        String score = "master-st";
        assertEquals(7, local.run(stateful, "st:0", AgentAction.MONITOR, p, Duration.ZERO).exitCode().code());
        assertTrue(local.run(stateful, "st:0", AgentAction.START, p, Duration.ZERO).isSuccess());
        assertEquals("5", attributes.get("n1", score).orElse(null), "unpromoted score after start");
        assertEquals(0, local.run(stateful, "st:0", AgentAction.MONITOR, p, Duration.ofSeconds(10)).exitCode()
                .code());
        assertTrue(local.run(stateful, "st:0", AgentAction.PROMOTE, p, Duration.ZERO).isSuccess());
        assertEquals("10", attributes.get("n1", score).orElse(null), "promoted score");
        assertEquals(OcfExitCode.RUNNING_PROMOTED, local.run(stateful, "st:0", AgentAction.MONITOR, p,
                Duration.ofSeconds(10)).exitCode());
        assertEquals(OcfExitCode.RUNNING_PROMOTED, local.run(stateful, "st:0", AgentAction.STOP, p,
                Duration.ZERO).exitCode(), "Stateful refuses to stop while promoted");
        assertTrue(local.run(stateful, "st:0", AgentAction.DEMOTE, p, Duration.ZERO).isSuccess());
        assertEquals("5", attributes.get("n1", score).orElse(null));
        assertTrue(local.run(stateful, "st:0", AgentAction.STOP, p, Duration.ZERO).isSuccess());
        assertTrue(attributes.get("n1", score).isEmpty(), "stop deletes the promotion score");
        assertEquals(7, local.run(stateful, "st:0", AgentAction.MONITOR, p, Duration.ZERO).exitCode().code());
    }

    @Test
    void shimsAnswerQueriesFromTheSnapshotAndTheActionsOwnUpdates() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root/test"));
        Path s = root.resolve("query");
        Files.writeString(s, "#!/bin/sh\n"
                + "crm_attribute -N n1 -n seen -G -q > \"$HA_RSCTMP/before\"\n"
                + "attrd_updater -n mine -U \"$OCF_RESKEY_v\" -d 3s\n"
                + "attrd_updater -n mine -Q > \"$HA_RSCTMP/after\"\n"
                + "attrd_updater -n gone -D\n"
                + "exit 0\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        attributes.set("n1", "seen", "42", Duration.ZERO);
        attributes.set("n1", "gone", "x", Duration.ZERO);
        ScriptAgent a = new ScriptAgent(s, "test", "query", Path.of("/usr/lib/ocf"), shims, () -> attributes);
        AgentResult r = local.run(a, "q", AgentAction.START, Map.of("v", "a b\"c'$(x)"), Duration.ZERO);
        assertTrue(r.isSuccess(), r.output());
        assertEquals("42\n", Files.readString(run.resolve("before")));
        assertEquals("name=\"mine\" host=\"n1\" value=\"a b\"c'$(x)\"\n", Files.readString(run.resolve("after")));
        assertEquals("a b\"c'$(x)", attributes.get("n1", "mine").orElseThrow());
        assertEquals(Duration.ofSeconds(3), attributes.dampen("n1", "mine"));
        assertTrue(attributes.get("n1", "gone").isEmpty());
        try (var files = Files.list(run.resolve("vigil-attr"))) {
            assertEquals(0, files.count(), "channel files are removed after the action");
        }
    }

    @Test
    void parametersReachTheScriptLiterallyNeverThroughAShell() throws Exception {
        Path pwned = tmp.resolve("pwned");
        Path root = Files.createDirectories(tmp.resolve("root/test"));
        Path s = root.resolve("echo");
        Files.writeString(s, "#!/bin/sh\nprintf '%s' \"$OCF_RESKEY_ip\" > \"$HA_RSCTMP/seen\"\n"
                + "printf '%s' \"$OCF_RESKEY_CRM_meta_target_role\" > \"$HA_RSCTMP/meta\"\nexit 0\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        String evil = "1.2.3.4; touch " + pwned + " $(touch " + pwned + ") `touch " + pwned + "`";
        ScriptAgent a = new ScriptAgent(s, "test", "echo", Path.of("/usr/lib/ocf"), shims, () -> attributes);
        AgentResult r = local.run(a, "e", AgentAction.START, Map.of("ip", evil), Duration.ZERO);
        assertTrue(r.isSuccess(), r.output());
        assertEquals(evil, Files.readString(run.resolve("seen")));
        assertFalse(Files.exists(pwned));
        AgentResult bad = local.run(a, "e", AgentAction.START, Map.of("a=b", "x"), Duration.ZERO);
        assertEquals(OcfExitCode.ERR_CONFIGURED, bad.exitCode());
        assertTrue(bad.output().contains("a=b"), bad.output());
    }

    @Test
    void exitCodesTimeoutsAndMissingScripts() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root/test"));
        Path s = root.resolve("codes");
        Files.writeString(s, "#!/bin/sh\ncase \"$1\" in start) exit 190;; stop) exit 42;; "
                + "monitor) sleep 30 & sleep 30; exit 0;; esac\nexit 3\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScriptAgent a = new ScriptAgent(s, "test", "codes", Path.of("/usr/lib/ocf"), shims, () -> attributes);
        assertEquals(OcfExitCode.DEGRADED, local.run(a, "c", AgentAction.START, Map.of(), Duration.ZERO)
                .exitCode());
        assertEquals(OcfExitCode.ERR_GENERIC, local.run(a, "c", AgentAction.STOP, Map.of(), Duration.ZERO)
                .exitCode());
        assertEquals(OcfExitCode.ERR_UNIMPLEMENTED, local.run(a, "c", AgentAction.NOTIFY, Map.of(),
                Duration.ZERO).exitCode());
        AgentResult slow = a.execute(new io.vigil.api.agent.ActionRequest("c", AgentAction.MONITOR, Map.of(),
                Map.of(), Duration.ofMillis(300), Duration.ZERO, new io.vigil.api.agent.AgentEnvironment() {
                    @Override
                    public String nodeName() {
                        return "n1";
                    }

                    @Override
                    public Path runDirectory() {
                        return run;
                    }
                }));
        assertEquals(ExecStatus.TIMED_OUT, slow.status());
        Files.delete(s);
        assertEquals(OcfExitCode.ERR_INSTALLED, local.run(a, "c", AgentAction.START, Map.of(), Duration.ZERO)
                .exitCode());
    }
}
