package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.QueryOperator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operator the parser knows has an evaluator or an explicit refusal; nothing falls through silently. */
class OperatorRegistryTest {

    @Test
    void everyParserOperatorIsRegistered() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : QueryOperator.class.getPermittedSubclasses()) {
            if (!Operators.registered().contains(c)) missing.add(c.getSimpleName());
        }
        assertEquals(List.of(), missing, "operators without an evaluator or an explicit Unsupported entry");
        assertEquals(QueryOperator.class.getPermittedSubclasses().length, Operators.registered().size());
    }

    @Test
    void theOperatorsSentinelContentUsesAreEvaluated() {
        for (Class<?> c : List.of(QueryOperator.Where.class, QueryOperator.Extend.class, QueryOperator.Summarize.class,
                QueryOperator.Project.class, QueryOperator.Join.class, QueryOperator.Union.class, QueryOperator.MvExpand.class,
                QueryOperator.MvApply.class, QueryOperator.Parse.class, QueryOperator.ParseWhere.class, QueryOperator.Lookup.class,
                QueryOperator.MakeSeries.class, QueryOperator.Top.class, QueryOperator.Sort.class, QueryOperator.Distinct.class)) {
            assertTrue(Operators.isSupported(c), c.getSimpleName());
        }
    }

    @Test
    void unsupportedIsExplicitWithItsPosition() {
        EvalResult.Failed f = EngineTestSupport.fail("print x = 1\n| fork (take 1)");
        assertEquals(EvalResult.UNSUPPORTED, f.code());
        assertTrue(f.message().contains("fork"), f.message());
        assertEquals("print x = 1\n| ".length(), f.offset());
        EvalResult.Failed g = EngineTestSupport.fail("print x = series_decompose_anomalies(1, 2)");
        assertEquals(EvalResult.UNSUPPORTED, g.code());
        assertTrue(g.message().contains("series_decompose_anomalies"), g.message());
        assertEquals("print x = ".length(), g.offset());
    }
}
