package io.vigil.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.messaging.api.MembershipView;
import io.vigil.messaging.api.MessagingException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StandaloneMessagingTest {
    @Test
    void singleMemberViewAndLocalDelivery() {
        StandaloneMessaging m = new StandaloneMessaging("solo");
        assertFalse(m.clustered());
        assertEquals(List.of("solo"), m.view().names());
        assertEquals("solo", m.view().coordinator());
        List<MembershipView> views = new ArrayList<>();
        m.addViewListener((p, c) -> views.add(c));
        assertEquals(1, views.size());
        List<String> got = new ArrayList<>();
        m.subscribe("t", msg -> got.add(msg.sender() + ":" + new String(msg.payload()) + ":" + msg.broadcast()));
        m.registerStateReceiver("t", (from, s) -> got.add("state"));
        m.broadcast("t", "a".getBytes());
        m.send("solo", "t", "b".getBytes());
        assertEquals(List.of("solo:a:true", "solo:b:false"), got);
        assertThrows(MessagingException.class, () -> m.send("other", "t", new byte[0]));
    }
}
