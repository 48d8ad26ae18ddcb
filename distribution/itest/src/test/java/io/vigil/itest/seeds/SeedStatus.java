package io.vigil.itest.seeds;

import java.time.Duration;
import java.util.List;

import io.vigil.itest.hosts.HostCluster;
import io.vigil.itest.hosts.TestHost;
import io.vigil.itest.support.Deadline;
import io.vigil.itest.support.Vigil;

/** What the seed tests read back from the cluster: {@code crm_mon -1} as typed, and the status JSON. */
final class SeedStatus {

    private SeedStatus() {
    }

    /** {@code crm_mon -1} on a host, as the seeds type it; fails the test when the command fails. */
    static String crmMon(TestHost h) {
        Vigil.Result r = h.run("crm_mon -1", Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new AssertionError("'crm_mon -1' on host " + h.name() + " failed (" + r.exitCode() + "): "
                    + r.err());
        }
        return r.out();
    }

    /** Waits until {@code observer} reports {@code resource} active on exactly {@code nodes}. */
    static void awaitStarted(HostCluster c, TestHost observer, String resource, List<String> nodes,
            Duration timeout) {
        Deadline.await(() -> resource + " to run on " + nodes + " as " + observer.name() + " sees it; it says "
                + c.where(observer, resource) + "\n" + quietCrmMon(observer), timeout, 200,
                () -> sorted(c.where(observer, resource)).equals(sorted(nodes)));
    }

    static String quietCrmMon(TestHost h) {
        Vigil.Result r = h.run("crm_mon -1", Duration.ofSeconds(30));
        return r.out() + r.err();
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
