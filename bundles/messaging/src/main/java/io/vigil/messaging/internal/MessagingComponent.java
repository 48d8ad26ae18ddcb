package io.vigil.messaging.internal;

import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.MessageReceiver;
import io.vigil.messaging.api.Registration;
import io.vigil.messaging.api.StateProvider;
import io.vigil.messaging.api.StateReceiver;
import io.vigil.messaging.api.ViewListener;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Creates this node's cluster channel from the node config (framework properties {@code vigil.config},
 * {@code vigil.name}) and offers it as {@link ClusterMessaging}; leaves the group on deactivation. Without a
 * "cluster" section (or without a config file) the node is standalone.
 */
// service = {}: registered by the component itself once the channel is up, so a node that cannot join (bad config,
// port taken) offers no ClusterMessaging at all and SCR has no activation failure to print a stack trace for.
@Component(service = {}, immediate = true)
public final class MessagingComponent implements ClusterMessaging {
    private static final Logger LOG = Logger.getLogger(MessagingComponent.class.getName());

    private final ClusterMessaging delegate;
    private final ServiceRegistration<ClusterMessaging> registration;

    @Activate
    public MessagingComponent(BundleContext context) {
        ClusterMessaging opened = null;
        try {
            opened = open(context);
        } catch (Exception e) {
            refuseToStart(context, e);
        }
        delegate = opened;
        registration = opened == null ? null : context.registerService(ClusterMessaging.class, this, null);
    }

    private static ClusterMessaging open(BundleContext context) throws Exception {
        String name = nodeName(context.getProperty("vigil.name"));
        String configPath = context.getProperty("vigil.config");
        Optional<ClusterConfig> config = configPath == null || configPath.isBlank()
                ? Optional.empty() : ConfigReader.read(Path.of(configPath), name);
        if (config.isEmpty()) {
            LOG.info(name + ": no cluster configured, running standalone");
            return new StandaloneMessaging(name);
        }
        ClusterConfig c = config.get();
        ClusterKey key = null;
        if (c.keyFile() != null) {
            key = ClusterKey.load(c.keyFile(), c.name());
        } else {
            LOG.warning(name + ": cluster " + c.name() + " runs INSECURE: no authentication, no encryption");
        }
        ClusterMessaging m = ChannelMessaging.start(c, name, key);
        LOG.info(name + ": joined cluster " + c.name() + " as node id " + c.nodeId() + ", view "
                + m.view().names());
        return m;
    }

    /**
     * A node whose cluster configuration cannot work (bad field, missing key, transport port taken) must not run
     * on without messaging: the launcher offers a {@code Consumer<String>} service with property
     * {@code vigil.fatal}, which stops the node and exits non-zero with the one-line reason.
     */
    private static void refuseToStart(BundleContext context, Exception e) {
        String configPath = context.getProperty("vigil.config");
        String why = (configPath == null ? "" : "node config " + configPath + ": ")
                + (e instanceof ConfigException ? e.getMessage() : "cluster messaging failed to start: " + e);
        // stack trace only for the unexpected (the node log keeps it in its file, not on the console)
        LOG.log(java.util.logging.Level.SEVERE, why + " (the node does not start)",
                e instanceof ConfigException ? null : e);
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(Consumer.class.getName(), "(vigil.fatal=*)");
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                @SuppressWarnings("unchecked")
                Consumer<String> fatal = (Consumer<String>) context.getService(ref);
                if (fatal != null) {
                    fatal.accept(why);
                    context.ungetService(ref);
                    return;
                }
            }
        } catch (InvalidSyntaxException | RuntimeException ex) {
            LOG.warning("cannot report the fatal error to the launcher: " + ex);
        }
    }

    static String nodeName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            int dot = host.indexOf('.');
            return dot > 0 ? host.substring(0, dot) : host;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        if (delegate instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warning("closing the cluster channel failed: " + e);
            }
        }
    }

    @Override
    public String localNodeName() {
        return delegate.localNodeName();
    }

    @Override
    public MembershipView view() {
        return delegate.view();
    }

    @Override
    public boolean connectionClosed(String nodeName) {
        return delegate.connectionClosed(nodeName);
    }

    @Override
    public boolean clustered() {
        return delegate.clustered();
    }

    @Override
    public Registration addViewListener(ViewListener listener) {
        return delegate.addViewListener(listener);
    }

    @Override
    public Registration subscribe(String topic, MessageReceiver receiver) {
        return delegate.subscribe(topic, receiver);
    }

    @Override
    public void broadcast(String topic, byte[] payload) {
        delegate.broadcast(topic, payload);
    }

    @Override
    public void send(String nodeName, String topic, byte[] payload) {
        delegate.send(nodeName, topic, payload);
    }

    @Override
    public Registration registerStateProvider(String topic, StateProvider provider) {
        return delegate.registerStateProvider(topic, provider);
    }

    @Override
    public Registration registerStateReceiver(String topic, StateReceiver receiver) {
        return delegate.registerStateReceiver(topic, receiver);
    }

    @Override
    public void requestState(String topic) {
        delegate.requestState(topic);
    }
}
