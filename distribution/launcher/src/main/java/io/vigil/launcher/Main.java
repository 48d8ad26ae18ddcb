package io.vigil.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code vigil} command line. {@code bin/vigil} runs this class with the installation folder in the system
 * property {@code vigil.home}.
 */
public final class Main {

    private static final String USAGE = String.join("\n",
            "usage: vigil COMMAND [ARGS]",
            "  node --config FILE             run one node in the foreground (SIGTERM stops it cleanly)",
            "  shell --port PORT [COMMAND]    run COMMAND (or each line of standard input) on a running node",
            "  demo [--nodes N] [--dir DIR] [--detach]   run a local demo cluster (default 3 nodes in ./vigil-demo)",
            "  demo --stop [--dir DIR]        stop a detached demo cluster",
            "  shell --dir DIR [--node NAME] [COMMAND]   run a command on a demo node",
            "  keygen FILE                    write a new random cluster key (mode 0400)",
            "  verify FILE...                 check CIB files (JSON or Pacemaker XML), like crm_verify -x",
            "  convert FILE --to json|xml     print a CIB file in the other format",
            "  simulate FILE [OPTIONS]        run the scheduler on a CIB file, like crm_simulate -S (see simulate --help)",
            "  help                           this text");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
                out.println(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
            switch (args[0]) {
                case "node":
                    return node(rest);
                case "shell":
                    return shell(rest, out, err);
                case "demo":
                    return demo(rest, out, err);
                case "keygen":
                    return io.vigil.messaging.tool.KeyGen.run(rest.toArray(String[]::new), out, err);
                case "simulate":
                    return io.vigil.scheduler.tool.Simulate.run(rest.toArray(String[]::new), out, err);
                case "verify":
                    // The CIB's validation plus what scheduling it shows (like crm_verify, which runs the scheduler).
                    return io.vigil.cib.tool.CibTool.run(args, out, err, new SchedulerChecks(java.time.Instant.now()));
                case "convert":
                    return io.vigil.cib.tool.CibTool.run(args, out, err);
                default:
                    throw new UsageException("unknown command '" + args[0] + "' (see 'vigil help')");
            }
        } catch (UsageException e) {
            err.println("vigil: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static int node(List<String> args) throws UsageException {
        String config = option(args, "--config");
        if (config == null) {
            throw new UsageException("node needs --config FILE");
        }
        expectNoMore(args, "node");
        return new NodeLauncher(NodeConfig.load(Path.of(config)), home()).run();
    }

    private static int shell(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        String port = null;
        String dir = null;
        String node = null;
        // Options come first; everything after them is the command, passed on untouched.
        while (!args.isEmpty() && args.get(0).startsWith("--")) {
            List<String> head = args.subList(0, Math.min(2, args.size()));
            String name = head.get(0).split("=", 2)[0];
            switch (name) {
                case "--port" -> port = option(head, "--port");
                case "--dir" -> dir = option(head, "--dir");
                case "--node" -> node = option(head, "--node");
                default -> throw new UsageException("shell: unknown option '" + name + "'");
            }
        }
        if (port == null && dir != null) {
            port = Integer.toString(Demo.port(Path.of(dir), node));
        }
        if (port == null) {
            throw new UsageException("shell needs --port PORT (the node's commandPort) or --dir DIR of a demo");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number, not '" + port + "'");
        }
        String command = args.isEmpty() ? null : String.join(" ", args);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new ShellClient(p, out, err).run(command, stdin);
    }

    private static int demo(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        String dir = option(args, "--dir");
        String nodes = option(args, "--nodes");
        boolean detach = args.remove("--detach");
        boolean stop = args.remove("--stop");
        expectNoMore(args, "demo");
        Demo demo = new Demo(home(), Path.of(dir == null ? "vigil-demo" : dir), out, err);
        if (stop) {
            return demo.stop();
        }
        int n;
        try {
            n = nodes == null ? 3 : Integer.parseInt(nodes);
        } catch (NumberFormatException e) {
            throw new UsageException("--nodes needs a number, not '" + nodes + "'");
        }
        return demo.start(n, detach);
    }

    /** Removes {@code name VALUE} (or {@code name=VALUE}) from the arguments and returns the value. */
    static String option(List<String> args, String name) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                args.remove(i);
                return args.remove(i);
            }
            if (a.startsWith(name + "=")) {
                args.remove(i);
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void expectNoMore(List<String> args, String command) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException(command + ": unexpected argument '" + args.get(0) + "'");
        }
    }

    private static Path home() throws UsageException {
        String home = System.getProperty("vigil.home");
        if (home == null) {
            throw new UsageException("system property vigil.home is not set: start Vigil through bin/vigil");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }
}
