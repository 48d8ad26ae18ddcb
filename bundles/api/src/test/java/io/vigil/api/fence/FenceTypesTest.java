package io.vigil.api.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FenceTypesTest {

    @Test
    void actionsNeedTargetsWhereRhcsAgentsDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FenceRequest("fence1", FenceAction.OFF, null, Map.of(), Duration.ofSeconds(60)));
        assertTrue(e.getMessage().contains("fence1") && e.getMessage().contains("off"), e.getMessage());
        FenceRequest list = new FenceRequest("fence1", FenceAction.LIST, null, Map.of(), Duration.ofSeconds(60));
        assertEquals(FenceAction.LIST, list.action());
    }

    @Test
    void actionNames() {
        assertEquals(Optional.of(FenceAction.OFF), FenceAction.fromName("poweroff"));
        assertEquals(Optional.of(FenceAction.REBOOT), FenceAction.fromName("REBOOT"));
        assertEquals(Optional.empty(), FenceAction.fromName("explode"));
        assertEquals("monitor", FenceAction.MONITOR.agentName());
    }

    @Test
    void results() {
        assertTrue(FenceResult.success("ok").isSuccess());
        FenceResult r = new FenceResult(io.vigil.api.agent.ExecStatus.DONE, 0, null, List.of("n1", "n2"));
        assertEquals(List.of("n1", "n2"), r.targets());
        assertEquals("", r.output());
    }
}
