package io.vigil.cib.model;

/**
 * A node attribute expression: {@code attribute operation value}, compared as {@code type}
 * (string, integer, number, version); {@code valueSource} is literal, param or meta.
 */
public record Expression(String id, String attribute, String operation, String value, String type,
                         String valueSource) implements RuleCondition {
}
