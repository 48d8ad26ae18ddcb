package io.vigil.executor.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Pid files and process states as agents need them: a zombie counts as dead (its /proc entry outlives it until it
 * is reaped, TESTBED.md hazard 3), so liveness is read from the state in /proc/PID/stat, not from its existence.
 */
public final class ProcessState {

    private ProcessState() {
    }

    public static OptionalLong readPid(Path pidFile) {
        try {
            String s = Files.readString(pidFile).strip();
            return s.matches("\\d{1,10}") ? OptionalLong.of(Long.parseLong(s)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The state letter from {@code /proc/<pid>/stat}, '-' when the process does not exist. */
    public static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return '-';
        }
    }

    /** Alive: exists and is neither a zombie nor dead. */
    public static boolean alive(long pid) {
        char s = state(pid);
        return s != '-' && s != 'Z' && s != 'X' && s != 'x';
    }
}
