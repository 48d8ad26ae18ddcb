package io.vigil.executor.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (an OCF script, an init script, a fence agent, {@code ip}, {@code mount} …) the way an
 * agent must: in its own session and process group, so that on timeout or interruption the whole process tree is
 * killed, not just the direct child; with its output captured in files rather than pipes, so a grandchild that
 * keeps the output open (a daemon) cannot block the caller. Parameters are passed as separate arguments or
 * environment variables, never through a shell.
 */
public final class AgentProcess {

    /** What a run produced. */
    public record Outcome(int exitCode, String stdout, String stderr, boolean timedOut, boolean interrupted) {

        /** Whether the program ran to completion (not killed by a timeout or an interruption). */
        public boolean completed() {
            return !timedOut && !interrupted;
        }

        /** stdout and stderr, trimmed, for messages. */
        public String output() {
            String o = stdout.strip();
            String e = stderr.strip();
            return o.isEmpty() ? e : e.isEmpty() ? o : o + "\n" + e;
        }
    }

    /** Output beyond this many bytes per stream is dropped. */
    public static final int MAX_OUTPUT = 64 * 1024;

    private static final Path SETSID = findSetsid();

    private AgentProcess() {
    }

    /**
     * Runs {@code command} with the given extra environment and working directory (may be {@code null}), waits at
     * most {@code timeout}, and kills the whole process group when the timeout expires or the calling thread is
     * interrupted (the interrupt flag is then set again). Standard input is empty.
     *
     * @throws IOException if the program cannot be started at all (e.g. it does not exist)
     */
    public static Outcome run(List<String> command, Map<String, String> environment, Path workingDirectory,
            Duration timeout) throws IOException {
        return run(command, environment, workingDirectory, timeout, null);
    }

    /**
     * As {@link #run(List, Map, Path, Duration)}, with {@code stdin} as the program's standard input (RHCS fence
     * agents read their parameters there); {@code null} for none.
     */
    public static Outcome run(List<String> command, Map<String, String> environment, Path workingDirectory,
            Duration timeout, byte[] stdin) throws IOException {
        List<String> cmd = new ArrayList<>(command.size() + 1);
        if (SETSID != null) {
            cmd.add(SETSID.toString());
        }
        cmd.addAll(command);
        Path out = Files.createTempFile("vigil-agent", ".out");
        Path err = Files.createTempFile("vigil-agent", ".err");
        Path in = stdin == null ? null : Files.createTempFile("vigil-agent", ".in");
        try {
            if (in != null) {
                Files.write(in, stdin);
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(in == null ? new File("/dev/null") : in.toFile()));
            pb.environment().putAll(environment);
            if (workingDirectory != null) {
                pb.directory(workingDirectory.toFile());
            }
            Process p = pb.start();
            boolean timedOut = false;
            boolean interrupted = false;
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    killTree(p);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                killTree(p);
            }
            int code = p.isAlive() ? -1 : p.exitValue();
            Outcome o = new Outcome(code, read(out), read(err), timedOut, interrupted);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return o;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (in != null) {
                Files.deleteIfExists(in);
            }
        }
    }

    /** Kills the process group led by {@code p}, then any descendant that left the group, then {@code p}. */
    static void killTree(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        if (SETSID != null) {
            try {
                Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall through to killing what we can see
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(MAX_OUTPUT);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static Path findSetsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, "setsid");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
