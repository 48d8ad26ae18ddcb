package io.vigil.shell.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.json.ChangeJson;
import io.vigil.shell.testing.CibFixture;

/**
 * The change kinds this bundle added to the CIB (defaults targets, fencing levels) travel between members as
 * JSON: what a command builds must read back equal on the other side.
 */
class ReplicatedFormTest {

    @Test
    void defaultsAndFencingLevelChangesSurviveTheWire() throws Exception {
        CibFixture f = new CibFixture("n1", "n2");
        f.run("pcs stonith create fence1 fence_vigil_process");
        List<CibChange> changes = new ArrayList<>();
        changes.addAll(f.run("pcs resource defaults resource-stickiness=100").changes());
        changes.addAll(f.run("pcs resource op defaults timeout=30s").changes());
        changes.addAll(f.run("pcs stonith level add 1 n2 fence1").changes());
        changes.addAll(f.run("pcs stonith level remove 1 n2").changes());

        assertEquals(changes, ChangeJson.read(ChangeJson.write(changes)));
        assertEquals(4, changes.size());
    }
}
