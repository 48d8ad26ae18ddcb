package io.vigil.agent.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;

/**
 * Issue 9's rule "agent parameters never reach a shell", checked for every parameter an agent declares: each in
 * turn gets its usual value followed by every common way to make a shell run a command ({@code ;}, {@code $(…)},
 * backticks, {@code |}, {@code &&}, a newline), all of which would create a marker file; then validate-all, start,
 * a probe and stop run. The marker must never appear, and a validation error must name the parameter. A value
 * that passes validation reaches the agent's programs as a literal argument: it may make them fail, never run.
 */
public final class ShellInjection {

    private static final Pattern PARAMETER = Pattern.compile("<parameter name=\"([^\"]+)\"");
    private static final List<AgentAction> ACTIONS = List.of(AgentAction.VALIDATE_ALL, AgentAction.START,
            AgentAction.MONITOR, AgentAction.STOP);

    private ShellInjection() {
    }

    /** The value that would touch {@code marker} if any shell ever saw it. */
    public static String payload(String usual, Path marker) {
        String touch = "touch " + marker;
        return usual + ";" + touch + ";$(" + touch + ")`" + touch + "`|" + touch + "&&" + touch + "\n" + touch;
    }

    /**
     * Injects into every declared parameter (except {@code skip}) and returns one line per parameter saying what
     * the agent did with it; fails at the first parameter that ran the payload or was rejected without a name.
     *
     * @param base parameters that make a valid resource, each injection replaces one of them
     * @param timeout the timeout of each action (an injected value may make a start wait for nothing)
     */
    public static List<String> check(AgentHandle agent, Map<String, String> base, Path marker, Set<String> skip,
            Duration timeout) {
        AgentResult meta = agent.run(AgentAction.META_DATA, Map.of());
        Matcher m = PARAMETER.matcher(meta.output());
        List<String> report = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (skip.contains(name)) {
                continue;
            }
            Map<String, String> params = new HashMap<>(base);
            params.put(name, payload(base.getOrDefault(name, "x"), marker));
            StringBuilder line = new StringBuilder(name + ":");
            for (AgentAction action : ACTIONS) {
                AgentResult r = agent.run(action, params, Map.of(), Duration.ZERO, timeout);
                if (Files.exists(marker)) {
                    throw new AssertionError("parameter " + name + " reached a shell during " + action + ": "
                            + marker + " exists; result " + r);
                }
                if (action == AgentAction.VALIDATE_ALL && r.status() == ExecStatus.DONE
                        && (r.exitCode() == OcfExitCode.ERR_CONFIGURED || r.exitCode() == OcfExitCode.ERR_ARGS)
                        && !r.output().contains(name)) {
                    throw new AssertionError("validate-all rejected an injected " + name + " without naming it: "
                            + r.output());
                }
                line.append(' ').append(action).append('=').append(r.exitCode().code());
                if (action == AgentAction.VALIDATE_ALL) {
                    line.append(" (").append(firstLine(r.output())).append(')');
                }
            }
            report.add(line.toString());
        }
        if (report.isEmpty()) {
            throw new AssertionError("the agent declares no parameters to inject into: " + meta.output());
        }
        return report;
    }

    private static String firstLine(String s) {
        String l = s.strip().lines().findFirst().orElse("");
        return l.length() > 140 ? l.substring(0, 140) + "…" : l;
    }
}
