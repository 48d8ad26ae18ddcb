package io.vigil.agent.filesystem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the processes that keep a mount point busy by scanning {@code /proc/<pid>/{cwd,root,exe,fd/*}} and
 * {@code /proc/<pid>/maps}: only processes this node's PID namespace can see, never the whole machine.
 */
final class Holders {

    private Holders() {
    }

    static List<Long> of(String directory) {
        List<Long> pids = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != self && pid != 1 && holds(p, directory)) {
                    pids.add(pid);
                }
            }
        } catch (IOException e) {
            // return what was found
        }
        return pids;
    }

    private static boolean holds(Path proc, String dir) {
        for (String link : new String[] {"cwd", "root", "exe"}) {
            if (under(readLink(proc.resolve(link)), dir)) {
                return true;
            }
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                if (under(readLink(fd), dir)) {
                    return true;
                }
            }
        } catch (IOException e) {
            // gone or not ours
        }
        try {
            for (String l : Files.readAllLines(proc.resolve("maps"))) {
                int slash = l.indexOf('/');
                if (slash >= 0 && under(l.substring(slash), dir)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return false;
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    static boolean under(String path, String dir) {
        if (path.endsWith(" (deleted)")) {
            path = path.substring(0, path.length() - " (deleted)".length());
        }
        return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
    }
}
