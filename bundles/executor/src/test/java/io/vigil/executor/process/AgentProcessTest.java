package io.vigil.executor.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentProcessTest {

    @TempDir
    Path dir;

    private static boolean alive(long pid) {
        // /proc/<pid>/stat state Z counts as dead (TESTBED hazard 3: zombies look alive)
        Path stat = Path.of("/proc/" + pid + "/stat");
        try {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitDead(long pid) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (alive(pid) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertFalse(alive(pid), "process " + pid + " is still alive");
    }

    @Test
    void capturesOutputAndExitCode() throws Exception {
        AgentProcess.Outcome o = AgentProcess.run(List.of("sh", "-c", "echo out; echo err >&2; exit 7"), Map.of(),
                null, Duration.ofSeconds(10));
        assertEquals(7, o.exitCode());
        assertEquals("out\n", o.stdout());
        assertEquals("err\n", o.stderr());
        assertTrue(o.completed());
    }

    @Test
    void parametersAreNeverInterpretedByAShell() throws Exception {
        Path pwned = dir.resolve("pwned");
        String evil = "1.2.3.4; touch " + pwned;
        AgentProcess.Outcome o = AgentProcess.run(List.of("printenv", "OCF_RESKEY_ip"), Map.of("OCF_RESKEY_ip",
                evil), null, Duration.ofSeconds(10));
        assertEquals(evil + "\n", o.stdout());
        AgentProcess.Outcome arg = AgentProcess.run(List.of("echo", evil), Map.of(), null, Duration.ofSeconds(10));
        assertEquals(evil + "\n", arg.stdout());
        assertFalse(Files.exists(pwned));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        // the script starts a grandchild that keeps stdout open, then hangs itself
        String script = "sleep 300 & echo $! > " + pids + "; echo started; sleep 300";
        long t0 = System.nanoTime();
        AgentProcess.Outcome o = AgentProcess.run(List.of("sh", "-c", script), Map.of(), null,
                Duration.ofMillis(500));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(o.timedOut());
        assertEquals("started\n", o.stdout(), "output before the timeout is kept");
        assertTrue(took < 10_000, "returned promptly after the timeout, took " + took + " ms");
        awaitDead(Long.parseLong(Files.readString(pids).strip()));
    }

    @Test
    void interruptingTheCallerKillsTheTreeAndKeepsTheInterrupt() throws Exception {
        Path pids = dir.resolve("pids");
        CompletableFuture<AgentProcess.Outcome> result = new CompletableFuture<>();
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(AgentProcess.run(List.of("sh", "-c", "sleep 300 & echo $! > " + pids
                        + "; wait"), Map.of(), null, Duration.ofSeconds(60)));
                flag.complete(Thread.currentThread().isInterrupted());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((!Files.exists(pids) || Files.readString(pids).isBlank()) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        t.interrupt();
        AgentProcess.Outcome o = result.get(20, TimeUnit.SECONDS);
        assertTrue(o.interrupted());
        assertTrue(flag.get(5, TimeUnit.SECONDS), "the interrupt flag is set again");
        awaitDead(Long.parseLong(Files.readString(pids).strip()));
    }
}
