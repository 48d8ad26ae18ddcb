package io.vigil.agent.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * Runs Debian's {@code ocf-tester} against a Java agent inside a node. The agent is exported as an OCF script: a
 * shell wrapper that execs {@link RunAction} with a copy of the test class path that user {@code nobody} may read
 * (ocf-tester runs {@code meta-data} as nobody).
 */
public final class OcfTester {

    private OcfTester() {
    }

    /** Writes the wrapper script for an agent class into {@code dir} and returns its path. */
    public static Path exportScript(Path dir, String agentClass, List<String> factoryArgs) {
        try {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            List<String> entries = new ArrayList<>();
            int i = 0;
            for (String e : AgentHost.classPath().split(java.io.File.pathSeparator)) {
                if (e.isBlank()) {
                    continue;
                }
                Path src = Path.of(e);
                Path dst = lib.resolve(i++ + "-" + src.getFileName());
                copy(src, dst);
                entries.add(dst.toString());
            }
            List<String> java = new ArrayList<>(AgentHost.java(RunAction.class.getName()));
            int cp = java.indexOf("-cp");
            java.set(cp + 1, String.join(":", entries));
            StringBuilder s = new StringBuilder("#!/bin/sh\n# Exported Vigil Java agent " + agentClass
                    + " (test only)\nexec");
            for (String w : java) {
                s.append(' ').append(quote(w));
            }
            s.append(' ').append(quote(agentClass)).append(" \"$1\"");
            for (String a : factoryArgs) {
                s.append(' ').append(quote(a));
            }
            s.append('\n');
            Path script = dir.resolve(agentClass.substring(agentClass.lastIndexOf('.') + 1));
            Files.writeString(script, s.toString());
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            makeReadable(dir);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ocf-tester -n rsc -o k=v … script} inside the node, with {@code HA_RSCTMP} = its run directory. */
    public static Outcome run(Node node, Path script, String resource, Map<String, String> params) {
        return run(node, script, resource, params, Map.of());
    }

    /** As {@link #run(Node, Path, String, Map)} with extra environment (e.g. a stand-in first on PATH). */
    public static Outcome run(Node node, Path script, String resource, Map<String, String> params,
            Map<String, String> extraEnv) {
        List<String> cmd = new ArrayList<>(List.of("ocf-tester", "-n", resource));
        params.forEach((k, v) -> {
            cmd.add("-o");
            cmd.add(k + "=" + v);
        });
        cmd.add(script.toString());
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("HA_RSCTMP", node.runDirectory().toString());
        env.put("OCF_ROOT", "/usr/lib/ocf");
        return node.exec(cmd, env, Duration.ofMinutes(4));
    }

    private static String quote(String w) {
        if (w.contains("'")) {
            throw new IllegalArgumentException("cannot quote " + w);
        }
        return "'" + w + "'";
    }

    private static void copy(Path src, Path dst) throws IOException {
        if (Files.isDirectory(src)) {
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else if (Files.exists(src)) {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void makeReadable(Path root) throws IOException {
        for (Path p = root; p != null && p.startsWith("/tmp") && !p.equals(Path.of("/tmp")); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
