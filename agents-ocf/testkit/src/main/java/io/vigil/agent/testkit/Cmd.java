package io.vigil.agent.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/** Runs set-up commands for tests (never through a shell) with a timeout; {@link #ok} fails on a non-zero exit. */
public final class Cmd {

    /** The default limit for a set-up command. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Cmd() {
    }

    /** Runs a command and returns what it did; a program that cannot be started is an exception. */
    public static Outcome run(List<String> cmd) {
        return run(cmd, Map.of(), TIMEOUT);
    }

    /** Runs a command with extra environment and a timeout. */
    public static Outcome run(List<String> cmd, Map<String, String> env, Duration timeout) {
        try {
            return AgentProcess.run(cmd, env, null, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        }
    }

    /** Runs a command that must succeed and returns its standard output. */
    public static String ok(String... cmd) {
        return ok(List.of(cmd));
    }

    /** Runs a command that must succeed and returns its standard output. */
    public static String ok(List<String> cmd) {
        Outcome o = run(cmd);
        if (!o.completed() || o.exitCode() != 0) {
            throw new IllegalStateException(cmd + " failed (rc " + o.exitCode() + "): " + o.output());
        }
        return o.stdout();
    }

    /** Runs a command whose failure does not matter (clean-up). */
    public static void quietly(String... cmd) {
        try {
            run(List.of(cmd), Map.of(), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // clean-up must go on
        }
    }
}
