package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Event;
import org.jgroups.Message;
import org.jgroups.View;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.SEQUENCER;
import org.jgroups.stack.Protocol;
import org.jgroups.util.UUID;
import org.jgroups.util.Util;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's own broadcast across a coordinator change, on the protocol object alone: neighbours that record
 * what passes, views installed by hand, and the forward looping back only after the merge made another member
 * coordinator — the interleaving that lost a node's join in fault campaign seed 1122 (fencing off, step 30).
 */
class KeepingSequencerTest {

    private static final long WAIT_S = 10;

    @Test
    void aBroadcastTheCoordinatorSentJustBeforeAMergeIsResentToTheNewCoordinator() throws Exception {
        assertEquals("resent to the new coordinator", run(new KeepingSequencer()));
    }

    @Test
    void plainSequencerLosesIt() throws Exception {
        // what the subclass is for: with JGroups' own protocol the same interleaving loses the broadcast
        assertEquals("lost", run(new SEQUENCER()));
    }

    /** Says what became of the broadcast: resent to the new coordinator, or lost. */
    private static String run(SEQUENCER seq) throws Exception {
        Address a = UUID.randomUUID();
        Address b = UUID.randomUUID();
        BlockingQueue<Message> sent = new LinkedBlockingQueue<>();
        seq.setAddress(a);
        seq.setDownProtocol(new Protocol() {
            @Override
            public Object down(Message msg) {
                sent.add(msg);
                return null;
            }

            @Override
            public Object down(Event evt) {
                return null;
            }
        });
        seq.setUpProtocol(new Protocol() {
            @Override
            public Object up(Message msg) {
                return null;
            }

            @Override
            public Object up(Event evt) {
                return null;
            }
        });
        seq.start();
        try {
            // this node coordinates [a, b]
            seq.down(new Event(Event.VIEW_CHANGE, View.create(a, 1, a, b)));
            awaitCoordinator(seq, a);
            // it broadcasts: SEQUENCER forwards the message to itself, the coordinator
            seq.down(new BytesMessage(null, "join of a".getBytes(StandardCharsets.UTF_8)));
            Message forward = sent.poll(WAIT_S, TimeUnit.SECONDS);
            assertTrue(forward != null && a.equals(forward.getDest()), "forwarded to itself: " + forward);
            // a merge makes b the coordinator before the forward loops back
            seq.down(new Event(Event.VIEW_CHANGE, View.create(b, 2, b, a)));
            awaitCoordinator(seq, b);
            seq.up(forward.setSrc(a)); // dropped: "non-coord; dropping FORWARD request"
            Message resent = sent.poll(2, TimeUnit.SECONDS);
            if (resent == null) {
                return "lost";
            }
            assertEquals(b, resent.getDest());
            Message original = Util.messageFromBuffer(resent.getArray(), resent.getOffset(), resent.getLength());
            assertEquals("join of a", new String(original.getArray(), original.getOffset(), original.getLength(),
                    StandardCharsets.UTF_8));
            return "resent to the new coordinator";
        } finally {
            seq.stop();
        }
    }

    private static void awaitCoordinator(SEQUENCER seq, Address coord) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!coord.equals(seq.getCoordinator())) {
            if (System.nanoTime() > deadline) {
                fail("the sequencer never took " + coord + " as coordinator");
            }
            Thread.sleep(5);
        }
        assertEquals(ClassConfigurator.getProtocolId(SEQUENCER.class), seq.getId(),
                "SEQUENCER's protocol id, so its headers are found");
    }
}
