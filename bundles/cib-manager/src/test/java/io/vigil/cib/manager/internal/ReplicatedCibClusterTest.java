package io.vigil.cib.manager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.NotDurableException;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.messaging.internal.ChannelMessaging;
import io.vigil.messaging.internal.ClusterConfig;
import io.vigil.messaging.internal.ClusterKey;
import io.vigil.messaging.internal.Peer;
import io.vigil.messaging.internal.Timeouts;

import org.jgroups.protocols.DISCARD;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replicated CIB of three members in one JVM over real, sealed JGroups channels on loopback, with a DISCARD
 * layer above each transport for silent partitions (issue 4, must-show 3: same order everywhere; partition + heal
 * → the quorate side's copy wins and the loser's discarded changes are logged).
 */
class ReplicatedCibClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Timeouts FAST = new Timeouts(200, 1000, 100, 500, 1000, 60_000);
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef-cib-test-key".getBytes(StandardCharsets.UTF_8);

    /** The quorum service's view of a 3-node cluster: 2 votes, one per member, whatever the current view. */
    private static final DurabilityQuorum THREE_EXPECTED_VOTES = new DurabilityQuorum() {
        @Override
        public int needed(io.vigil.messaging.api.MembershipView view) {
            return 2;
        }

        @Override
        public int votes(String member) {
            return 1;
        }
    };

    private final List<ChannelMessaging> channels = new ArrayList<>();
    private final List<DISCARD> discards = new ArrayList<>();
    private final List<ReplicatedCib> cibs = new ArrayList<>();
    /** Per member: the JSON of every snapshot committed there, in commit order. */
    private final List<List<String>> histories = new ArrayList<>();
    /** Per member: the versions persisted, in order. */
    private final List<List<CibVersion>> persisted = new ArrayList<>();
    /** Per member: a hook run before each save (blocks or fails it), none by default. */
    private final List<AtomicReference<Replica.Persistence>> disks = new ArrayList<>();
    private long commitTimeoutMs = 10_000;

    @AfterEach
    void tearDown() {
        cibs.forEach(ReplicatedCib::close);
        for (int i = channels.size() - 1; i >= 0; i--) {
            channels.get(i).close();
        }
    }

    private void startThree(String cluster) throws Exception {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            peers.add(new Peer("n" + (i + 1), "127.0.0.1", freePort(), i + 1, 1));
        }
        ClusterKey key = ClusterKey.derive(KEY, cluster);
        for (int i = 0; i < 3; i++) {
            Peer p = peers.get(i);
            ClusterConfig c = new ClusterConfig(cluster, "127.0.0.1", p.port(), peers, false, "239.8.8.8", 45588, null,
                    false, p.nodeId(), 1, 100, FAST);
            DISCARD d = new DISCARD();
            channels.add(ChannelMessaging.start(c, p.name(), key, List.of(d)));
            discards.add(d);
        }
        awaitViews(List.of(0, 1, 2), "n1", "n2", "n3");
        for (int i = 0; i < 3; i++) {
            List<String> history = new CopyOnWriteArrayList<>();
            List<CibVersion> saved = new CopyOnWriteArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            AtomicReference<Replica.Persistence> disk = new AtomicReference<>(s -> { });
            ReplicatedCib cib = new ReplicatedCib(channels.get(i),
                    new Replica.Copy(new CibSnapshot(null, Map.of(), null, null), null), s -> {
                        disk.get().save(s);
                        saved.add(s.version());
                    }, () -> AgentCatalog.NONE, why -> ready.countDown(), commitTimeoutMs,
                    THREE_EXPECTED_VOTES);
            disks.add(disk);
            cib.addListener((before, after) -> {
                if (!before.version().equals(after.version())) { // not the initial state transfer of 0.0.0
                    history.add(CibJson.write(after));
                }
            });
            cib.start(1000);
            assertTrue(ready.await(10, TimeUnit.SECONDS), "n" + (i + 1) + " ready");
            cibs.add(cib);
            histories.add(history);
            persisted.add(saved);
        }
    }

    @Test
    void concurrentChangesFromAllMembersAreCommittedInTheSameOrderEverywhere() throws Exception {
        startThree("cib-order-" + System.nanoTime());
        int perNode = 30;
        List<CompletableFuture<CibSnapshot>> all = new ArrayList<>();
        for (int k = 1; k <= perNode; k++) {
            for (int i = 0; i < 3; i++) {
                // all three write the same option too, so the order decides the outcome
                all.add(cibs.get(i).apply(List.of(new CibChange.SetProperty("batch-limit", i + "" + k),
                        new CibChange.SetProperty(List.of("pe-input-series-max", "pe-warn-series-max",
                                "cluster-ipc-limit").get(i), Integer.toString(k)))).toCompletableFuture());
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        await(() -> histories.stream().allMatch(h -> h.size() == 3 * perNode), () -> "every member saw 90 commits: "
                + histories.stream().map(List::size).toList());
        assertEquals(histories.get(0), histories.get(1), "n1 and n2 went through the same snapshots in order");
        assertEquals(histories.get(0), histories.get(2), "n1 and n3 went through the same snapshots in order");
        assertEquals(new CibVersion(0, 3 * perNode, 0), cibs.get(0).current().version());
        for (List<CibVersion> saved : persisted) {
            // group commit: one save may cover several changes, but the newest is durable everywhere
            assertEquals(new CibVersion(0, 3 * perNode, 0), saved.get(saved.size() - 1));
            assertTrue(saved.size() <= 3 * perNode);
        }
        System.out.println("saves per member for " + 3 * perNode + " changes (group commit): "
                + persisted.stream().map(List::size).toList());
    }

    @Test
    void theOriginatorsCallReturnsOnlyOnceAQuorumOfVotesPersistedTheChange() throws Exception {
        startThree("cib-ack-" + System.nanoTime());
        commit(0, new CibChange.SetProperty("batch-limit", "1"));
        CountDownLatch n2Disk = new CountDownLatch(1);
        CountDownLatch n3Disk = new CountDownLatch(1);
        disks.get(1).set(s -> awaitGate(n2Disk));
        disks.get(2).set(s -> awaitGate(n3Disk));
        try {
            CompletableFuture<CibSnapshot> call = cibs.get(0).apply(List.of(new CibChange.SetProperty("batch-limit",
                    "2"))).toCompletableFuture();
            // n1 itself has persisted and shows the change, but neither other member has persisted it yet
            await(() -> cibs.get(0).current().version().equals(new CibVersion(0, 2, 0)), () -> "n1 committed 0.2.0");
            assertTrue(persisted.get(0).contains(new CibVersion(0, 2, 0)), "n1 persisted 0.2.0");
            assertFalse(call.isDone(), "acknowledged while only n1 of 3 members had persisted the change");
            n3Disk.countDown(); // n3 persists: n1 + n3 are a majority of 3
            assertEquals(new CibVersion(0, 2, 0), call.get(15, TimeUnit.SECONDS).version());
            assertFalse(persisted.get(1).contains(new CibVersion(0, 2, 0)), "n2 is still blocked");
        } finally {
            n2Disk.countDown();
            n3Disk.countDown();
        }
        awaitSameCib(List.of(0, 1, 2), new CibVersion(0, 2, 0));
    }

    @Test
    void aChangeNoMajorityCouldPersistFailsWithAClearError() throws Exception {
        commitTimeoutMs = 2_000;
        startThree("cib-nack-" + System.nanoTime());
        disks.get(1).set(s -> {
            throw new IOException("disk full (injected)");
        });
        disks.get(2).set(s -> {
            throw new IOException("disk full (injected)");
        });
        CompletableFuture<CibSnapshot> call = cibs.get(0).apply(List.of(new CibChange.SetProperty("batch-limit",
                "5"))).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(15, TimeUnit.SECONDS));
        String msg = e.getCause().getMessage();
        assertTrue(e.getCause() instanceof TimeoutException, String.valueOf(e.getCause()));
        assertTrue(msg.contains("persisted only by [n1]") && msg.contains("1 of the 2 votes a change needs"), msg);
        // once one other member's disk works again, changes are acknowledged again
        disks.get(2).set(s -> { });
        assertEquals(new CibVersion(0, 2, 0), commit(0, new CibChange.SetProperty("batch-limit", "6")).version());
    }

    private static void awaitGate(CountDownLatch gate) throws IOException {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IOException("test gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void afterAPartitionHealsTheQuorateSidesCopyWinsEverywhere() throws Exception {
        startThree("cib-merge-" + System.nanoTime());
        List<String> warnings = captureReplicaWarnings();
        commit(0, new CibChange.SetProperty("no-quorum-policy", "freeze"));
        awaitSameCib(List.of(0, 1, 2), new CibVersion(0, 1, 0));

        // Round 1: n3 silently cut off; the majority side goes further than n3.
        discards.get(2).discardAll(true);
        awaitViews(List.of(0, 1), "n1", "n2");
        awaitViews(List.of(2), "n3");
        assertNotDurable(2, new CibChange.SetProperty("batch-limit", "99")); // 0.2.0 on n3 alone
        commit(0, new CibChange.SetProperty("batch-limit", "1"));
        commit(1, new CibChange.SetProperty("batch-limit", "2"));
        commit(0, new CibChange.SetProperty("maintenance-mode", "true")); // 0.4.0 on n1+n2
        discards.get(2).discardAll(false);
        awaitViews(List.of(0, 1, 2), "n1", "n2", "n3");
        CibSnapshot won = awaitSameCib(List.of(0, 1, 2), new CibVersion(0, 4, 0));
        assertEquals("2", won.configuration().properties().get("batch-limit").orElseThrow(),
                "the majority's copy won; n3's batch-limit=99 is discarded");
        await(() -> warnings.stream().anyMatch(w -> w.contains("replaced by 0.4.0")), () -> "the loss is logged: "
                + warnings);

        // Round 2 (fault campaign seed 1122, fencing off, steps 40 and 52): the member alone in its view goes
        // further than the quorate side. It used to count itself a majority of its one-member view, acknowledge
        // its changes, and win the merge with its higher version, losing the quorate side's acknowledged change.
        discards.get(0).discardAll(true);
        awaitViews(List.of(1, 2), "n2", "n3");
        awaitViews(List.of(0), "n1");
        commit(1, new CibChange.SetProperty("batch-limit", "20")); // 0.5.0 on n2+n3: acknowledged
        for (int i = 0; i < 3; i++) {
            assertNotDurable(0, new CibChange.SetProperty("batch-limit", "10" + i)); // up to 0.7.0 on n1 alone
        }
        assertEquals(new CibVersion(0, 7, 0), cibs.get(0).current().version(), "n1 applied them in its partition");
        discards.get(0).discardAll(false);
        awaitViews(List.of(0, 1, 2), "n1", "n2", "n3");
        won = awaitSameCib(List.of(0, 1, 2), new CibVersion(0, 5, 0));
        assertEquals("20", won.configuration().properties().get("batch-limit").orElseThrow(),
                "the acknowledged change of the quorate side survives the merge");
        await(() -> warnings.stream().anyMatch(w -> w.contains("0.7.0 replaced by 0.5.0")), () -> "logged: "
                + warnings);

        // and the merged group keeps replicating
        commit(2, new CibChange.SetProperty("batch-limit", "3"));
        awaitSameCib(List.of(0, 1, 2), new CibVersion(0, 6, 0));
    }

    private void assertNotDurable(int member, CibChange change) {
        CompletableFuture<CibSnapshot> call = cibs.get(member).apply(List.of(change)).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(15, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof NotDurableException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("hold 1 of the 2 votes"), e.getCause().getMessage());
    }

    // ---- helpers ----

    private CibSnapshot commit(int member, CibChange change) throws Exception {
        return cibs.get(member).apply(List.of(change)).toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    private CibSnapshot awaitSameCib(List<Integer> members, CibVersion version) {
        await(() -> members.stream().allMatch(i -> cibs.get(i).current().version().equals(version))
                && members.stream().map(i -> CibJson.write(cibs.get(i).current())).distinct().count() == 1,
                () -> "CIB " + version + " everywhere: " + members.stream().map(i -> "n" + (i + 1) + "="
                        + cibs.get(i).current().version()).toList());
        CibSnapshot s = cibs.get(members.get(0)).current();
        assertNotEquals(null, s);
        return s;
    }

    private void awaitViews(List<Integer> members, String... names) {
        List<String> want = List.of(names);
        await(() -> members.stream().allMatch(i -> {
            List<String> have = channels.get(i).view().names();
            return have.size() == want.size() && have.containsAll(want);
        }), () -> "views " + want + ": " + members.stream().map(i -> channels.get(i).view().names()).toList());
    }

    private static List<String> captureReplicaWarnings() {
        List<String> got = new CopyOnWriteArrayList<>();
        Logger.getLogger(Replica.class.getName()).addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                got.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return got;
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + WAIT + " waiting for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
