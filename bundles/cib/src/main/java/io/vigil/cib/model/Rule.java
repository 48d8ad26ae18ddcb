package io.vigil.cib.model;

import java.util.List;

/**
 * A rule: conditions combined with {@code booleanOp} ("and" by default, or "or"). In a location constraint
 * the rule carries the score (or score-attribute) and an optional role. {@code idRef} marks an unresolved
 * reference to a rule defined elsewhere.
 */
public record Rule(String id, String idRef, String booleanOp, Score score, String scoreAttribute, String role,
                   List<RuleCondition> conditions) implements RuleCondition {

    public Rule {
        conditions = Lists.copy(conditions);
    }

    public boolean isOr() {
        return "or".equalsIgnoreCase(booleanOp);
    }
}
