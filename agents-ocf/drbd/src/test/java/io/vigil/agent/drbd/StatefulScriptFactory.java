package io.vigil.agent.drbd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import io.vigil.agent.ocfbridge.ScriptAgent;
import io.vigil.agent.ocfbridge.Shims;
import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/** Test-only: the OCF bridge's agent for Pacemaker's real Stateful script, built inside a test node. */
public final class StatefulScriptFactory implements BiFunction<NodeAttributes, List<String>, ResourceAgent> {

    @Override
    public ResourceAgent apply(NodeAttributes attributes, List<String> args) {
        try {
            return new ScriptAgent(Path.of("/usr/lib/ocf/resource.d/pacemaker/Stateful"), "pacemaker", "Stateful",
                    Path.of("/usr/lib/ocf"), Shims.install(Path.of(args.get(0))), () -> attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
