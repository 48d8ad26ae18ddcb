package io.vigil.agents;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.executor.api.OperationListener;
import io.vigil.executor.api.OperationRequest;
import io.vigil.executor.api.OperationResult;
import io.vigil.executor.api.ResourceExecutor;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs, updates and removes the bundles of the deploy folder for FileInstall, so that removing the jar of an
 * agent that a resource active on this node uses is <em>deferred</em>: an OSGi uninstall cannot be vetoed, but
 * FileInstall hands every jar an {@link ArtifactInstaller} claims to that installer instead of uninstalling the
 * bundle itself (registered installers are asked before its built-in bundle handling). While a resource uses one
 * of the bundle's agent types, the bundle stays installed and the node log says which resources hold it and what
 * to do; it is uninstalled as soon as the last of them is stopped, and putting the jar back cancels the removal.
 * Jars FileInstall found installed at startup (the launcher installs the deploy folder before the framework
 * starts) reach this installer too: FileInstall looks for a handler when such a jar changes or disappears.
 */
@Component(service = ArtifactInstaller.class, immediate = true)
public final class DeployFolderInstaller implements ArtifactInstaller, OperationListener {

    private static final System.Logger LOG = System.getLogger(DeployFolderInstaller.class.getName());
    /**
     * How long the agents of a bundle whose removal waits must stay unused before it goes: a restart stops and
     * starts a resource within one transition, and removing the agent in between would fail the start.
     */
    static final long GRACE_MS = 3000;

    private final BundleContext context;
    private final ResourceExecutor executor;
    private final Path deployDir;
    private final ResourceUsage usage = new ResourceUsage();
    /** Bundle locations whose jar left the deploy folder while their agents were in use. */
    private final Map<String, Long> pendingRemovals = new HashMap<>();
    /** Pending removals whose deferral the operator has been told about. */
    private final Set<String> warned = new HashSet<>();
    /** The CRC of the jar each location was installed or updated from, to skip no-op updates. */
    private final Map<String, Long> checksums = new HashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-deferred-agent-removal");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DeployFolderInstaller(BundleContext context, @Reference ResourceExecutor executor) {
        this.context = context;
        this.executor = executor;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : real(Path.of(dir));
        for (OperationRequest r : executor.recurring()) {
            usage.assumeActive(r.resourceId(), r.agent()); // monitored now, so active until a result says not
        }
        executor.addListener(this);
    }

    @Deactivate
    void deactivate() {
        executor.removeListener(this);
        retries.shutdownNow();
        synchronized (this) {
            if (!pendingRemovals.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "deferred removal of " + pendingRemovals.keySet()
                        + " abandoned as the agent registry stops; the node starts without them next time");
            }
        }
    }

    @Override
    public void operationCompleted(OperationResult result) {
        OperationRequest r = result.request();
        if (usage.record(r.resourceId(), r.agent(), r.action().ocfName(), result.result().status(),
                result.result().exitCode())) {
            try {
                retries.schedule(this::retryPendingRemovals, GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivated meanwhile
            }
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        if (deployDir == null || !artifact.getName().endsWith(".jar")
                || !deployDir.equals(real(artifact.toPath().toAbsolutePath().getParent()))) {
            return false;
        }
        if (!artifact.exists()) {
            return context.getBundle(location(artifact)) != null; // a bundle we or the launcher installed
        }
        try (JarFile jar = new JarFile(artifact)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) != null;
        } catch (IOException e) {
            return false; // not a jar: FileInstall's own handling reports it
        }
    }

    @Override
    public synchronized void install(File artifact) throws Exception {
        String location = location(artifact);
        warned.remove(location);
        if (pendingRemovals.remove(location) != null) {
            LOG.log(System.Logger.Level.INFO, "removal of agent bundle " + location + " cancelled: its jar is back");
        }
        Bundle b = context.getBundle(location);
        if (b != null) {
            update(artifact);
            return;
        }
        long crc = crc(artifact);
        try (InputStream in = new FileInputStream(artifact)) {
            b = context.installBundle(location, in);
        }
        checksums.put(location, crc);
        String level = context.getProperty("felix.fileinstall.start.level");
        if (level != null) {
            b.adapt(BundleStartLevel.class).setStartLevel(Integer.parseInt(level));
        }
        LOG.log(System.Logger.Level.INFO, "installed agent bundle " + b.getSymbolicName() + " " + b.getVersion()
                + " from " + artifact);
        start(b);
    }

    @Override
    public synchronized void update(File artifact) throws Exception {
        String location = location(artifact);
        Bundle b = context.getBundle(location);
        if (b == null) {
            install(artifact);
            return;
        }
        long crc = crc(artifact);
        Long known = checksums.get(location);
        // FileInstall reports every jar as changed after a restart (it keeps no checksum of jars the launcher
        // installed); one not written since its bundle was installed is the same jar, and is not updated.
        if (known == null ? b.getLastModified() >= artifact.lastModified() : known == crc) {
            checksums.put(location, crc);
            return;
        }
        update(b, artifact, crc);
    }

    @Override
    public synchronized void uninstall(File artifact) throws Exception {
        String location = location(artifact);
        Bundle b = context.getBundle(location);
        if (b != null) {
            pendingRemovals.put(location, b.getBundleId());
            proceed(location, b);
        }
    }

    /**
     * Removes a bundle whose jar left the deploy folder, unless a resource active here uses one of its agents
     * (then it says so, once) or one stopped using it within {@link #GRACE_MS} (it may be restarting).
     */
    private void proceed(String location, Bundle b) {
        SortedSet<AgentId> agents = agentsOf(b);
        SortedSet<String> users = usage.resourcesUsing(agents);
        if (!users.isEmpty()) {
            if (warned.add(location)) {
                LOG.log(System.Logger.Level.WARNING, deferralMessage(b.getSymbolicName(), location.replaceFirst(
                        "^file:", ""), agents, users, context.getProperty("vigil.name")));
            }
            return;
        }
        if (usage.releasedWithin(agents, TimeUnit.MILLISECONDS.toNanos(GRACE_MS))) {
            retries.schedule(this::retryPendingRemovals, GRACE_MS, TimeUnit.MILLISECONDS);
            return;
        }
        pendingRemovals.remove(location);
        if (warned.remove(location)) {
            LOG.log(System.Logger.Level.INFO, "agent bundle " + b.getSymbolicName() + " is no longer used on this "
                    + "node: completing its deferred removal");
        }
        try {
            remove(b, location);
        } catch (BundleException ex) {
            LOG.log(System.Logger.Level.ERROR, "removal of agent bundle " + b.getSymbolicName() + " failed: "
                    + ex.getMessage() + "; remove it with 'uninstall " + b.getBundleId() + "' in the node's OSGi "
                    + "shell or restart the node");
        }
    }

    /** The operator's message when a removal waits for resources. */
    static String deferralMessage(String bundle, String jar, Set<AgentId> agents, SortedSet<String> users,
            String node) {
        String first = users.first();
        return "agent bundle " + bundle + " (" + jar + ") was removed from the deploy folder, but its agent "
                + (agents.size() == 1 ? "type " : "types ") + String.join(", ", agents.stream().map(
                        AgentId::toString).toList()) + " " + (agents.size() == 1 ? "is" : "are") + " used by "
                + (users.size() == 1 ? "resource " : "resources ") + String.join(", ", users) + " active on node "
                + node + ": removal deferred, the bundle stays installed until "
                + (users.size() == 1 ? "it is" : "they are") + " stopped or moved away (e.g. 'pcs resource "
                + "disable " + first + "' or 'pcs resource move " + first + " <node>'), then it is uninstalled; "
                + "put the jar back to cancel the removal";
    }

    private synchronized void retryPendingRemovals() {
        for (Map.Entry<String, Long> e : new ArrayList<>(pendingRemovals.entrySet())) {
            Bundle b = context.getBundle(e.getValue());
            if (b == null || !e.getKey().equals(b.getLocation())) {
                pendingRemovals.remove(e.getKey()); // uninstalled by someone else meanwhile
                warned.remove(e.getKey());
            } else {
                proceed(e.getKey(), b);
            }
        }
    }

    private void remove(Bundle b, String location) throws BundleException {
        String name = b.getSymbolicName();
        b.uninstall();
        checksums.remove(location);
        refresh(b);
        LOG.log(System.Logger.Level.INFO, "uninstalled agent bundle " + name + " (" + location + ")");
    }

    private void update(Bundle b, File artifact, long crc) throws BundleException, IOException {
        try (InputStream in = new FileInputStream(artifact)) {
            b.update(in);
        }
        checksums.put(location(artifact), crc);
        refresh(b);
        LOG.log(System.Logger.Level.INFO, "updated agent bundle " + b.getSymbolicName() + " to " + b.getVersion()
                + " from " + artifact);
        start(b);
    }

    private void start(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            b.start();
        } catch (BundleException e) {
            LOG.log(System.Logger.Level.ERROR, "agent bundle " + b.getSymbolicName() + " does not start: "
                    + e.getMessage() + "; fix or remove " + b.getLocation());
        }
    }

    private void refresh(Bundle b) {
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(List.of(b));
    }

    /** The agent types the bundle's services provide now. */
    private static SortedSet<AgentId> agentsOf(Bundle b) {
        SortedSet<AgentId> ids = new TreeSet<>();
        ServiceReference<?>[] refs = b.getState() == Bundle.UNINSTALLED ? null : b.getRegisteredServices();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object classes = ref.getProperty(Constants.OBJECTCLASS);
            if (classes instanceof String[] names && List.of(names).contains(ResourceAgent.class.getName())) {
                Map<String, Object> props = new HashMap<>();
                for (String key : ref.getPropertyKeys()) {
                    props.put(key, ref.getProperty(key));
                }
                AgentId id = AgentRegistryComponent.idOf(props);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The path with links resolved (FileInstall watches the canonical folder), as is when it does not exist. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The location FileInstall and the launcher give a deploy-folder bundle: the file's URI. */
    private static String location(File artifact) {
        return artifact.toURI().normalize().toString();
    }

    private static long crc(File artifact) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(artifact.toPath()));
        return crc.getValue();
    }
}
