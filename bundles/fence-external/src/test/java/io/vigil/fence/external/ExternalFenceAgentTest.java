package io.vigil.fence.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.api.agent.ExecStatus;
import io.vigil.api.fence.FenceAction;
import io.vigil.api.fence.FenceRequest;
import io.vigil.api.fence.FenceResult;

/**
 * fence_external against a real RHCS-style fence program: a shell script written by the test that speaks the
 * protocol (options on standard input, {@code -o metadata}, exit 0/1/2) and "powers off" a node by killing the
 * process whose pid is in {@code <dir>/<port>.pid} — a real power switch cannot exist on this machine.
 */
class ExternalFenceAgentTest {

    @TempDir
    Path dir;

    private Path bin;
    private FenceRegistry registry;
    private final Map<String, ExternalFenceAgent> registered = new HashMap<>();

    private static final String SCRIPT = """
            #!/bin/sh
            dir=$(dirname "$0")
            if [ "$1" = "-o" ] && [ "$2" = "metadata" ]; then
              cat <<'XML'
            <?xml version="1.0" ?>
            <resource-agent name="fence_testpdu" shortdesc="Test power switch">
            <longdesc>Kills a test node's process.</longdesc>
            <parameters>
              <parameter name="action" unique="0" required="1"><content type="string" default="reboot"/><shortdesc lang="en">Fencing action</shortdesc></parameter>
              <parameter name="ipaddr" unique="0" required="1"><content type="string"/><shortdesc lang="en">Switch address</shortdesc></parameter>
              <parameter name="port" unique="0" required="0"><content type="string"/><shortdesc lang="en">Plug</shortdesc></parameter>
            </parameters>
            <actions><action name="on"/><action name="off"/><action name="status"/><action name="list"/><action name="monitor"/><action name="metadata"/></actions>
            </resource-agent>
            XML
              exit 0
            fi
            cat > "$dir/last-input"
            action=$(sed -n 's/^action=//p' "$dir/last-input")
            port=$(sed -n 's/^port=//p' "$dir/last-input")
            case "$action" in
              off|reboot) [ -f "$dir/$port.pid" ] && kill -9 "$(cat "$dir/$port.pid")" 2>/dev/null; rm -f "$dir/$port.pid"; exit 0 ;;
              status) [ -f "$dir/$port.pid" ] && exit 0; exit 2 ;;
              list) for f in "$dir"/*.pid; do [ -e "$f" ] && basename "$f" .pid | sed 's/$/,alias/'; done; exit 0 ;;
              monitor) exit 0 ;;
              hang) sleep 300 & echo $! > "$dir/hang-child"; wait ;;
              *) echo "unknown action $action" >&2; exit 1 ;;
            esac
            """;

    @BeforeEach
    void install() throws Exception {
        bin = Files.createDirectory(dir.resolve("sbin"));
        Path script = bin.resolve("fence_testpdu");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("fence_not_executable"), "#!/bin/sh\n");
        registry = new FenceRegistry(bin, (name, agent) -> {
            registered.put(name, agent);
            return () -> registered.remove(name);
        });
        registry.rescan();
    }

    private FenceResult run(FenceAction action, String target, Map<String, String> params) {
        return registered.get("fence_testpdu").execute(new FenceRequest("pdu1", action, target, params,
                Duration.ofSeconds(10)));
    }

    @Test
    void everyExecutableFenceProgramIsAnAgentDescribedByItsMetadata() {
        assertEquals(List.of("fence_testpdu"), List.copyOf(registered.keySet()));
        var md = registered.get("fence_testpdu").metadata();
        assertEquals("Test power switch", md.shortDescription());
        assertTrue(md.parameter("ipaddr").orElseThrow().required());
        assertFalse(md.parameter("port").orElseThrow().required());
    }

    @Test
    void offPowersTheTargetOffThroughTheStdinProtocol() throws Exception {
        Process victim = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(bin.resolve("n2.pid"), victim.pid() + "\n");
            Map<String, String> params = Map.of("ipaddr", "192.0.2.1", "pcmk_host_list", "n1 n2");
            assertTrue(run(FenceAction.STATUS, "n2", params).isSuccess(), "on before");
            assertEquals(List.of("n2"), run(FenceAction.LIST, null, params).targets());
            FenceResult off = run(FenceAction.OFF, "n2", params);
            assertTrue(off.isSuccess(), off.output());
            assertTrue(victim.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the victim is dead");
            assertEquals(FenceResult.STATUS_OFF, run(FenceAction.STATUS, "n2", params).exitCode());
            String input = Files.readString(bin.resolve("last-input"));
            assertEquals("action=status\nipaddr=192.0.2.1\nport=n2\n", input, "pcmk_* options are not passed");
        } finally {
            victim.destroyForcibly();
        }
    }

    @Test
    void shellMetacharactersArePassedLiterallyAndLineBreaksAreRefused() throws Exception {
        Path pwned = dir.resolve("pwned");
        FenceResult r = run(FenceAction.MONITOR, null, Map.of("ipaddr", "1.2.3.4; touch " + pwned + " $(touch "
                + pwned + ")"));
        assertTrue(r.isSuccess(), r.output());
        assertFalse(Files.exists(pwned), "nothing was executed");
        assertTrue(Files.readString(bin.resolve("last-input")).contains("ipaddr=1.2.3.4; touch " + pwned));
        FenceResult smuggled = run(FenceAction.OFF, "n2", Map.of("ipaddr", "1.2.3.4\naction=monitor"));
        assertFalse(smuggled.isSuccess());
        assertTrue(smuggled.output().contains("parameter ipaddr"), smuggled.output());
    }

    @Test
    void aHangingProgramTimesOutAndItsTreeIsKilled() throws Exception {
        // the test script treats action=hang as a program that never answers; reach it through the option line
        FenceAction action = FenceAction.MONITOR;
        Path script = bin.resolve("fence_testpdu");
        Files.writeString(script, SCRIPT.replace("monitor) exit 0 ;;", "monitor) sleep 300 & echo $! > "
                + "\"$dir/hang-child\"; wait ;;"));
        FenceResult r = registered.get("fence_testpdu").execute(new FenceRequest("pdu1", action, null,
                Map.of("ipaddr", "x"), Duration.ofMillis(500)));
        assertEquals(ExecStatus.TIMED_OUT, r.status(), r.output());
        long child = Long.parseLong(Files.readString(bin.resolve("hang-child")).strip());
        long end = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the program's child died");
    }

    @Test
    void aMissingProgramIsNotInstalledAndAVanishedOneIsUnregistered() throws Exception {
        ExternalFenceAgent a = registered.get("fence_testpdu");
        Files.delete(bin.resolve("fence_testpdu"));
        FenceResult r = a.execute(new FenceRequest("pdu1", FenceAction.MONITOR, null, Map.of(), Duration.ofSeconds(5)));
        assertEquals(ExecStatus.NOT_INSTALLED, r.status(), r.output());
        registry.rescan();
        assertTrue(registered.isEmpty());
    }
}
