package io.vigil.itest.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.itest.hosts.HostCluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every seed test starts from: a temporary directory, two real nodes (test hosts n1 and n2) started in it when
 * the test is ready for them, their logs kept when the test fails, and the cluster closed after the test even on
 * failure (before the directory goes).
 */
abstract class TwoNodeSeed {

    /** An address on the switch namespace's bridge, reachable from every host: the seeds' gateway or client side. */
    static final String GATEWAY = "10.240.0.1";

    @TempDir
    Path dir;

    /** The test's cluster once {@link #startCluster()} has started it, else null. */
    HostCluster cluster;

    @RegisterExtension
    final SeedLogs logs = new SeedLogs(() -> cluster);

    /** Starts n1 and n2 under {@link #dir}; tests first prepare what the hosts must find there. */
    final HostCluster startCluster() {
        cluster = HostCluster.builder(dir).nodes(2).start();
        return cluster;
    }

    /** Puts {@link #GATEWAY} on the bridge of the started cluster's switch namespace (it goes with the network). */
    final void addGateway() {
        Sh.run("ip", "-n", cluster.network().run() + "-sw", "addr", "add", GATEWAY + "/24", "dev", "br0");
    }

    /** A file the hosts write (a service's log), for polls and failure messages: {@code absent} until it exists. */
    static String textOf(Path file, String absent) {
        try {
            return Files.exists(file) ? Files.readString(file) : absent;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @AfterEach
    final void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
