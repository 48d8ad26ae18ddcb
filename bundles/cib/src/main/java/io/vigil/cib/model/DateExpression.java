package io.vigil.cib.model;

import java.util.Map;

/**
 * A date expression: operation in_range / gt / lt / date_spec, with start/end and the attributes of the
 * optional duration and date_spec children (each keeps its own id under the key "id").
 */
public record DateExpression(String id, String operation, String start, String end,
                             Map<String, String> duration, Map<String, String> dateSpec) implements RuleCondition {

    public DateExpression {
        duration = Lists.copy(duration);
        dateSpec = Lists.copy(dateSpec);
    }
}
