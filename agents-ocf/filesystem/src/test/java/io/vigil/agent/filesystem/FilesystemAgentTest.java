package io.vigil.agent.filesystem;

import java.util.Set;
import io.vigil.agent.testkit.ShellInjection;
import static io.vigil.agent.testkit.AgentHandle.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigil.agent.testkit.AgentHandle;
import io.vigil.agent.testkit.Cmd;
import io.vigil.agent.testkit.Lab;
import io.vigil.agent.testkit.Node;
import io.vigil.agent.testkit.OcfTester;
import io.vigil.agent.testkit.Poll;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.executor.process.AgentProcess.Outcome;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Filesystem agent inside a test node with a private mount (and PID) namespace: tmpfs, bind and loop-mounted
 * ext4, all under per-test paths; a busy mount force-unmounted (the holder, a process of the node, is killed);
 * force_unmount=false refusing; monitor at depth 20; ocf-tester. Mounts vanish with the node's namespace.
 */
class FilesystemAgentTest {

    private Lab lab;
    private Node a;
    private AgentHandle fs;

    @BeforeEach
    void setUp() {
        lab = Lab.isolated("a");
        a = lab.node("a");
        fs = a.agent(FilesystemAgent.class.getName()).resource("fs");
    }

    @AfterEach
    void tearDown() {
        fs.close();
        lab.close();
    }

    private String mounts() {
        return a.ok("cat", "/proc/mounts");
    }

    private void lifecycle(Map<String, String> p, String dir) {
        assertEquals(7, fs.run(AgentAction.MONITOR, p).exitCode().code(), "probe");
        assertTrue(fs.run(AgentAction.STOP, p).isSuccess(), "stop on stopped");
        AgentResult start = fs.run(AgentAction.START, p);
        assertTrue(start.isSuccess(), start.output());
        assertTrue(mounts().contains(" " + dir + " "), "mounted inside the node");
        assertFalse(Cmd.ok("cat", "/proc/mounts").contains(" " + dir + " "), "not in the test's namespace");
        assertTrue(fs.run(AgentAction.START, p).isSuccess(), "start on started");
        assertEquals(0, fs.monitor(p, Duration.ofSeconds(20)).exitCode().code());
        Map<String, String> deep = new java.util.HashMap<>(p);
        deep.put("OCF_CHECK_LEVEL", "20");
        AgentResult d = fs.monitor(deep, Duration.ofSeconds(61));
        assertEquals(0, d.exitCode().code(), d.output());
        assertTrue(a.ok("cat", dir + "/.Filesystem_status/fs_a").contains("fs"), "status file written");
        AgentResult stop = fs.run(AgentAction.STOP, p);
        assertTrue(stop.isSuccess(), stop.output());
        assertFalse(mounts().contains(" " + dir + " "));
        assertEquals(7, fs.run(AgentAction.MONITOR, p).exitCode().code());
    }

    @Test
    void tmpfsAndBindMounts() throws Exception {
        String dir = a.dir().resolve("mnt-tmpfs").toString();
        lifecycle(params("device", "vigil-tmpfs", "directory", dir, "fstype", "tmpfs", "options", "size=4m"), dir);
        Path src = Files.createDirectories(a.dir().resolve("src"));
        Files.writeString(src.resolve("hello"), "hi");
        String bound = a.dir().resolve("mnt-bind").toString();
        Map<String, String> bind = params("device", src.toString(), "directory", bound, "fstype", "none",
                "options", "bind");
        lifecycle(bind, bound);
        assertTrue(fs.run(AgentAction.START, bind).isSuccess());
        assertEquals("hi", a.ok("cat", bound + "/hello"));
        assertTrue(fs.run(AgentAction.STOP, bind).isSuccess());
    }

    @Test
    void loopExt4AndABusyMountIsForceUnmounted() throws Exception {
        Path img = a.dir().resolve("disk.img");
        Cmd.ok("truncate", "-s", "16M", img.toString());
        Cmd.ok("mkfs.ext4", "-q", "-F", img.toString());
        String loop = a.ok("losetup", "-f", "--show", img.toString()).strip();
        lab.onClose(() -> Cmd.quietly("losetup", "-d", loop)); // autoclears once the node's mount is gone
        String dir = a.dir().resolve("mnt-ext4").toString();
        Map<String, String> p = params("device", loop, "directory", dir, "fstype", "ext4");
        lifecycle(p, dir);

        assertTrue(fs.run(AgentAction.START, p).isSuccess());
        a.ok("setsid", "-f", "sh", "-c", "cd \"$1\" && exec sleep 100000 < /dev/null > /dev/null 2>&1", "sh", dir);
        Poll.until("the holder runs in the mount", Duration.ofSeconds(5), () -> !a.pidsOf("sleep").isEmpty());
        long holder = a.pidsOf("sleep").get(0);
        Map<String, String> gentle = new java.util.HashMap<>(p);
        gentle.put("force_unmount", "false");
        AgentResult refused = fs.run(AgentAction.STOP, gentle);
        assertEquals(OcfExitCode.ERR_GENERIC, refused.exitCode(), "busy and not allowed to kill");
        assertTrue(Node.state(holder) != '-', "holder untouched");
        AgentResult stop = fs.run(AgentAction.STOP, p);
        assertTrue(stop.isSuccess(), stop.output());
        assertTrue(stop.output().contains("SIGTERM"), stop.output());
        Poll.until("the holder is gone", Duration.ofSeconds(5),
                () -> Node.state(holder) == '-' || Node.state(holder) == 'Z');
        assertFalse(mounts().contains(" " + dir + " "));
    }

    @Test
    void validationNamesTheParameterAndParametersStayLiteral() {
        Path pwned = lab.dir().resolve("pwned");
        String dir = a.dir().resolve("m").toString();
        assertEquals(OcfExitCode.ERR_CONFIGURED, fs.run(AgentAction.VALIDATE_ALL, params("directory", dir,
                "fstype", "tmpfs")).exitCode());
        AgentResult relative = fs.run(AgentAction.START, params("device", "x", "directory", "rel/dir", "fstype",
                "tmpfs"));
        assertEquals(OcfExitCode.ERR_CONFIGURED, relative.exitCode());
        assertTrue(relative.output().contains("parameter directory"), relative.output());
        AgentResult type = fs.run(AgentAction.START, params("device", "x", "directory", dir, "fstype",
                "ext4; touch " + pwned));
        assertEquals(OcfExitCode.ERR_CONFIGURED, type.exitCode());
        assertTrue(type.output().contains("parameter fstype"), type.output());
        AgentResult nfs = fs.run(AgentAction.START, params("device", "server:/export", "directory", dir, "fstype",
                "nfs"));
        assertEquals(OcfExitCode.ERR_INSTALLED, nfs.exitCode(), "no NFS client on this machine: " + nfs.output());
        AgentResult dev = fs.run(AgentAction.VALIDATE_ALL, params("device", "/dev/vigil-nosuch", "directory", dir,
                "fstype", "ext4"));
        assertEquals(OcfExitCode.ERR_INSTALLED, dev.exitCode());
        assertTrue(dev.output().contains("parameter device"), dev.output());
        // a hostile device name reaches mount as one literal argument (tmpfs accepts any source name)
        String evil = "x; touch " + pwned + " $(touch " + pwned + ")";
        assertTrue(fs.run(AgentAction.START, params("device", evil, "directory", dir, "fstype", "tmpfs"))
                .isSuccess());
        assertTrue(mounts().contains("x;\\040touch"), mounts());
        assertTrue(fs.run(AgentAction.STOP, params("device", evil, "directory", dir, "fstype", "tmpfs"))
                .isSuccess());
        assertFalse(Files.exists(pwned));
    }

    @Test
    void ocfTesterPasses() {
        Path script = OcfTester.exportScript(lab.dir().resolve("ocft"), FilesystemAgent.class.getName(), List.of());
        Outcome o = OcfTester.run(a, script, "fs", params("device", "vigil-ocft", "directory",
                a.dir().resolve("ocft-mnt").toString(), "fstype", "tmpfs"));
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.stdout().contains("passed all tests"), o.output());
    }

    /** Issue 9: every parameter, injected with shell metacharacters, is rejected by name or stays literal. */
    @Test
    void noParameterEverReachesAShell() throws Exception {
        Path pwned = lab.dir().resolve("pwned");
        Path dir = Files.createDirectories(a.dir().resolve("inj"));
        try (AgentHandle h = a.agent(FilesystemAgent.class.getName()).resource("inj")) {
            List<String> report = ShellInjection.check(h, AgentHandle.params("device", "vigilinj", "directory", dir.toString(), "fstype", "tmpfs"), pwned, Set.of(), Duration.ofSeconds(20));
            report.forEach(System.out::println);
        }
        assertFalse(Files.exists(pwned));
    }
}
