package io.vigil.itest.cluster;

import static io.vigil.itest.cluster.ProcessCluster.awaitMembers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.NodeProcess;
import io.vigil.itest.support.ShellSession;
import io.vigil.itest.support.Vigil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, must-show 3 (process part): concurrent streams of {@code cib set-property} from all three nodes, each
 * over its own command-port connection. Every node sets its own integer cluster option to 1, 2, 3, ... so what
 * was acknowledged can be checked afterwards; every configuration change takes exactly one epoch, so the epochs
 * the acknowledgements report show the total order (each change got its own place in it). Other components of
 * the node (the controller) change the CIB too, so versions are compared between nodes, not predicted.
 */
class CibReplicationProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** One integer cluster option per node: written only by that node. */
    private static final List<String> OWN = List.of("batch-limit", "pe-input-series-max", "cluster-ipc-limit");

    @TempDir
    Path dir;

    private ProcessCluster cluster;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void killEverything() {
        pool.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    /** What one stream got acknowledged: the value and the epoch the change was committed at, in order. */
    record Acked(int value, long epoch) {
    }

    private List<Acked> stream(NodeProcess n, String property, int count, CountDownLatch go, List<Acked> acked)
            throws Exception {
        go.await();
        try (ShellSession s = ShellSession.open(n.commandPort(), 45_000)) {
            for (int i = 1; i <= count; i++) {
                Vigil.Result r = s.run("cib set-property " + property + " " + i);
                assertEquals(0, r.exitCode(), n.name() + " change " + i + ": " + r.err());
                acked.add(new Acked(i, epoch(r.outLines())));
            }
        } catch (IOException e) {
            // the node died under the stream: what was acknowledged so far is in 'acked'
        }
        return acked;
    }

    private static long epoch(String version) {
        String[] p = version.split("\\.");
        return Long.parseLong(p[1]);
    }

    @Test
    void concurrentChangesFromAllNodesEndIdenticalEverywhere() throws Exception {
        cluster = new ProcessCluster(dir, "cr-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), 3);
        List<NodeProcess> all = cluster.startAll();
        awaitMembers(WAIT, all, "n1", "n2", "n3");
        int perNode = 30;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Acked>>> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NodeProcess n = all.get(i);
            String prop = OWN.get(i);
            List<Acked> acked = new CopyOnWriteArrayList<>();
            streams.add(pool.submit(() -> stream(n, prop, perNode, go, acked)));
        }
        long t0 = System.nanoTime();
        go.countDown();
        Set<Long> epochs = new HashSet<>();
        for (Future<List<Acked>> f : streams) {
            List<Acked> acked = f.get(120, TimeUnit.SECONDS);
            assertEquals(perNode, acked.size());
            for (int i = 1; i < acked.size(); i++) {
                assertTrue(acked.get(i).epoch() > acked.get(i - 1).epoch(), "one node's changes commit in order");
            }
            acked.forEach(a -> assertTrue(epochs.add(a.epoch()), "two changes committed at epoch " + a.epoch()));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%d changes from 3 nodes committed in %d ms (%.0f/s)%n", 3 * perNode, ms,
                3 * perNode * 1000.0 / ms);
        assertEquals(3 * perNode, epochs.size(), "90 changes, 90 distinct places in the order");
        String show = ProcessCluster.awaitSameCib(WAIT, all);
        assertTrue(epoch(version(show)) >= 3L * perNode, show);
        for (String p : OWN) {
            assertEquals(String.valueOf(perNode), value(show, p), p);
        }
    }

    @Test
    void kill9OfTheCoordinatorInTheMiddleOfAStreamOfChangesLosesNoAcknowledgedChange() throws Exception {
        cluster = new ProcessCluster(dir, "ck-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), 3);
        List<NodeProcess> all = cluster.startAll();
        awaitMembers(WAIT, all, "n1", "n2", "n3");
        int perNode = 40;
        CountDownLatch go = new CountDownLatch(1);
        List<List<Acked>> acked = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                new CopyOnWriteArrayList<>());
        List<Future<List<Acked>>> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NodeProcess n = all.get(i);
            String prop = OWN.get(i);
            List<Acked> a = acked.get(i);
            streams.add(pool.submit(() -> stream(n, prop, perNode, go, a)));
        }
        go.countDown();
        // The coordinator is also the sequencer that orders every broadcast: the hardest member to lose.
        int v = coordinator(all.get(0));
        NodeProcess victim = all.get(v);
        Deadline.await(victim.name() + " to have 15 changes acknowledged", WAIT, 1, () -> acked.get(v).size() >= 15);
        victim.kill9();
        List<Acked> victimAcked = streams.get(v).get(60, TimeUnit.SECONDS);
        List<Integer> alive = new ArrayList<>(List.of(0, 1, 2));
        alive.remove(Integer.valueOf(v));
        List<NodeProcess> survivors = alive.stream().map(all::get).toList();
        for (int i : alive) {
            assertEquals(perNode, streams.get(i).get(120, TimeUnit.SECONDS).size(), "the survivors' streams finish");
        }
        awaitMembers(WAIT, survivors, survivors.stream().map(NodeProcess::name).toArray(String[]::new));
        int lastVictim = victimAcked.isEmpty() ? 0 : victimAcked.get(victimAcked.size() - 1).value();
        System.out.println("coordinator " + victim.name() + " killed after " + victimAcked.size()
                + " acknowledged changes");
        String show = ProcessCluster.awaitSameCib(WAIT, survivors);
        String version = version(show);
        for (int i : alive) {
            assertEquals(String.valueOf(perNode), value(show, OWN.get(i)));
        }
        int victimValue = Integer.parseInt(value(show, OWN.get(v)));
        // the victim sent one change at a time: its last acknowledged change, perhaps followed by the one in flight
        assertTrue(victimValue == lastVictim || victimValue == lastVictim + 1,
                victim.name() + "'s last acknowledged value " + lastVictim + " survives, have " + victimValue);
        long epoch = epoch(version);
        assertTrue(epoch >= 2L * perNode + victimValue, "every committed change took one epoch: " + version);
        Set<Long> epochs = new HashSet<>();
        acked.forEach(list -> list.forEach(a -> assertTrue(epochs.add(a.epoch()) && a.epoch() <= epoch)));

        // The victim restarts from its own disk and rejoins: every node ends with the survivors' copy, the
        // victim's acknowledged changes included (an acknowledgement means members holding quorum persisted it).
        victim.relaunch();
        victim.awaitReady(WAIT.multipliedBy(3));
        awaitMembers(WAIT, all, "n1", "n2", "n3");
        String rejoined = ProcessCluster.awaitSameCib(WAIT, all);
        assertEquals(String.valueOf(victimValue), value(rejoined, OWN.get(v)), "after " + victim.name() + " rejoined");
        for (int i : alive) {
            assertEquals(String.valueOf(perNode), value(rejoined, OWN.get(i)));
        }
    }

    /** Index of the current coordinator (first member of the last view n1 logged). */
    private static int coordinator(NodeProcess n1) throws IOException {
        String last = null;
        for (String line : java.nio.file.Files.readAllLines(n1.stateDir().resolve("vigil.log"))) {
            if (line.contains("ChannelMessaging: n1: view ")) {
                last = line;
            }
        }
        assertTrue(last != null, "n1 logged its view");
        String first = last.substring(last.lastIndexOf('[') + 1).split("[,\\]]")[0].trim();
        return Integer.parseInt(first.substring(1)) - 1;
    }

    private static String value(String cibShow, String property) {
        Matcher m = Pattern.compile("\"name\":\\s*\"" + Pattern.quote(property) + "\",\\s*\"value\":\\s*\"([^\"]*)\"")
                .matcher(cibShow);
        if (!m.find()) {
            throw new AssertionError("no " + property + " in\n" + cibShow);
        }
        return m.group(1);
    }

    /** The version in {@code cib show} output, as {@code admin_epoch.epoch.num_updates}. */
    private static String version(String cibShow) {
        Matcher m = Pattern.compile("\"adminEpoch\":\\s*(\\d+),\\s*\"epoch\":\\s*(\\d+),\\s*\"numUpdates\":\\s*(\\d+)")
                .matcher(cibShow);
        if (!m.find()) {
            throw new AssertionError("no version in\n" + cibShow);
        }
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }
}
