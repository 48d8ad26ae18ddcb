package io.vigil.api.agent;

import java.util.Objects;

/**
 * An agent type as Pacemaker names it: {@code standard:provider:type} for OCF ({@code ocf:heartbeat:IPaddr2}),
 * {@code standard:type} otherwise ({@code lsb:apache2}, {@code stonith:fence_ipmilan}).
 *
 * @param standard the resource class ({@code ocf}, {@code lsb}, {@code stonith}, …)
 * @param provider the OCF provider, or {@code null} for standards without providers
 * @param type the agent's type name
 */
public record AgentId(String standard, String provider, String type) implements Comparable<AgentId> {

    public AgentId {
        requireToken(standard, "standard");
        requireToken(type, "type");
        if ("ocf".equals(standard)) {
            requireToken(provider, "provider");
        } else if (provider != null && provider.isEmpty()) {
            provider = null;
        }
    }

    private static void requireToken(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("agent " + field + " must not be empty");
        }
        if (value.indexOf(':') >= 0 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("agent " + field + " '" + value + "' must not contain ':' or spaces");
        }
    }

    /**
     * Parses {@code ocf:provider:type}, {@code lsb:type} or {@code stonith:type}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static AgentId parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(":", -1);
        if (parts.length == 3) {
            return new AgentId(parts[0], parts[1], parts[2]);
        }
        if (parts.length == 2 && !"ocf".equals(parts[0])) {
            return new AgentId(parts[0], null, parts[1]);
        }
        throw new IllegalArgumentException("'" + text + "' is not an agent name: expected ocf:PROVIDER:TYPE, "
                + "lsb:TYPE or stonith:TYPE");
    }

    @Override
    public String toString() {
        return provider == null ? standard + ":" + type : standard + ":" + provider + ":" + type;
    }

    @Override
    public int compareTo(AgentId o) {
        return toString().compareTo(o.toString());
    }
}
