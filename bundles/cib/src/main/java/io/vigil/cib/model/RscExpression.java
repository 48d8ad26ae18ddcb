package io.vigil.cib.model;

/** Matches resources by agent (used in rsc_defaults rules). */
public record RscExpression(String id, String standard, String provider, String type) implements RuleCondition {
}
