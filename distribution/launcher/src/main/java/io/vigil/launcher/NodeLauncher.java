package io.vigil.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Runs one Vigil node in the foreground: checks the config and the command port, starts Felix with the node's
 * bundles, and stops the framework cleanly on SIGTERM (so components deactivate and the node leaves its cluster
 * gracefully) before exiting 0.
 */
final class NodeLauncher {

    private static final Logger LOG = Logger.getLogger(NodeLauncher.class.getName());
    private static final long STOP_TIMEOUT_MS = 30_000;
    private static final int AGENT_LEVEL = 2;
    private static final int TOP_LEVEL = 3;

    private final NodeConfig config;
    private final Path home;

    NodeLauncher(NodeConfig config, Path home) {
        this.config = config;
        this.home = home;
    }

    int run() throws UsageException {
        Path bundleDir = home.resolve("lib/bundles");
        List<Path> bundles = bundleJars(bundleDir);
        createDirectories();
        installShippedAgentsOnFirstStart();
        try (FileChannel lockFile = FileChannel.open(config.stateDir().resolve("node.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new UsageException("state directory " + config.stateDir() + " is in use by another running "
                        + "node; stop it first or give this node its own stateDir");
            }
            try (ServerSocket commandSocket = bindCommandPort()) {
                NodeLog.configure(config.stateDir());
                return runFramework(bundles, commandSocket);
            }
        } catch (IOException e) {
            throw new UsageException("cannot use state directory " + config.stateDir() + ": " + e.getMessage());
        }
    }

    private void createDirectories() throws UsageException {
        for (Path dir : List.of(config.stateDir(), config.deployDir())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UsageException("cannot create directory " + dir + " (from node config " + config.file()
                        + "): " + e);
            }
        }
    }

    private void installShippedAgentsOnFirstStart() throws UsageException {
        Path marker = config.stateDir().resolve("shipped-agents-installed");
        Path shipped = home.resolve("agents");
        if (!config.shippedAgents() || Files.exists(marker) || !Files.isDirectory(shipped)) {
            return;
        }
        try (Stream<Path> jars = Files.list(shipped)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Path target = config.deployDir().resolve(jar.getFileName());
                Path tmp = config.deployDir().resolve("." + jar.getFileName() + ".tmp");
                // copy under a name FileInstall ignores, then rename, so it never sees a half-written jar
                Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Files.writeString(marker, "the shipped agents were copied into " + config.deployDir() + "\n");
        } catch (IOException e) {
            throw new UsageException("cannot install the shipped agents into " + config.deployDir() + ": " + e);
        }
    }

    private static List<Path> bundleJars(Path dir) throws UsageException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new UsageException("no bundles in " + dir + ": the installation is incomplete");
            }
            return jars;
        } catch (IOException e) {
            throw new UsageException("cannot read " + dir + ": the installation is incomplete (" + e + ")");
        }
    }

    private ServerSocket bindCommandPort() throws UsageException {
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.commandPort()), 50);
            return s;
        } catch (BindException e) {
            close(s);
            throw new UsageException("command port " + config.commandPort() + " on 127.0.0.1 is already in use "
                    + "(another node or program holds it); choose another 'commandPort' in " + config.file());
        } catch (IOException e) {
            close(s);
            throw new UsageException("cannot open command port " + config.commandPort() + ": " + e.getMessage());
        }
    }

    private static void close(ServerSocket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    private int runFramework(List<Path> bundles, ServerSocket commandSocket) throws UsageException {
        java.util.concurrent.atomic.AtomicReference<String> fatal = new java.util.concurrent.atomic.AtomicReference<>();
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new UsageException("no OSGi framework on the class path: the installation is "
                        + "incomplete"))
                .newFramework(withLogger(frameworkProperties()));
        try {
            framework.init();
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("vigil.commandPort", config.commandPort());
            framework.getBundleContext().registerService(ServerSocket.class, commandSocket, props);
            // A bundle that finds the node cannot work (e.g. its cluster transport port is taken) reports it here:
            // the node stops and exits non-zero with that one line instead of running on half-started.
            framework.getBundleContext().registerService(java.util.function.Consumer.class,
                    (java.util.function.Consumer<String>) why -> {
                        if (fatal.compareAndSet(null, why)) {
                            new Thread(() -> stop(framework), "vigil-fatal-stop").start();
                        }
                    }, new Hashtable<>(Map.of("vigil.fatal", Boolean.TRUE)));
            List<Bundle> installed = new ArrayList<>();
            for (Path jar : bundles) {
                Bundle b = framework.getBundleContext().installBundle(jar.toUri().toString());
                b.adapt(BundleStartLevel.class).setStartLevel(startLevel(b));
                installed.add(b);
            }
            installed.addAll(installDeployedAgents(framework));
            // Mark every bundle for start before the framework starts: the framework then activates them level by
            // level (platform, agents, controller), so the controller never runs before the agents are there.
            for (Bundle b : installed) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    start(b);
                }
            }
            framework.start();
        } catch (BundleException e) {
            stop(framework);
            throw new UsageException("node " + config.name() + " failed to start: " + e.getMessage(), 1);
        }
        // SIGTERM/SIGINT stop the framework and let main() return 0; a shutdown hook alone would make the JVM
        // exit 143 and race java.util.logging's own hook, losing the last log lines.
        StopSignals.install(() -> new Thread(() -> stop(framework), "vigil-stop").start());
        Thread hook = new Thread(() -> stop(framework), "vigil-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("node " + config.name() + " started (state " + config.stateDir() + ", deploy "
                + config.deployDir() + ", command port 127.0.0.1:" + config.commandPort() + ")");
        try {
            FrameworkEvent event = framework.waitForStop(0);
            if (fatal.get() != null) {
                throw new UsageException(fatal.get(), 2);
            }
            if (event.getType() == FrameworkEvent.ERROR) {
                LOG.log(Level.SEVERE, "framework stopped with an error", event.getThrowable());
                return 1;
            }
            LOG.info("node " + config.name() + " stopped");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            flushLogs();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: it stopped the framework
            }
        }
    }

    /**
     * Installs the agent bundles already in the deploy folder before the framework starts, so the node never runs
     * (or probes) anything before its agents are there. The locations are the files' URIs, as FileInstall makes
     * them, so FileInstall recognises them as its own and keeps managing them (updates, removal).
     */
    private List<Bundle> installDeployedAgents(Framework framework) throws BundleException {
        List<Bundle> agents = new ArrayList<>();
        try (Stream<Path> jars = Files.list(config.deployDir())) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try {
                    Bundle b = framework.getBundleContext().installBundle(jar.toFile().toURI().toString());
                    b.adapt(BundleStartLevel.class).setStartLevel(AGENT_LEVEL);
                    agents.add(b);
                } catch (BundleException e) {
                    LOG.log(Level.SEVERE, "agent bundle " + jar + " cannot be installed: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the deploy folder " + config.deployDir() + ": " + e);
        }
        return agents;
    }

    /**
     * Start levels order shutdown: the controller and the shell (level 3) stop first, while the agents (level 2,
     * from the deploy folder) and the platform (level 1: messaging, CIB, executor) still work, so a stopping node
     * can still stop its resources and tell the cluster. FileInstall starts with the agents, after the platform,
     * so the deploy-folder installer of io.vigil.agents (which defers removing an agent a resource uses) is
     * registered before FileInstall first scans and picks a handler for each jar.
     */
    private static int startLevel(Bundle b) {
        String bsn = b.getSymbolicName();
        if ("org.apache.felix.fileinstall".equals(bsn)) {
            return AGENT_LEVEL;
        }
        return "io.vigil.controller".equals(bsn) || "io.vigil.shell".equals(bsn) ? TOP_LEVEL : 1;
    }

    private static void start(Bundle b) {
        try {
            b.start();
        } catch (BundleException e) {
            LOG.log(Level.SEVERE, "bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    private void stop(Framework framework) {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                LOG.info("node " + config.name() + " stopping");
            }
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException e) {
            LOG.log(Level.WARNING, "stopping the framework failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushLogs();
    }

    private static void flushLogs() {
        for (java.util.logging.Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, config.stateDir().resolve("felix-cache").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("felix.log.level", "2");
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(TOP_LEVEL));
        p.put("felix.fileinstall.start.level", Integer.toString(AGENT_LEVEL));
        p.put("felix.fileinstall.dir", config.deployDir().toString());
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.filter", ".*\\.jar");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.tmpdir", config.stateDir().resolve("fileinstall-tmp").toString());
        p.put("gosh.args", "--nointeractive --noshutdown");
        p.put("vigil.config", config.file().toString());
        p.put("vigil.name", config.name());
        p.put("vigil.stateDir", config.stateDir().toString());
        p.put("vigil.deployDir", config.deployDir().toString());
        p.put("vigil.commandPort", Integer.toString(config.commandPort()));
        p.put("vigil.home", home.toString());
        return p;
    }

    /** Felix takes its logger as an object among the (nominally string) configuration properties. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> withLogger(Map<String, String> props) {
        Map m = new HashMap<>(props);
        m.put("felix.log.logger", new FrameworkLogBridge());
        return m;
    }
}
