package io.vigil.agent.lsb;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/** Test-only factory for the test kit's agent host: an {@link LsbAgent} for the script given as argument. */
public final class LsbAgentFactory implements BiFunction<NodeAttributes, List<String>, ResourceAgent> {

    @Override
    public ResourceAgent apply(NodeAttributes attributes, List<String> args) {
        return new LsbAgent(Path.of(args.get(0)));
    }
}
