package io.vigil.agent.ipaddr2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import io.vigil.agent.ocfbridge.ScriptAgent;
import io.vigil.agent.ocfbridge.Shims;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/** Test-only: the OCF bridge's agent for Debian's real IPaddr2 script, built inside a test node. */
public final class ScriptFactory implements BiFunction<NodeAttributes, List<String>, ResourceAgent> {

    @Override
    public ResourceAgent apply(NodeAttributes attributes, List<String> args) {
        try {
            Path shims = Shims.install(Path.of(args.get(0)));
            return new ScriptAgent(Path.of("/usr/lib/ocf/resource.d/heartbeat/IPaddr2"), "heartbeat", "IPaddr2",
                    Path.of("/usr/lib/ocf"), shims, () -> attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
