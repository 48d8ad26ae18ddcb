package io.vigil.cib.model;

/** One condition inside a rule: an expression, a date expression, a resource or op expression, or a nested rule. */
public sealed interface RuleCondition
        permits Expression, DateExpression, RscExpression, OpExpression, Rule {

    String id();
}
