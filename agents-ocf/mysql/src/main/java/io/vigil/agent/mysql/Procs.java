package io.vigil.agent.mysql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Pid files and process states, zombies counted as dead (TESTBED.md hazard 3). */
final class Procs {

    private Procs() {
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            String s = Files.readString(pidFile).strip();
            return s.matches("\\d{1,10}") ? OptionalLong.of(Long.parseLong(s)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The state letter from {@code /proc/<pid>/stat}, '-' when the process does not exist. */
    static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return '-';
        }
    }

    /** Alive: exists and is neither a zombie nor dead. */
    static boolean alive(long pid) {
        char s = state(pid);
        return s != '-' && s != 'Z' && s != 'X' && s != 'x';
    }
}
