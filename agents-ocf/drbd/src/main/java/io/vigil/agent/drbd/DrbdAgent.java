package io.vigil.agent.drbd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.vigil.api.attribute.NodeAttributes;
import io.vigil.api.agent.support.AttributeAgent;
import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code ocf:linbit:drbd}, a promotable agent: start = {@code drbdadm up} (Secondary), promote = {@code drbdadm
 * primary} (refused unless the local disk is UpToDate), demote = {@code drbdadm secondary}, stop = secondary then
 * {@code drbdadm down}. Monitor reads {@code drbdadm status}: not configured → 7, Secondary → 0, Primary → 8, a
 * failed or unintentionally diskless disk → 9 when Primary, 1 when Secondary. Start, monitor and demote publish
 * the promotion score {@code master-<resource>} through {@link NodeAttributes} from {@code adjust_master_score}
 * (four values for: only Consistent data; only a peer's UpToDate data; local UpToDate as Secondary with peers
 * unknown; local UpToDate as Primary or with all peers known); Outdated or Inconsistent data gets no score. All
 * drbdadm calls use {@code -c drbdconf}; validate-all lets {@code drbdadm dump} check that the resource exists in
 * the configuration.
 */
public class DrbdAgent extends AttributeAgent<DrbdAgent.Config> {

    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private static final AgentMetadata METADATA = new AgentMetadata("drbd", "1.0", "Manages a DRBD device as a "
            + "promotable resource", "Brings a DRBD resource up as Secondary, promotes it to Primary, demotes and "
            + "takes it down; publishes promotion scores from the disk state.",
            List.of(new ParameterSpec("drbd_resource", "string", true, true, null, "DRBD resource name", ""),
                    ParameterSpec.optional("drbdconf", "/etc/drbd.conf", "path to drbd.conf"),
                    ParameterSpec.optional("adjust_master_score", "0 10 1000 10000",
                            "four promotion scores (see the agent description)"),
                    new ParameterSpec("stop_outdates_secondary", "boolean", false, false, "false",
                            "accepted for compatibility", ""),
                    new ParameterSpec("ignore_missing_notifications", "boolean", false, false, "false",
                            "accepted for compatibility", ""),
                    new ParameterSpec("wfc_timeout", "integer", false, false, "5",
                            "accepted for compatibility", "")),
            List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(240)),
                    ActionSpec.of(AgentAction.PROMOTE, Duration.ofSeconds(90)),
                    ActionSpec.of(AgentAction.DEMOTE, Duration.ofSeconds(90)),
                    ActionSpec.of(AgentAction.NOTIFY, Duration.ofSeconds(90)),
                    ActionSpec.of(AgentAction.STOP, Duration.ofSeconds(100)),
                    new ActionSpec(AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(20), 0,
                            "Unpromoted"),
                    new ActionSpec(AgentAction.MONITOR, Duration.ofSeconds(20), Duration.ofSeconds(10), 0,
                            "Promoted"),
                    ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5)),
                    ActionSpec.of(AgentAction.VALIDATE_ALL, Duration.ofSeconds(30))));

    record Config(String resource, Path conf, int[] scores) {
    }

    public DrbdAgent() {
        super(METADATA, DrbdAgent::validate);
    }

    @Override
    protected AgentResult perform(ActionRequest r, Config c, long deadline)
            throws IOException, InterruptedException {
        return switch (r.action()) {
            case VALIDATE_ALL -> configCheck(c, deadline);
            case START -> start(r, c, deadline);
            case STOP -> stop(r, c, deadline);
            case MONITOR -> monitor(r, c, deadline);
            case PROMOTE -> promote(r, c, deadline);
            case DEMOTE -> demote(r, c, deadline);
            case NOTIFY -> AgentResult.success();
            default -> unimplemented(r);
        };
    }

    static Object validate(ActionRequest r) {
        String res = r.parameter("drbd_resource", null);
        if (res == null) {
            return configured("parameter drbd_resource is required");
        }
        if (!RESOURCE.matcher(res).matches()) {
            return configured("parameter drbd_resource: '" + res + "' is not a DRBD resource name");
        }
        String conf = r.parameter("drbdconf", "/etc/drbd.conf");
        if (!conf.startsWith("/")) {
            return configured("parameter drbdconf: '" + conf + "' must be an absolute path");
        }
        String[] s = r.parameter("adjust_master_score", "0 10 1000 10000").trim().split("\\s+");
        if (s.length != 4) {
            return configured("parameter adjust_master_score: four numbers expected, not '"
                    + r.parameter("adjust_master_score", "") + "'");
        }
        int[] scores = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!s[i].matches("-?\\d{1,7}")) {
                return configured("parameter adjust_master_score: '" + s[i] + "' is not a number");
            }
            scores[i] = Integer.parseInt(s[i]);
            if (i > 0 && scores[i] < scores[i - 1]) {
                return configured("parameter adjust_master_score: values must not decrease");
            }
        }
        return new Config(res, Path.of(conf), scores);
    }

    private static AgentResult configured(String m) {
        return AgentResult.error(OcfExitCode.ERR_CONFIGURED, m);
    }

    private Outcome drbdadm(Config c, long deadline, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("drbdadm", "-c", c.conf().toString()));
        cmd.addAll(List.of(args));
        long left = Math.max(200, (deadline - System.nanoTime()) / 1_000_000);
        return AgentProcess.run(cmd, Map.of("LC_ALL", "C"), null, Duration.ofMillis(left));
    }

    private AgentResult configCheck(Config c, long deadline) throws IOException {
        if (!Files.isReadable(c.conf())) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "parameter drbdconf: " + c.conf()
                    + " does not exist");
        }
        Outcome o;
        try {
            o = drbdadm(c, deadline, "dump", c.resource());
        } catch (IOException e) {
            return AgentResult.error(OcfExitCode.ERR_INSTALLED, "drbdadm (drbd-utils) is not installed: "
                    + e.getMessage());
        }
        if (o.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_CONFIGURED, "parameter drbd_resource: " + c.resource()
                    + " is not defined in " + c.conf() + " for this host: " + o.stderr().strip());
        }
        return AgentResult.success();
    }

    /** The status, or empty when the resource is not configured (down). */
    private Optional<DrbdStatus> status(Config c, long deadline) throws IOException {
        Outcome o = drbdadm(c, deadline, "status", c.resource());
        if (o.exitCode() != 0 || !o.stdout().startsWith(c.resource() + " ")) {
            return Optional.empty();
        }
        return Optional.of(DrbdStatus.parse(c.resource(), o.stdout()));
    }

    private AgentResult start(ActionRequest r, Config c, long deadline) throws IOException {
        AgentResult check = configCheck(c, deadline);
        if (!check.isSuccess()) {
            return check;
        }
        if (status(c, deadline).isEmpty()) {
            Outcome up = drbdadm(c, deadline, "up", c.resource());
            if (up.exitCode() != 0) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "drbdadm up " + c.resource() + " failed: "
                        + up.output());
            }
        }
        Optional<DrbdStatus> s = status(c, deadline);
        if (s.isEmpty()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, c.resource() + " is not up after drbdadm up");
        }
        publishScore(r, c, s.get());
        return AgentResult.of(OcfExitCode.SUCCESS, c.resource() + " up as " + s.get().role() + ", disk "
                + s.get().disk());
    }

    private AgentResult stop(ActionRequest r, Config c, long deadline) throws IOException {
        Optional<DrbdStatus> s = status(c, deadline);
        if (s.isPresent()) {
            if (s.get().primary()) {
                Outcome sec = drbdadm(c, deadline, "secondary", c.resource());
                if (sec.exitCode() != 0) {
                    return AgentResult.error(OcfExitCode.ERR_GENERIC, "cannot demote " + c.resource()
                            + " before stopping: " + sec.output());
                }
            }
            Outcome down = drbdadm(c, deadline, "down", c.resource());
            if (down.exitCode() != 0 && status(c, deadline).isPresent()) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "drbdadm down " + c.resource() + " failed: "
                        + down.output());
            }
        }
        NodeAttributes attrs = attributes();
        if (attrs != null) {
            attrs.delete(r.environment().nodeName(), scoreName(r));
        }
        return AgentResult.of(OcfExitCode.SUCCESS, c.resource() + " is down");
    }

    private AgentResult monitor(ActionRequest r, Config c, long deadline) throws IOException {
        Optional<DrbdStatus> s = status(c, deadline);
        if (s.isEmpty()) {
            return AgentResult.notRunning(c.resource() + " is not configured (down)");
        }
        DrbdStatus st = s.get();
        publishScore(r, c, st);
        String what = c.resource() + " " + st.role() + ", disk " + st.disk();
        boolean broken = st.disk().equals("Failed") || st.disk().equals("Diskless");
        if (st.primary()) {
            return broken ? AgentResult.error(OcfExitCode.FAILED_PROMOTED, what)
                    : AgentResult.of(OcfExitCode.RUNNING_PROMOTED, what);
        }
        if (st.disk().equals("Failed")) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, what);
        }
        return AgentResult.of(OcfExitCode.SUCCESS, what);
    }

    private AgentResult promote(ActionRequest r, Config c, long deadline) throws IOException {
        Optional<DrbdStatus> s = status(c, deadline);
        if (s.isEmpty()) {
            return AgentResult.notRunning("cannot promote " + c.resource() + ": it is not started");
        }
        if (s.get().primary()) {
            return AgentResult.of(OcfExitCode.SUCCESS, c.resource() + " is already Primary");
        }
        if (!s.get().disk().equals("UpToDate")) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "refusing to promote " + c.resource()
                    + ": local disk is " + s.get().disk() + ", not UpToDate");
        }
        Outcome o = drbdadm(c, deadline, "primary", c.resource());
        if (o.exitCode() != 0) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, "drbdadm primary " + c.resource() + " failed: "
                    + o.output());
        }
        Optional<DrbdStatus> after = status(c, deadline);
        if (after.isEmpty() || !after.get().primary()) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, c.resource() + " is not Primary after promote");
        }
        publishScore(r, c, after.get());
        return AgentResult.of(OcfExitCode.SUCCESS, c.resource() + " is Primary");
    }

    private AgentResult demote(ActionRequest r, Config c, long deadline) throws IOException {
        Optional<DrbdStatus> s = status(c, deadline);
        if (s.isEmpty()) {
            return AgentResult.notRunning("cannot demote " + c.resource() + ": it is not started");
        }
        if (s.get().primary()) {
            Outcome o = drbdadm(c, deadline, "secondary", c.resource());
            if (o.exitCode() != 0) {
                return AgentResult.error(OcfExitCode.ERR_GENERIC, "drbdadm secondary " + c.resource() + " failed: "
                        + o.output());
            }
        }
        status(c, deadline).ifPresent(st -> publishScore(r, c, st));
        return AgentResult.of(OcfExitCode.SUCCESS, c.resource() + " is Secondary");
    }

    static String scoreName(ActionRequest r) {
        String id = r.resourceId();
        int colon = id.indexOf(':');
        return "master-" + (colon < 0 ? id : id.substring(0, colon));
    }

    /** The promotion score for a status, or empty when this node must not be promoted. */
    static Optional<Integer> score(DrbdStatus s, int[] adjust) {
        if (s.disk().equals("UpToDate")) {
            return Optional.of(s.primary() || s.allPeersKnown() ? adjust[3] : adjust[2]);
        }
        if (s.anyPeerUpToDate() && !s.disk().equals("Outdated") && !s.disk().equals("Inconsistent")) {
            return Optional.of(adjust[1]);
        }
        if (s.disk().equals("Consistent")) {
            return Optional.of(adjust[0]);
        }
        return Optional.empty();
    }

    private void publishScore(ActionRequest r, Config c, DrbdStatus s) {
        NodeAttributes attrs = attributes();
        if (attrs == null) {
            return;
        }
        Optional<Integer> score = score(s, c.scores());
        if (score.isPresent()) {
            attrs.set(r.environment().nodeName(), scoreName(r), Integer.toString(score.get()), Duration.ZERO);
        } else {
            attrs.delete(r.environment().nodeName(), scoreName(r));
        }
    }

}
