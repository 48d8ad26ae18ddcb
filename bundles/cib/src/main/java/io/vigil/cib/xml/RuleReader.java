package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.OpExpression;
import io.vigil.cib.model.RscExpression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.RuleCondition;

/** Reads rules and their expressions. */
final class RuleReader {
    private final ImportContext ctx;

    RuleReader(ImportContext ctx) {
        this.ctx = ctx;
    }

    Rule read(Element e, String section) {
        XmlAttrs a = new XmlAttrs(e);
        String id = a.get("id");
        String idRef = a.get("id-ref");
        if (idRef != null) {
            ctx.unsupportedFeature("rule", idRef, section, "id-ref to another rule is kept but not resolved");
        }
        String booleanOp = a.get("boolean-op");
        var score = ctx.score(a.get("score"), "rule", id, "score");
        String scoreAttribute = a.get("score-attribute");
        String role = a.get("role");
        ctx.unknownAttributes(e, a.rest(), section);
        List<RuleCondition> conditions = new ArrayList<>();
        for (Element c : Dom.children(e)) {
            RuleCondition rc = condition(c, section);
            if (rc != null) {
                conditions.add(rc);
            }
        }
        return new Rule(id, idRef, booleanOp, score, scoreAttribute, role, conditions);
    }

    private RuleCondition condition(Element c, String section) {
        XmlAttrs a = new XmlAttrs(c);
        RuleCondition rc;
        switch (c.getTagName()) {
            case "rule":
                return read(c, section);
            case "expression":
                rc = new Expression(a.get("id"), a.get("attribute"), a.get("operation"), a.get("value"),
                        a.get("type"), a.get("value-source"));
                break;
            case "date_expression":
                rc = dateExpression(c, a, section);
                break;
            case "rsc_expression":
                rc = new RscExpression(a.get("id"), a.get("class"), a.get("provider"), a.get("type"));
                break;
            case "op_expression":
                rc = new OpExpression(a.get("id"), a.get("name"), a.get("interval"));
                break;
            default:
                ctx.unsupportedElement(c, section, "unknown rule condition");
                return null;
        }
        ctx.unknownAttributes(c, a.rest(), section);
        return rc;
    }

    private DateExpression dateExpression(Element c, XmlAttrs a, String section) {
        Map<String, String> duration = Map.of();
        Map<String, String> dateSpec = Map.of();
        for (Element d : Dom.children(c)) {
            switch (d.getTagName()) {
                case "duration" -> duration = XmlAttrs.all(d);
                case "date_spec" -> dateSpec = XmlAttrs.all(d);
                default -> ctx.unsupportedElement(d, section, "unexpected element in date_expression");
            }
        }
        return new DateExpression(a.get("id"), a.get("operation"), a.get("start"), a.get("end"), duration, dateSpec);
    }
}
