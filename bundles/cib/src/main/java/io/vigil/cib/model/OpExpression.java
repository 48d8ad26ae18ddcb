package io.vigil.cib.model;

/** Matches operations by name and interval (used in op_defaults rules). */
public record OpExpression(String id, String name, String interval) implements RuleCondition {
}
