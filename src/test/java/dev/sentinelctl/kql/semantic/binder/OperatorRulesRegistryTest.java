package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.eval.EngineOperatorTable;
import dev.sentinelctl.kql.syntax.QueryOperator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator record of the parser has a binder rule in {@link OperatorRules} (a new operator that nothing
 * handles fails here), and the binder's table covers the same operators as the engine's.
 */
class OperatorRulesRegistryTest {

    private static final Class<?>[] PARSER_OPERATORS = QueryOperator.class.getPermittedSubclasses();

    @Test
    void everyParserOperatorHasABinderRule() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : PARSER_OPERATORS) {
            if (!OperatorRules.registered().contains(c)) missing.add(c.getSimpleName());
        }
        assertEquals(List.of(), missing, "parser operators without a rule (or a named NotModelled entry) in OperatorRules");
        assertEquals(PARSER_OPERATORS.length, OperatorRules.registered().size(), "OperatorRules has entries the parser does not");
    }

    @Test
    void theEngineAndTheBinderCoverTheSameOperators() {
        assertEquals(names(EngineOperatorTable.registered()), names(OperatorRules.registered()),
                "kql.eval.Operators and OperatorRules must name the same parser records");
    }

    @Test
    void eachRuleIsFoundUnderItsOwnSyntax() {
        for (Class<?> c : PARSER_OPERATORS) {
            assertEquals(c, OperatorRules.forSyntax(c).syntax(), c.getSimpleName());
        }
    }

    /** Not modelling an operator is a decision listed here with its reason; adding one means changing this test. */
    @Test
    void onlyNamedDecisionsLeaveAnOperatorUnmodelled() {
        Map<String, String> notModelled = new TreeMap<>();
        for (Class<?> c : PARSER_OPERATORS) {
            if (OperatorRules.forSyntax(c) instanceof OperatorRules.NotModelled<?> n) {
                assertFalse(n.reason().isBlank(), c.getSimpleName());
                notModelled.put(c.getSimpleName(), n.reason());
            }
        }
        assertEquals(Set.of("Bad", "Other"), notModelled.keySet());
    }

    /** The operators that can start a query get no input at a head (not an open one): bindHead depends on this. */
    @Test
    void theOperatorsThatStartAQueryAreTheSourceOnes() {
        Set<String> starting = new TreeSet<>();
        for (Class<?> c : PARSER_OPERATORS) {
            if (OperatorRules.forSyntax(c).startsQuery()) starting.add(c.getSimpleName());
        }
        assertEquals(new TreeSet<>(List.of("Evaluate", "Find", "Print", "Range", "Search", "Union")), starting);
    }

    @Test
    void anUnmodelledOperatorLeavesTheInputColumnsKnownAndTheRestOpen() {
        BoundQuery b = BinderFixtures.bind("Logons | graph-mark-components | extend x = Port + 1, y = NotAColumn");
        assertEquals(List.of(), BinderFixtures.codes(b), () -> b.diagnostics().toString());
        String cols = BinderFixtures.render(b);
        assertTrue(cols.contains("Port:int") && cols.contains("x:long"), cols);
    }

    private static Set<String> names(Set<Class<?>> classes) {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : classes) out.add(c.getSimpleName());
        return out;
    }
}
