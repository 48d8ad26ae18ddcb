package io.vigil.cib.manager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.cib.CibValidationException;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibChanges;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.cib.validate.Validator;

import org.junit.jupiter.api.Test;

class ReplicaTest {

    private final List<CibVersion> saved = new ArrayList<>();

    private Replica replica() {
        return new Replica(new CibSnapshot(null, Map.of(), null, null),
                new CibChanges(Validator.forChanges(AgentCatalog.NONE)), s -> saved.add(s.version()));
    }

    @Test
    void configurationChangesArePersistedBeforeListenersHearOfThem() throws Exception {
        Replica r = replica();
        List<String> events = new ArrayList<>();
        r.addListener((before, after) -> events.add(before.version() + "->" + after.version() + " saved="
                + saved.size()));
        r.applyChange(null, List.of(new CibChange.SetProperty("stonith-enabled", "false")));
        assertEquals(new CibVersion(0, 1, 0), r.current().version());
        assertEquals(List.of(new CibVersion(0, 1, 0)), saved);
        r.applyChange(null, List.of(new CibChange.SetNodeState("1", "n1", Map.of("in_ccm", "true")),
                new CibChange.SetTransientAttribute("n1", "pingd", "1000")));
        assertEquals(new CibVersion(0, 1, 1), r.current().version());
        assertEquals(1, saved.size(), "status changes are not persisted");
        assertEquals(List.of("0.0.0->0.1.0 saved=1", "0.1.0->0.1.1 saved=1"), events);
    }

    @Test
    void aRejectedChangeLeavesTheCopyByteForByteUnchanged() throws Exception {
        Replica r = replica();
        r.applyChange(null, List.of(new CibChange.SetProperty("stonith-enabled", "false")));
        String before = CibJson.write(r.current());
        assertThrows(CibValidationException.class, () -> r.applyChange(null, List.of(
                new CibChange.SetProperty("no-quorum-policy", "ignore"),
                new CibChange.SetProperty("stonith-enabled", "perhaps"))));
        assertEquals(before, CibJson.write(r.current()));
        assertThrows(Exception.class, () -> r.applyChange(new CibVersion(0, 0, 0), List.of(
                new CibChange.SetProperty("no-quorum-policy", "ignore"))), "older base versions are rejected");
        assertEquals(before, CibJson.write(r.current()));
    }

    @Test
    void groupCommitPersistsOnceForChangesAppliedMeanwhileAndShowsOnlyDurableSnapshots() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        Replica r = new Replica(new CibSnapshot(null, Map.of(), null, null),
                new CibChanges(Validator.forChanges(AgentCatalog.NONE)), s -> saved.add(s.version()), tasks::add);
        List<String> events = new ArrayList<>();
        r.addListener((before, after) -> events.add(before.version() + "->" + after.version() + " saved="
                + saved));
        List<CibVersion> told = new ArrayList<>();
        r.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "1")), s -> told.add(s.version()));
        r.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "2")), s -> told.add(s.version()));
        r.applyChange(null, List.of(new CibChange.SetNodeState("1", "n1", Map.of("in_ccm", "true"))),
                s -> told.add(s.version()));
        assertEquals(new CibVersion(0, 0, 0), r.current().version(), "nothing visible before it is durable");
        assertEquals(1, tasks.size(), "one commit run for the three");
        tasks.get(0).run();
        assertEquals(List.of(new CibVersion(0, 2, 1)), saved, "one save of the newest snapshot");
        assertEquals(new CibVersion(0, 2, 1), r.current().version());
        assertEquals(List.of(new CibVersion(0, 1, 0), new CibVersion(0, 2, 0), new CibVersion(0, 2, 1)), told);
        assertEquals(List.of("0.0.0->0.1.0 saved=[0.2.1]", "0.1.0->0.2.0 saved=[0.2.1]",
                "0.2.0->0.2.1 saved=[0.2.1]"), events, "listeners hear every step, in order, after the save");
    }

    @Test
    void offersConvergeOnTheSameWinnerInAnyOrder() throws Exception {
        Replica a = replica();
        a.applyChange(null, List.of(new CibChange.SetProperty("stonith-enabled", "false")));
        Replica b = replica();
        b.applyChange(null, List.of(new CibChange.SetProperty("no-quorum-policy", "ignore")));
        CibSnapshot sa = a.current();
        CibSnapshot sb = b.current();
        assertEquals(sa.version(), sb.version(), "diverged copies with the same version");
        Replica x = replica();
        x.offer("a", new Replica.Copy(sa, null));
        x.offer("b", new Replica.Copy(sb, null));
        Replica y = replica();
        y.offer("b", new Replica.Copy(sb, null));
        y.offer("a", new Replica.Copy(sa, null));
        assertEquals(CibJson.write(x.current()), CibJson.write(y.current()));
        Replica z = replica();
        z.applyChange(null, List.of(new CibChange.SetProperty("stonith-enabled", "false")));
        z.applyChange(null, List.of(new CibChange.SetProperty("stonith-enabled", "true")));
        assertTrue(x.offer("z", new Replica.Copy(z.current(), null)), "a higher version wins");
        assertFalse(x.offer("a", new Replica.Copy(sa, null)), "a lower one does not");
        assertEquals(z.current().version(), x.current().version());
    }

    @Test
    void theCopyQuorateMoreRecentlyWinsOverAHigherVersionMadeWithoutQuorum() throws Exception {
        // x: one change with quorum, then three in a partition without it; y: two changes with quorum
        Replica x = replica();
        x.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "1")), true, (s, d) -> { });
        for (int i = 0; i < 3; i++) {
            x.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "9" + i)), false, (s, d) -> { });
        }
        Replica y = replica();
        y.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "1")), true, (s, d) -> { });
        y.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "2")), true, (s, d) -> { });
        Replica.Copy cx = x.copy();
        Replica.Copy cy = y.copy();
        assertEquals(new CibVersion(0, 4, 0), cx.snapshot().version());
        assertEquals(new CibVersion(0, 1, 0), cx.quorateVersion());
        assertEquals(new CibVersion(0, 2, 0), cy.quorateVersion());
        assertTrue(x.offer("y", cy), "the copy with the later quorate change wins");
        assertFalse(y.offer("x", cx), "the higher version made without quorum does not");
        assertEquals(CibJson.write(y.current()), CibJson.write(x.current()));
        assertEquals(cy, x.copy(), "the winner's quorate version comes with it");
        // a copy of unknown quorate version (loaded without one) loses to any known one, wins among unknowns
        assertFalse(y.offer("disk", new Replica.Copy(cx.snapshot(), null)));
        Replica fresh = replica();
        assertTrue(fresh.offer("disk", new Replica.Copy(cx.snapshot(), null)));
    }

    @Test
    void theQuorateVersionIsSavedAfterTheCopyAndReadBackNoHigherThanIt(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        QuorateVersionFile file = new QuorateVersionFile(dir);
        assertEquals(null, file.read(new CibVersion(0, 5, 0)), "none recorded");
        List<String> order = new ArrayList<>();
        Replica r = new Replica(new CibSnapshot(null, Map.of(), null, null),
                new CibChanges(Validator.forChanges(AgentCatalog.NONE)), new Replica.Persistence() {
                    @Override
                    public void save(CibSnapshot s) {
                        order.add("cib " + s.version());
                    }

                    @Override
                    public void saveQuorateVersion(CibVersion v) throws java.io.IOException {
                        order.add("qv " + v);
                        file.write(v);
                    }
                });
        r.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "1")), true, (s, d) -> { });
        r.applyChange(null, List.of(new CibChange.SetProperty("batch-limit", "2")), false, (s, d) -> { });
        assertEquals(List.of("cib 0.1.0", "qv 0.1.0", "cib 0.2.0", "qv 0.1.0"), order);
        assertEquals(new CibVersion(0, 1, 0), file.read(new CibVersion(0, 2, 0)));
        assertEquals(new CibVersion(0, 0, 3), file.read(new CibVersion(0, 0, 3)),
                "a record newer than the loaded copy (its save failed) counts as the copy's own version");
        java.nio.file.Files.writeString(dir.resolve("quorate-version"), "0.1");
        assertEquals(null, file.read(new CibVersion(0, 2, 0)), "a truncated record is unknown, not an error");
        java.nio.file.Files.writeString(dir.resolve("quorate-version"), "0.x.1\n");
        assertEquals(null, file.read(new CibVersion(0, 2, 0)));
    }
}
