package io.vigil.agent.ocfbridge;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/**
 * Test-only factory for the test kit's agent host: builds a {@link ScriptAgent} inside a test node from the
 * arguments {@code script provider type shimDirectory}.
 */
public final class ScriptAgentFactory implements BiFunction<NodeAttributes, List<String>, ResourceAgent> {

    @Override
    public ResourceAgent apply(NodeAttributes attributes, List<String> args) {
        return new ScriptAgent(Path.of(args.get(0)), args.get(1), args.get(2), Path.of("/usr/lib/ocf"),
                Path.of(args.get(3)), () -> attributes);
    }
}
