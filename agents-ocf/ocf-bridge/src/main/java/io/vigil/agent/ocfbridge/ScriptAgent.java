package io.vigil.agent.ocfbridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.vigil.api.agent.ActionRequest;
import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentMetadata;
import io.vigil.api.agent.AgentResult;
import io.vigil.api.agent.ExecStatus;
import io.vigil.api.agent.OcfExitCode;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;
import io.vigil.executor.process.AgentProcess;
import io.vigil.executor.process.AgentProcess.Outcome;

/**
 * {@code ocf:<provider>:<type>} implemented by running an OCF script, as Pacemaker's executor does: the action is
 * the only argument; parameters arrive as {@code OCF_RESKEY_<name>}, meta attributes as
 * {@code OCF_RESKEY_CRM_meta_<name>} (dashes become underscores; {@code timeout} and {@code interval} in
 * milliseconds), plus {@code OCF_ROOT}, {@code OCF_RA_VERSION_MAJOR/MINOR}, {@code OCF_RESOURCE_INSTANCE},
 * {@code OCF_RESOURCE_TYPE}, {@code OCF_RESOURCE_PROVIDER}, {@code OCF_CHECK_LEVEL}, {@code HA_RSCTMP} (the
 * node's run directory) and {@code HA_SBIN_DIR} = the shim directory, which is also first on {@code PATH}. Values
 * never pass through a shell. The script's exit code is the result (codes outside OCF 1.1 are generic errors); a
 * script that exceeds the timeout is killed with its whole process tree.
 */
public final class ScriptAgent implements ResourceAgent {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final Path script;
    private final String provider;
    private final String type;
    private final Path ocfRoot;
    private final Path shimDirectory;
    private final Supplier<NodeAttributes> attributes;
    private volatile CachedMetadata cached;

    private record CachedMetadata(FileTime modified, AgentMetadata metadata) {
    }

    /**
     * @param script the executable
     * @param provider the OCF provider ({@code heartbeat})
     * @param type the type ({@code IPaddr2})
     * @param ocfRoot {@code OCF_ROOT}, normally {@code /usr/lib/ocf}
     * @param shimDirectory where the attribute shims are installed
     * @param attributes the node attribute service, or a supplier of {@code null} while there is none
     */
    public ScriptAgent(Path script, String provider, String type, Path ocfRoot, Path shimDirectory,
            Supplier<NodeAttributes> attributes) {
        this.script = script;
        this.provider = provider;
        this.type = type;
        this.ocfRoot = ocfRoot;
        this.shimDirectory = shimDirectory;
        this.attributes = attributes;
    }

    /** The script this agent runs. */
    public Path script() {
        return script;
    }

    @Override
    public AgentMetadata metadata() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(script);
        } catch (IOException e) {
            return fallback("script " + script + " is gone");
        }
        CachedMetadata c = cached;
        if (c != null && c.modified().equals(modified)) {
            return c.metadata();
        }
        try {
            Map<String, String> env = baseEnvironment("meta-data");
            env.put("OCF_RESOURCE_INSTANCE", type);
            env.put("HA_RSCTMP", System.getProperty("java.io.tmpdir"));
            Outcome o = AgentProcess.run(List.of(script.toString(), "meta-data"), env, null, METADATA_TIMEOUT);
            if (o.completed() && o.exitCode() == 0) {
                var md = MetadataParser.parse(type, o.stdout());
                if (md.isPresent()) {
                    cached = new CachedMetadata(modified, md.get());
                    return md.get();
                }
            }
            return fallback("meta-data of " + script + " could not be read");
        } catch (IOException e) {
            return fallback("meta-data of " + script + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return fallback("meta-data of " + script + " failed: " + e);
        }
    }

    private AgentMetadata fallback(String why) {
        return new AgentMetadata(type, "0", "OCF script " + script, why, List.of(),
                List.of(ActionSpec.of(AgentAction.START, Duration.ofSeconds(20)),
                        ActionSpec.of(AgentAction.STOP, Duration.ofSeconds(20)),
                        ActionSpec.of(AgentAction.MONITOR, Duration.ofSeconds(20)),
                        ActionSpec.of(AgentAction.META_DATA, Duration.ofSeconds(5))));
    }

    @Override
    public AgentResult execute(ActionRequest request) {
        try {
            for (String name : request.parameters().keySet()) {
                if (!NAME.matcher(name).matches()) {
                    return AgentResult.error(OcfExitCode.ERR_CONFIGURED, "parameter name '" + name + "' of "
                            + request.resourceId() + " cannot be passed to an OCF script");
                }
            }
            for (Map.Entry<String, String> e : request.parameters().entrySet()) {
                if (e.getValue().indexOf('\0') >= 0) {
                    return AgentResult.error(OcfExitCode.ERR_CONFIGURED, "parameter " + e.getKey() + " of "
                            + request.resourceId() + " contains a NUL character");
                }
            }
            if (!Files.isExecutable(script)) {
                return AgentResult.error(OcfExitCode.ERR_INSTALLED, "OCF script " + script
                        + " is missing or not executable");
            }
            NodeAttributes attrs = attributes.get();
            Path run = request.environment().runDirectory();
            try (AttributeChannel channel = AttributeChannel.open(run, request.environment().nodeName(), attrs)) {
                Map<String, String> env = environment(request);
                env.putAll(channel.environment());
                Outcome o = AgentProcess.run(List.of(script.toString(), request.action().ocfName()), env, run,
                        request.timeout());
                if (o.interrupted()) {
                    return AgentResult.failed(ExecStatus.CANCELLED, request.action() + " of "
                            + request.resourceId() + " interrupted; script killed");
                }
                if (o.timedOut()) {
                    return AgentResult.failed(ExecStatus.TIMED_OUT, request.action() + " of "
                            + request.resourceId() + " timed out after " + request.timeout().toMillis()
                            + " ms; script killed");
                }
                String note = channel.apply(attrs);
                String out = o.output();
                if (!note.isEmpty()) {
                    out = out.isEmpty() ? note : out + "\n" + note;
                }
                return AgentResult.of(OcfExitCode.of(o.exitCode()), out);
            }
        } catch (IOException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of " + request.resourceId()
                    + " could not run " + script + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return AgentResult.error(OcfExitCode.ERR_GENERIC, request.action() + " of " + request.resourceId()
                    + " failed: " + e);
        }
    }

    Map<String, String> environment(ActionRequest request) {
        Map<String, String> env = baseEnvironment(request.action().ocfName());
        env.put("OCF_RESOURCE_INSTANCE", request.resourceId());
        env.put("HA_RSCTMP", request.environment().runDirectory().toString());
        request.parameters().forEach((k, v) -> {
            if (k.equals("OCF_CHECK_LEVEL")) {
                env.put("OCF_CHECK_LEVEL", v);
            } else {
                env.put("OCF_RESKEY_" + k, v);
            }
        });
        request.meta().forEach((k, v) -> env.put("OCF_RESKEY_CRM_meta_" + k.replace('-', '_'), v));
        env.put("OCF_RESKEY_CRM_meta_timeout", Long.toString(request.timeout().toMillis()));
        env.put("OCF_RESKEY_CRM_meta_interval", Long.toString(request.interval().toMillis()));
        env.putIfAbsent("OCF_RESKEY_CRM_meta_on_node", request.environment().nodeName());
        if (!env.containsKey("OCF_CHECK_LEVEL")) {
            String depth = request.meta().get("OCF_CHECK_LEVEL");
            if (depth != null) {
                env.put("OCF_CHECK_LEVEL", depth);
            }
        }
        return env;
    }

    private Map<String, String> baseEnvironment(String action) {
        Map<String, String> env = new HashMap<>();
        env.put("OCF_ROOT", ocfRoot.toString());
        env.put("OCF_RA_VERSION_MAJOR", "1");
        env.put("OCF_RA_VERSION_MINOR", "1");
        env.put("OCF_RESOURCE_TYPE", type);
        env.put("OCF_RESOURCE_PROVIDER", provider);
        env.put("__OCF_ACTION", action);
        env.put("HA_SBIN_DIR", shimDirectory.toString());
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("PATH", shimDirectory + ":" + path);
        return env;
    }
}
