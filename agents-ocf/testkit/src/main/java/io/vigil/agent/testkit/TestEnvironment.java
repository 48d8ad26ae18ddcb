package io.vigil.agent.testkit;

import java.nio.file.Path;

import io.vigil.api.agent.AgentEnvironment;

/** The node an agent runs on, as the test kit (standing in for the executor) tells it. */
public record TestEnvironment(String nodeName, Path runDirectory) implements AgentEnvironment {
}
