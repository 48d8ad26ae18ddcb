package io.vigil.fence.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigil.api.fence.FenceAction;
import io.vigil.api.fence.FenceRequest;
import io.vigil.api.fence.FenceResult;

import io.vigil.executor.process.ProcessState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilProcessFenceAgentTest {

    @TempDir
    Path dir;

    private final VigilProcessFenceAgent agent = new VigilProcessFenceAgent();

    private FenceResult run(FenceAction action, String target) {
        return agent.execute(new FenceRequest("f1", action, target, Map.of("pid_dir", dir.toString()),
                Duration.ofSeconds(10)));
    }

    @Test
    void offKillsTheWholeProcessTreeAndStatusFollows() throws Exception {
        Path child = dir.resolve("child");
        Process p = new ProcessBuilder("sh", "-c", "sleep 300 & echo $! > " + child + "; wait").start();
        try {
            Files.writeString(dir.resolve("n1.pid"), p.pid() + "\n");
            long end = System.nanoTime() + 10_000_000_000L;
            while ((!Files.exists(child) || Files.readString(child).isBlank()) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            long grandchild = Long.parseLong(Files.readString(child).strip());
            assertTrue(run(FenceAction.STATUS, "n1").isSuccess(), "on");
            assertEquals(List.of("n1"), run(FenceAction.LIST, null).targets());
            FenceResult off = run(FenceAction.OFF, "n1");
            assertTrue(off.isSuccess(), off.output());
            p.waitFor();
            end = System.nanoTime() + 10_000_000_000L;
            while (ProcessState.alive(grandchild) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertFalse(ProcessState.alive(grandchild), "the node's children are gone too");
            assertEquals(FenceResult.STATUS_OFF, run(FenceAction.STATUS, "n1").exitCode());
            assertTrue(run(FenceAction.REBOOT, "n1").isSuccess(), "off again: already off");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badConfigurationIsAFailureNamingTheParameter() {
        FenceResult r = agent.execute(new FenceRequest("f1", FenceAction.OFF, "n1", Map.of(),
                Duration.ofSeconds(1)));
        assertFalse(r.isSuccess());
        assertTrue(r.output().contains("pid_dir"), r.output());
        assertFalse(run(FenceAction.ON, "n1").isSuccess());
        assertTrue(run(FenceAction.OFF, "../etc/passwd").isSuccess(), "no such node is off; no path escapes");
    }
}
