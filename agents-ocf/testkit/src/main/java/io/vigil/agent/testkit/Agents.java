package io.vigil.agent.testkit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.BiFunction;

import io.vigil.api.agent.ResourceAgent;
import io.vigil.api.attribute.NodeAttributes;

/**
 * Instantiates an agent for {@link AgentHost} and {@link RunAction}: a {@link ResourceAgent} class with a public
 * no-argument constructor (given the attribute service through a public {@code bindNodeAttributes(NodeAttributes)}
 * method when it has one), or a {@code BiFunction<NodeAttributes, List<String>, ResourceAgent>} factory class that
 * receives the extra arguments.
 */
final class Agents {

    private Agents() {
    }

    @SuppressWarnings("unchecked")
    static ResourceAgent create(String className, NodeAttributes attributes, List<String> args) throws Exception {
        Class<?> c = Class.forName(className);
        Object o = c.getDeclaredConstructor().newInstance();
        if (o instanceof ResourceAgent agent) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals("bindNodeAttributes") && m.getParameterCount() == 1) {
                    m.invoke(agent, attributes);
                }
            }
            return agent;
        }
        if (o instanceof BiFunction<?, ?, ?> f) {
            return ((BiFunction<NodeAttributes, List<String>, ResourceAgent>) f).apply(attributes, args);
        }
        throw new IllegalArgumentException(className + " is neither a ResourceAgent nor an agent factory");
    }
}
