package io.vigil.cib.xml;

import org.w3c.dom.Element;

import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.OpExpression;
import io.vigil.cib.model.RscExpression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;

/** Writes rules and expressions. */
final class RuleWriter {
    private final XmlOut out;

    RuleWriter(XmlOut out) {
        this.out = out;
    }

    void write(Element parent, Rule r) {
        Element e = out.child(parent, "rule");
        out.attr(e, "id", r.id()).attr(e, "id-ref", r.idRef()).attr(e, "boolean-op", r.booleanOp())
                .attr(e, "score", r.score()).attr(e, "score-attribute", r.scoreAttribute()).attr(e, "role", r.role());
        for (RuleCondition c : r.conditions()) {
            condition(e, c);
        }
    }

    private void condition(Element parent, RuleCondition c) {
        if (c instanceof Rule r) {
            write(parent, r);
        } else if (c instanceof Expression x) {
                Element e = out.child(parent, "expression");
                out.attr(e, "id", x.id()).attr(e, "attribute", x.attribute()).attr(e, "operation", x.operation())
                        .attr(e, "value", x.value()).attr(e, "type", x.type()).attr(e, "value-source", x.valueSource());
        } else if (c instanceof DateExpression d) {
                Element e = out.child(parent, "date_expression");
                out.attr(e, "id", d.id()).attr(e, "operation", d.operation()).attr(e, "start", d.start())
                        .attr(e, "end", d.end());
                if (!d.duration().isEmpty()) {
                    out.attrs(out.child(e, "duration"), d.duration());
                }
                if (!d.dateSpec().isEmpty()) {
                    out.attrs(out.child(e, "date_spec"), d.dateSpec());
                }
        } else if (c instanceof RscExpression x) {
                Element e = out.child(parent, "rsc_expression");
                out.attr(e, "id", x.id()).attr(e, "class", x.standard()).attr(e, "provider", x.provider())
                        .attr(e, "type", x.type());
        } else if (c instanceof OpExpression x) {
                Element e = out.child(parent, "op_expression");
                out.attr(e, "id", x.id()).attr(e, "name", x.name()).attr(e, "interval", x.interval());
        }
    }
}
