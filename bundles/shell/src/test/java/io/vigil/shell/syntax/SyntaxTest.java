package io.vigil.shell.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vigil.cib.model.DateExpression;
import io.vigil.cib.model.Expression;
import io.vigil.cib.model.Rule;
import io.vigil.cib.model.Score;

/** The shared pieces: tokenizer, suggestions, GNU options, the rule-expression grammar. */
class SyntaxTest {

    @Test
    void tokenizerKeepsQuotedWordsAndEscapes() {
        assertEquals(List.of("crm", "configure", "primitive", "web", "ocf:heartbeat:apache",
                "params", "statusurl=http://127.0.0.1/server status", "a b", "c\"d"),
                Tokenizer.split("crm configure  primitive web ocf:heartbeat:apache params "
                        + "statusurl=\"http://127.0.0.1/server status\" 'a b' c\\\"d"));
        assertEquals("unterminated single quote in: pcs 'x",
                assertThrows(IllegalArgumentException.class, () -> Tokenizer.split("pcs 'x")).getMessage());
    }

    @Test
    void suggestionsFindTyposTailsAndPrefixes() {
        List<String> meta = List.of("resource-stickiness", "migration-threshold", "target-role");
        assertEquals(Optional.of("resource-stickiness"), Suggestions.nearest("stickyness", meta));
        assertEquals(Optional.of("migration-threshold"), Suggestions.nearest("migration-treshold", meta));
        assertEquals(Optional.of("vip"), Suggestions.nearest("vpi", List.of("vip", "web")), "a swap is one edit");
        assertEquals(Optional.empty(), Suggestions.nearest("bb", List.of("a")), "too far for a short word");
        assertEquals(Optional.of("location-a-n1-INFINITY"),
                Suggestions.nearest("location-a-n1", List.of("location-a-n1-INFINITY", "order-a-b")));
        assertEquals(" (one of: a, b)", Suggestions.hint("zzz", List.of("a", "b")));
    }

    @Test
    void gnuOptions() {
        Options o = new Options().value("resource", 'r').flag("locate", 'W').flag("verbose", 'V');
        Options.Parsed p = o.parse(List.of("crm_resource", "-WVV", "--resource=vip", "x"));
        assertEquals("vip", p.value("resource"));
        assertEquals(2, p.count("verbose"));
        assertEquals(List.of(new Options.Value("x", 3)), p.positional());
        assertEquals("vip", o.parse(List.of("crm_resource", "-rvip")).value("resource"));
        assertEquals(String.join("\n",
                "option -r (--resource) needs a value",
                "  crm_resource -r",
                "                  ^"), assertThrows(CommandSyntaxException.class,
                        () -> o.parse(List.of("crm_resource", "-r"))).getMessage());
        assertEquals(String.join("\n",
                "option --locate takes no value",
                "  crm_resource --locate=yes",
                "               ^^^^^^^^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> o.parse(List.of("crm_resource", "--locate=yes"))).getMessage());
    }

    private static Rule rule(String expression) {
        List<String> words = Tokenizer.split("x " + expression);
        return RuleParser.parse(new Tokens(words, 1), Set.of(), "r", Score.MINUS_INFINITY, null, null);
    }

    @Test
    void rulesOfSeed001AndNestedAndOr() {
        Rule r = rule("not_defined pingd or pingd lte 0");
        assertEquals(new Rule("r", null, "or", Score.MINUS_INFINITY, null, null, List.of(
                new Expression("r-expr", "pingd", "not_defined", null, null, null),
                new Expression("r-expr-1", "pingd", "lte", "0", null, null))), r);
        Rule mixed = rule("#uname eq n1 and ( pingd gt integer 5 or defined foo )");
        assertEquals("and", mixed.booleanOp());
        Rule nested = (Rule) mixed.conditions().get(1);
        assertEquals(new Rule("r-rule", null, "or", null, null, null, List.of(
                new Expression("r-expr-1", "pingd", "gt", "5", "integer", null),
                new Expression("r-expr-2", "foo", "defined", null, null, null))), nested);
        Rule dates = rule("date in_range 2026-01-01 to 2026-02-01 or date-spec weekdays=1-5 hours=9-16");
        assertEquals(new DateExpression("r-expr", "in_range", "2026-01-01", "2026-02-01", Map.of(), Map.of()),
                dates.conditions().get(0));
        assertEquals(Map.of("id", "r-expr-1-datespec", "weekdays", "1-5", "hours", "9-16"),
                ((DateExpression) dates.conditions().get(1)).dateSpec());
    }

    @Test
    void ruleErrorsPointAtTheWord() {
        assertEquals(String.join("\n",
                "missing rule expression after 'or'",
                "  x not_defined pingd or",
                "                         ^"), assertThrows(CommandSyntaxException.class,
                        () -> rule("not_defined pingd or")).getMessage());
        assertEquals(String.join("\n",
                "missing ')' in rule expression",
                "  x ( defined a",
                "                ^"), assertThrows(CommandSyntaxException.class,
                        () -> rule("( defined a")).getMessage());
        assertEquals(String.join("\n",
                "unexpected 'pingd' in rule expression (expected 'and', 'or' or the end)",
                "  x defined a pingd lt 3",
                "              ^^^^^"), assertThrows(CommandSyntaxException.class,
                        () -> rule("defined a pingd lt 3")).getMessage());
    }
}
