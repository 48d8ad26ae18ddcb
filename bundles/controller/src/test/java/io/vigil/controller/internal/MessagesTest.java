package io.vigil.controller.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The controller's wire format for leases and their answers. */
class MessagesTest {

    @Test
    void aLeaseCarriesTheViewItIsFor() {
        Messages.Lease l = new Messages.Lease("n1", 42, true, 7, 123_456_789L, java.util.List.of("n3"));
        assertEquals(l, Messages.decode(Messages.lease(l)));
    }

    @Test
    void aLeaseAckRoundTrips() {
        Messages.LeaseAck a = new Messages.LeaseAck("n2", 42, 7, -5L);
        assertEquals(a, Messages.decode(Messages.leaseAck(a)));
    }

    @Test
    void aLeaseAckWithoutMemberIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Messages.decode(
                "{\"t\":\"lease-ack\",\"sequence\":1,\"viewId\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, e.getMessage().contains("lease-ack without member"), e.getMessage());
    }
}
