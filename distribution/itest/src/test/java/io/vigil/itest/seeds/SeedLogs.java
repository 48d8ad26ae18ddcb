package io.vigil.itest.seeds;

import java.nio.file.Path;
import java.util.function.Supplier;

import io.vigil.itest.hosts.HostCluster;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Keeps the hosts' logs of a failed seed test in {@code target/host-logs/seeds/CLASS.METHOD} (the cluster directory
 * is a temporary one that goes with the test).
 */
final class SeedLogs implements TestExecutionExceptionHandler {

    private final Supplier<HostCluster> cluster;

    SeedLogs(Supplier<HostCluster> cluster) {
        this.cluster = cluster;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        HostCluster c = cluster.get();
        if (c != null) {
            Path to = Path.of("target", "host-logs", "seeds", context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName());
            c.saveLogs(to);
            System.err.println("host logs of the failed seed test: " + to.toAbsolutePath());
        }
        throw failure;
    }
}
