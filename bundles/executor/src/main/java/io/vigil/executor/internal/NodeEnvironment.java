package io.vigil.executor.internal;

import java.nio.file.Path;

import io.vigil.api.agent.AgentEnvironment;

/** This node as agents see it. */
record NodeEnvironment(String nodeName, Path runDirectory) implements AgentEnvironment {
}
