package io.vigil.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.inject.Inject;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentEnvironment;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * In a real Felix container: the Dummy agent bundle installed at runtime shows up in the agent registry, runs
 * start/monitor/stop through its service, and is gone once the bundle is uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AgentHotInstallContainerTest {

    private static final AgentId DUMMY = AgentId.parse("ocf:pacemaker:Dummy");

    @Inject
    private BundleContext context;

    @Inject
    private AgentRegistry registry;

    @Configuration
    public Option[] config() {
        return options(
                bundle(file("bundle.promise")), bundle(file("bundle.function")), bundle(file("bundle.component")),
                bundle(file("bundle.scr")), bundle(file("bundle.api")), bundle(file("bundle.agents")),
                junitBundles(), cleanCaches());
    }

    private static String file(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
        }
        return Path.of(path).toUri().toString();
    }

    @Test
    public void dummyAgentIsHotInstalledUsedAndUninstalled() throws Exception {
        assertFalse("no Dummy before its bundle is installed", registry.agentIds().contains(DUMMY));
        Bundle dummy = context.installBundle(file("bundle.dummy"));
        dummy.start();
        await("Dummy in the registry", () -> registry.agentIds().contains(DUMMY));
        assertTrue(registry.agentIds().contains(AgentId.parse("ocf:heartbeat:Dummy")));

        ResourceAgent agent = registry.agent(DUMMY).orElseThrow();
        Path run = Files.createTempDirectory("vigil-run");
        try {
            assertEquals(OcfExitCode.NOT_RUNNING, call(agent, AgentAction.MONITOR, run).exitCode());
            assertTrue(call(agent, AgentAction.START, run).isSuccess());
            assertEquals(OcfExitCode.SUCCESS, call(agent, AgentAction.MONITOR, run).exitCode());
            assertTrue(call(agent, AgentAction.STOP, run).isSuccess());
            assertEquals(OcfExitCode.NOT_RUNNING, call(agent, AgentAction.MONITOR, run).exitCode());
        } finally {
            try (var files = Files.list(run)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(run);
        }

        dummy.uninstall();
        await("Dummy gone from the registry", () -> !registry.agentIds().contains(DUMMY));
        assertTrue(registry.agent(DUMMY).isEmpty());
    }

    private static AgentResult call(ResourceAgent agent, AgentAction action, Path run) {
        AgentEnvironment env = new AgentEnvironment() {
            @Override
            public String nodeName() {
                return "itest";
            }

            @Override
            public Path runDirectory() {
                return run;
            }
        };
        return agent.execute(new ActionRequest("d1", action, Map.of(), Map.of(), Duration.ofSeconds(20),
                Duration.ZERO, env));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
