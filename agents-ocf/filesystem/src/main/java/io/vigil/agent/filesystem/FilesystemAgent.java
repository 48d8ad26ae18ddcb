package io.vigil.agent.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ParameterSpec;
import io.vigil.api.agent.support.ConfiguredAgent;
import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code ocf:heartbeat:Filesystem}: mounts {@code device} on {@code directory} ({@code mount -t fstype -o options},
 * each an argument of its own). Monitor looks the directory up in {@code /proc/mounts}; at {@code OCF_CHECK_LEVEL}
 * 20 it also writes, syncs and reads back a status file {@code <directory>/<statusfile_prefix><instance>_<node>}.
 * Stop unmounts; when the mount is busy and {@code force_unmount} is {@code true} or {@code safe} it sends SIGTERM,
 * then SIGKILL, to the processes whose cwd, root, executable, open files or mappings lie under the mount point
 * (found by scanning {@code /proc}, so only processes of this node's PID namespace), retrying until the action's
 * timeout. Parameter names and defaults follow the ClusterLabs agent.
 */
public class FilesystemAgent extends ConfiguredAgent<FilesystemAgent.Config> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern FSTYPE = Pattern.compile("[a-z0-9_.]{1,32}");
    private static final List<String> NETWORK = List.of("nfs", "nfs4", "cifs", "smbfs", "glusterfs", "ceph",
            "9p");

    private static final AgentMetadata METADATA = new AgentMetadata("Filesystem", "1.1",
            "Manages filesystem mounts",
            "Mounts a filesystem (a block device, a bind mount, tmpfs, …) on a directory and unmounts it on stop, "
                    + "terminating the processes that keep it busy when force_unmount allows.",
            List.of(ParameterSpec.required("device", "block device, bind source or other mount source"),
                    new ParameterSpec("directory", "string", true, true, null, "mount point",
                            "Absolute path of the mount point; created when missing."),
                    ParameterSpec.required("fstype", "filesystem type (ext4, xfs, tmpfs, none for bind, …)"),
                    ParameterSpec.optional("options", "", "mount options (-o), e.g. ro,noatime or bind"),
                    ParameterSpec.optional("statusfile_prefix", ".Filesystem_status/",
                            "prefix of the status file written by monitor at depth 20"),
                    ParameterSpec.optional("run_fsck", "auto", "fsck before mounting: not run by Vigil (accepted)"),
                    ParameterSpec.optional("fast_stop", "no", "accepted for compatibility"),
                    new ParameterSpec("force_clones", "boolean", false, false, "false",
                            "allow cloning a non-cluster filesystem", ""),
                    ParameterSpec.optional("force_unmount", "true",
                            "true/safe: terminate processes using the mount on stop; false: never")),
            List.of(ActionSpec.of(AgentAction.START, DEFAULT_TIMEOUT), ActionSpec.of(AgentAction.STOP, DEFAULT_TIMEOUT),
                    ActionSpec.recurring(AgentAction.MONITOR, Duration.ofSeconds(40), Duration.ofSeconds(20)),
                    new ActionSpec(AgentAction.MONITOR, Duration.ofSeconds(40), Duration.ofSeconds(61), 20, null),
                    ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                    ActionSpec.of(AgentAction.VALIDATE_ALL, Duration.ofSeconds(5))));

    record Config(String device, String directory, String fstype, String options, boolean bind, String force,
            String statusPrefix) {
    }

    public FilesystemAgent() {
        super(METADATA, FilesystemAgent::validate);
    }

    @Override
    protected AgentResult perform(ActionRequest r, Config c, long deadline)
            throws IOException, InterruptedException {
        return switch (r.action()) {
            case VALIDATE_ALL -> installed(c).orElse(AgentResult.success());
            case START -> start(c, deadline);
            case STOP -> stop(c, deadline);
            case MONITOR -> monitor(r, c);
            default -> unimplemented(r);
        };
    }

    static Object validate(ActionRequest r) {
        String device = r.parameter("device", null);
        String dir = r.parameter("directory", null);
        String fstype = r.parameter("fstype", null);
        String options = r.parameter("options", "");
        if (device == null) {
            return configured("parameter device is required");
        }
        if (dir == null) {
            return configured("parameter directory is required");
        }
        if (!dir.startsWith("/") || dir.contains("\n") || dir.contains("\0") || dir.contains("/../")
                || dir.endsWith("/..")) {
            return configured("parameter directory: '" + dir + "' must be an absolute path without '..'");
        }
        if (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        if (dir.equals("/")) {
            return configured("parameter directory: refusing to manage the root filesystem");
        }
        if (device.startsWith("-") && !device.matches("-[UL]\\s*\\S+")) {
            return configured("parameter device: '" + device + "' looks like an option");
        }
        if (options.startsWith("-") || options.contains("\n")) {
            return configured("parameter options: '" + options + "' must be a comma-separated option list");
        }
        boolean bind = List.of(options.split(",")).stream().anyMatch(o -> o.equals("bind") || o.equals("rbind"));
        if (fstype == null && !bind) {
            return configured("parameter fstype is required");
        }
        if (fstype != null && !FSTYPE.matcher(fstype).matches()) {
            return configured("parameter fstype: '" + fstype + "' is not a filesystem type name");
        }
        String force = r.parameter("force_unmount", "true").toLowerCase(java.util.Locale.ROOT);
        if (force.matches("yes|on|1|y")) {
            force = "true";
        } else if (force.matches("no|off|0|n")) {
            force = "false";
        }
        if (!force.matches("true|false|safe")) {
            return configured("parameter force_unmount: '" + force + "' must be true, false or safe");
        }
        String prefix = r.parameter("statusfile_prefix", ".Filesystem_status/");
        if (prefix.startsWith("/") || prefix.contains("..")) {
            return configured("parameter statusfile_prefix: '" + prefix + "' must be relative, without '..'");
        }
        return new Config(device, dir, fstype == null ? "none" : fstype, options, bind, force, prefix);
    }

    private static AgentResult configured(String m) {
        return AgentResult.error(OcfExitCode.ERR_CONFIGURED, m);
    }

    /** Whether what the resource needs exists on this node. */
    private Optional<AgentResult> installed(Config c) throws IOException {
        if (!c.bind() && !c.fstype().equals("none")) {
            String fs = Files.readString(Path.of("/proc/filesystems"));
            boolean known = fs.lines().anyMatch(l -> l.endsWith("\t" + c.fstype()));
            if (!known) {
                modprobe(c.fstype());
                known = Files.readString(Path.of("/proc/filesystems")).lines()
                        .anyMatch(l -> l.endsWith("\t" + c.fstype()));
            }
            if (!known && !Files.isExecutable(Path.of("/sbin/mount." + c.fstype()))) {
                return Optional.of(AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter fstype: this node "
                        + "does not support filesystem type " + c.fstype()
                        + (NETWORK.contains(c.fstype()) ? " (network filesystem client not installed)" : "")));
            }
        }
        if ((c.device().startsWith("/dev/") || c.bind()) && !Files.exists(Path.of(c.device()))) {
            return Optional.of(AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter device: " + c.device()
                    + " does not exist on this node"));
        }
        return Optional.empty();
    }

    private static void modprobe(String fstype) {
        try {
            AgentProcess.run(List.of("modprobe", "-q", fstype), Map.of(), null, Duration.ofSeconds(10));
        } catch (IOException e) {
            // no modprobe: the check that follows decides
        }
    }

    private AgentResult start(Config c, long deadline) throws IOException {
        if (Mounts.on(c.directory()).isPresent()) {
            return AgentResult.of(OcfExitCode.SUCCESS, c.directory() + " is already mounted");
        }
        Optional<AgentResult> missing = installed(c);
        if (missing.isPresent()) {
            return missing.get();
        }
        Files.createDirectories(Path.of(c.directory()));
        List<String> cmd = new ArrayList<>(List.of("mount"));
        if (!c.bind()) {
            cmd.add("-t");
            cmd.add(c.fstype());
        }
        if (!c.options().isEmpty()) {
            cmd.add("-o");
            cmd.add(c.options());
        }
        if (c.device().matches("-[UL]\\s*\\S+")) {
            cmd.add(c.device().substring(0, 2));
            cmd.add(c.device().substring(2).trim());
        } else {
            cmd.add("--source");
            cmd.add(c.device());
        }
        cmd.add("--target");
        cmd.add(c.directory());
        Outcome o = AgentProcess.run(cmd, Map.of("LC_ALL", "C"), null, left(deadline));
        if (!o.completed()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "mount of " + c.directory() + " did not complete");
        }
        if (o.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "mount " + c.device() + " on " + c.directory()
                    + " failed (rc " + o.exitCode() + "): " + o.output());
        }
        return AgentResult.of(OcfExitCode.SUCCESS, "mounted " + c.device() + " on " + c.directory());
    }

    private AgentResult monitor(ActionRequest r, Config c) throws IOException {
        if (Mounts.on(c.directory()).isEmpty()) {
            return AgentResult.notRunning(c.directory() + " is not mounted");
        }
        if (r.checkLevel() >= 20) {
            String suffix = r.resourceId() + (r.meta().containsKey("clone") ? "_" + r.meta().get("clone") : "")
                    + "_" + r.environment().nodeName();
            Path status = Path.of(c.directory(), c.statusPrefix() + suffix.replace('/', '_'));
            try {
                Files.createDirectories(status.getParent());
                byte[] data = (r.resourceId() + "\n").getBytes(StandardCharsets.UTF_8);
                try (FileChannel ch = FileChannel.open(status, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(ByteBuffer.wrap(data));
                    ch.force(true);
                }
                if (!java.util.Arrays.equals(Files.readAllBytes(status), data)) {
                    return AgentResult.error(OcfExitCode.ERR_GENERIC, "status file " + status
                            + " reads back differently");
                }
            } catch (IOException e) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "read/write check of " + c.directory()
                        + " failed: " + e.getMessage());
            }
        }
        return AgentResult.of(OcfExitCode.SUCCESS, c.directory() + " is mounted");
    }

    private AgentResult stop(Config c, long deadline) throws IOException, InterruptedException {
        if (Mounts.on(c.directory()).isEmpty()) {
            return AgentResult.of(OcfExitCode.SUCCESS, c.directory() + " is not mounted");
        }
        StringBuilder log = new StringBuilder();
        int round = 0;
        while (true) {
            Outcome o = AgentProcess.run(List.of("umount", c.directory()), Map.of("LC_ALL", "C"), null,
                    shortOf(deadline, Duration.ofSeconds(10)));
            if (Mounts.on(c.directory()).isEmpty()) {
                return AgentResult.of(OcfExitCode.SUCCESS, "unmounted " + c.directory() + log);
            }
            if (!c.force().equals("true") && !c.force().equals("safe")) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "cannot unmount " + c.directory()
                        + " and force_unmount=false: " + o.output());
            }
            if (System.nanoTime() > deadline - Duration.ofMillis(500).toNanos()) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "could not unmount " + c.directory()
                        + " before the timeout: " + o.output() + log);
            }
            List<Long> holders = Holders.of(c.directory());
            boolean hard = round >= 2;
            for (long pid : holders) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    if (hard) {
                        h.destroyForcibly();
                    } else {
                        h.destroy();
                    }
                });
            }
            if (!holders.isEmpty()) {
                log.append("; sent ").append(hard ? "SIGKILL" : "SIGTERM").append(" to ").append(holders);
            }
            round++;
            waitGone(holders, Math.min(deadline, System.nanoTime() + Duration.ofSeconds(1).toNanos()));
        }
    }

    private static void waitGone(List<Long> pids, long until) throws InterruptedException {
        while (System.nanoTime() < until) {
            boolean any = pids.stream().anyMatch(FilesystemAgent::alive);
            if (!any) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Alive and not a zombie (a zombie holds nothing). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(200).toNanos(), deadline - System.nanoTime()));
    }

    private static Duration shortOf(long deadline, Duration cap) {
        Duration l = left(deadline);
        return l.compareTo(cap) > 0 ? cap : l;
    }

    /** The meta-data with the {@code ra-api-1.dtd} document type OCF tools validate against. */
}
