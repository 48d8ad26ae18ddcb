package io.vigil.messaging.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster communication service of one node (Corosync totem + CPG in Pacemaker terms).
 *
 * <p>Delivery contract: every member delivers the broadcasts of a topic in the same total order, its own included,
 * exactly once. Callbacks ({@link MessageReceiver}, {@link ViewListener}, {@link StateProvider},
 * {@link StateReceiver}) run on the messaging threads: keep them short, never block on another broadcast's
 * delivery inside them, and do not throw (exceptions are logged and swallowed). A standalone node (no cluster
 * configured) offers the same service with a view of itself only.
 */
@ProviderType
public interface ClusterMessaging {

    /** This node's name (the {@code vigil.name} framework property). */
    String localNodeName();

    /** The current membership view; never null (before the first view: a view of this node alone). */
    MembershipView view();

    /** True if this node is configured to be part of a cluster, false for a standalone node. */
    boolean clustered();

    /**
     * Registers a view listener. It is called once at once with the current view (previous = null), then on every
     * membership change, in view order.
     */
    Registration addViewListener(ViewListener listener);

    /** Registers a receiver for the broadcasts and point-to-point messages of {@code topic}. */
    Registration subscribe(String topic, MessageReceiver receiver);

    /**
     * Sends {@code payload} to every member (this node included) in total order. Returns at once (the message is
     * queued, FIFO per node, so calling it from a callback is safe); delivery is reported through the receivers.
     *
     * @throws MessagingException if the channel is closed or the message cannot be sent
     */
    void broadcast(String topic, byte[] payload);

    /**
     * Sends {@code payload} reliably (FIFO per sender) to one member; returns at once, like broadcast.
     *
     * @throws MessagingException if {@code nodeName} is not in the current view or the message cannot be sent
     */
    void send(String nodeName, String topic, byte[] payload);

    /**
     * Whether {@code nodeName} was recently (within 30 s) suspected because its connection was closed by its host —
     * its process died — rather than because it fell silent (a cut link, a hung or frozen process), which this
     * method cannot tell apart and answers false for. A dead process can no longer stop anything itself, so there is
     * nothing to wait for before recovering what it ran.
     */
    default boolean connectionClosed(String nodeName) {
        return false;
    }

    /** Registers the provider asked for {@code topic}'s state when a member joins. One provider per topic. */
    Registration registerStateProvider(String topic, StateProvider provider);

    /**
     * Registers the receiver of {@code topic}'s state and requests the state at once (see
     * {@link #requestState(String)}). One receiver per topic.
     */
    Registration registerStateReceiver(String topic, StateReceiver receiver);

    /**
     * Asks for {@code topic}'s state again (e.g. after a merge view). The request takes a place in the total order:
     * the oldest other member's {@link StateProvider} is called when it delivers the request, and this node holds
     * back the topic's later messages until the {@link StateReceiver} got the state. Registering a state receiver
     * makes the first request. Without another member, or without a provider there, no state is delivered.
     */
    void requestState(String topic);
}
