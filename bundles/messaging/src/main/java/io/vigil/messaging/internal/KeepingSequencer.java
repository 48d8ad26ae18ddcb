package io.vigil.messaging.internal;

import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.SEQUENCER;

/**
 * JGroups' SEQUENCER (total order), except that the coordinator keeps its own broadcasts until they come back
 * delivered, as every other member does. SEQUENCER forwards a coordinator's broadcast to itself without keeping it:
 * when a merge makes another member coordinator before that forward loops back, the forward is dropped ("non-coord;
 * dropping FORWARD request") and the broadcast is lost for good. Found by the fault campaign (seed 1122, fencing off,
 * step 30: a node's join after the merge was lost that way, and the DC kept a stopped resource for running). Kept,
 * the broadcast is resent to the new coordinator by the flush that every coordinator change runs; receivers drop
 * duplicates by sender and sequence number, so one that got through after all is delivered once.
 */
final class KeepingSequencer extends SEQUENCER {

    KeepingSequencer() {
        // SEQUENCER's protocol id: its headers are looked up by it (a subclass has none registered)
        setId(ClassConfigurator.getProtocolId(SEQUENCER.class));
    }

    @Override
    protected void forwardToCoord(long seqno, Message msg) {
        if (is_coord) {
            forward_table.put(seqno, msg); // removed when it is delivered here, like any member's
        }
        super.forwardToCoord(seqno, msg);
    }
}
