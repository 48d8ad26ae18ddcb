package io.vigil.messaging.internal;

import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.MessageReceiver;
import io.vigil.messaging.api.MessagingException;
import io.vigil.messaging.api.Registration;
import io.vigil.messaging.api.StateProvider;
import io.vigil.messaging.api.StateReceiver;
import io.vigil.messaging.api.ViewListener;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.stack.Protocol;

/** {@link ClusterMessaging} over a JGroups channel. */
public final class ChannelMessaging implements ClusterMessaging, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelMessaging.class.getName());

    private final JChannel channel;
    private final String self;
    private final ViewTranslator translator = new ViewTranslator(Clock.systemUTC());
    private final List<ViewListener> viewListeners = new CopyOnWriteArrayList<>();
    private final TopicDispatcher dispatcher;
    private final ExecutorService sender;
    private volatile View jgroupsView;
    private volatile MembershipView view;

    private ChannelMessaging(JChannel channel, String self, MembershipView initial) {
        this.channel = channel;
        this.self = self;
        this.view = initial;
        this.dispatcher = new TopicDispatcher(self, initial, new Outbound());
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-send-" + self);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Creates the channel and joins the cluster (or founds it). Returns once this node is in a view.
     *
     * @param key the cluster key, or null when the config says insecure
     */
    public static ChannelMessaging start(ClusterConfig config, String nodeName, ClusterKey key) throws Exception {
        return start(config, nodeName, key, List.of());
    }

    /**
     * As {@link #start(ClusterConfig, String, ClusterKey)}, with extra protocols just above the transport: the
     * fault-injection hook (e.g. JGroups {@code DISCARD}) for tests in this and other modules.
     */
    public static ChannelMessaging start(ClusterConfig config, String nodeName, ClusterKey key, List<Protocol> extra)
            throws Exception {
        Objects.requireNonNull(nodeName, "nodeName");
        if (key == null && !config.insecure()) {
            throw new ConfigException("cluster.keyFile: missing");
        }
        List<Protocol> stack = StackBuilder.build(config, key);
        CrashWitness witness = new CrashWitness();
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i) instanceof org.jgroups.protocols.FD_SOCK2) {
                stack.add(i + 1, witness);
                break;
            }
        }
        stack.addAll(1, extra);
        JChannel ch = new JChannel(stack);
        ch.getProtocolStack().getTransport().getDiagnosticsHandler().setEnabled(false);
        ch.name(nodeName);
        ch.addAddressGenerator(new org.jgroups.stack.AddressGenerator() {
            @Override
            @SuppressWarnings("deprecation")
            public Address generateAddress() {
                return NodeIdentity.address(nodeName, config.nodeId(), config.votes());
            }
        });
        ChannelMessaging m = new ChannelMessaging(ch, nodeName,
                ViewTranslator.solo(nodeName, config.nodeId(), config.votes(), java.time.Instant.now()));
        m.witness = witness;
        ch.setReceiver(m.new Handler());
        try {
            ch.connect(config.name());
        } catch (Exception e) {
            ch.close();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigException c) {
                    throw c;
                }
            }
            java.net.BindException taken = bindFailure(e);
            if (taken != null) {
                throw new ConfigException("cluster.port: cannot bind the cluster transport to " + config.bindAddress()
                        + ":" + config.port() + " (" + taken.getMessage() + "; another node or program holds it);"
                        + " choose another 'port' or 'bindAddress' in the node config's 'cluster' section");
            }
            throw e;
        }
        return m;
    }

    private static java.net.BindException bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException b) {
                return b;
            }
        }
        return null;
    }

    JChannel channel() {
        return channel;
    }

    private volatile CrashWitness witness;

    @Override
    public boolean connectionClosed(String nodeName) {
        CrashWitness w = witness;
        return w != null && w.connectionClosed(nodeName);
    }

    @Override
    public String localNodeName() {
        return self;
    }

    @Override
    public MembershipView view() {
        return view;
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public Registration addViewListener(ViewListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (viewListeners) {
            viewListeners.add(listener);
            notify(listener, null, view);
        }
        return () -> viewListeners.remove(listener);
    }

    @Override
    public Registration subscribe(String topic, MessageReceiver receiver) {
        return dispatcher.subscribe(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(receiver));
    }

    @Override
    public void broadcast(String topic, byte[] payload) {
        send(null, Envelope.message(true, self, Objects.requireNonNull(topic, "topic"), payload.clone()));
    }

    @Override
    public void send(String nodeName, String topic, byte[] payload) {
        send(address(nodeName), Envelope.message(false, self, Objects.requireNonNull(topic, "topic"),
                payload.clone()));
    }

    @Override
    public Registration registerStateProvider(String topic, StateProvider provider) {
        return dispatcher.provider(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(provider));
    }

    @Override
    public Registration registerStateReceiver(String topic, StateReceiver receiver) {
        return dispatcher.stateReceiver(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(receiver));
    }

    @Override
    public void requestState(String topic) {
        dispatcher.requestState(Objects.requireNonNull(topic, "topic"));
    }

    /** Sends what is queued (for up to 2 s), leaves the group gracefully and closes the channel. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
        channel.close();
    }

    private Address address(String nodeName) {
        View v = jgroupsView;
        if (v != null) {
            for (Address a : v.getMembers()) {
                if (NodeIdentity.name(a).equals(nodeName)) {
                    return a;
                }
            }
        }
        throw new MessagingException("node " + nodeName + " is not in the current view " + view.names());
    }

    /**
     * Queues the message for the sending thread. Sending never happens on the caller's thread: JGroups' SEQUENCER
     * blocks a non-coordinator's first broadcasts after a view change until they come back, which would deadlock
     * a caller that is itself delivering a message. One thread keeps this node's messages in FIFO order.
     */
    private void send(Address dest, Envelope e) {
        if (!channel.isConnected() || sender.isShutdown()) {
            throw new MessagingException("the cluster channel is closed");
        }
        byte[] bytes = e.encode();
        try {
            sender.execute(() -> {
                try {
                    channel.send(new BytesMessage(dest, bytes));
                } catch (Exception ex) {
                    LOG.warning(self + ": cannot send " + e.kind() + " on " + e.topic() + " to "
                            + (dest == null ? "the cluster" : NodeIdentity.name(dest)) + ": " + ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            throw new MessagingException("the cluster channel is closed", ex);
        }
    }

    private static void notify(ViewListener l, MembershipView previous, MembershipView current) {
        try {
            l.viewChanged(previous, current);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "view listener failed", ex);
        }
    }

    private final class Outbound implements TopicDispatcher.Outbound {
        @Override
        public void broadcast(Envelope e) {
            try {
                ChannelMessaging.this.send(null, e);
            } catch (MessagingException ex) {
                LOG.log(Level.WARNING, "cannot send " + e.kind(), ex);
            }
        }

        @Override
        public void send(String node, Envelope e) {
            try {
                ChannelMessaging.this.send(address(node), e);
            } catch (MessagingException ex) {
                LOG.log(Level.WARNING, "cannot send " + e.kind() + " to " + node, ex);
            }
        }
    }

    private final class Handler implements Receiver {
        @Override
        public void receive(Message msg) {
            Envelope e;
            try {
                e = Envelope.decode(msg.getArray(), msg.getOffset(), msg.getLength());
            } catch (Exception ex) {
                LOG.warning("dropped an undecodable message from " + msg.src() + ": " + ex);
                return;
            }
            dispatcher.deliver(e);
        }

        @Override
        public void viewAccepted(View v) {
            MembershipView previous;
            MembershipView current = translator.translate(v);
            jgroupsView = v;
            dispatcher.viewChanged(current);
            synchronized (viewListeners) {
                previous = view;
                view = current;
                for (ViewListener l : viewListeners) {
                    ChannelMessaging.notify(l, previous, current);
                }
            }
            LOG.info(() -> self + ": view " + current.viewId() + (current.merge() ? " (merge " + current.subgroups()
                    + ")" : "") + " " + current.names());
        }
    }
}
