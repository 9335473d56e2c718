package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** declare pattern (pattern-statement.md): the rule whose arguments and path match runs. */
class PatternStatementTest {

    private static final String COUNTRY = "declare pattern country = (name:string)[state:string] {"
            + " ('USA').['New York'] = { print Capital = 'Albany' };"
            + " ('USA').['Washington'] = { print Capital = 'Olympia' };"
            + " ('Canada').['Alberta'] = { print Capital = 'Edmonton' }; };\n";

    @Test
    void theMatchingRuleRuns() {
        assertEquals(List.of(List.of("Edmonton")), rows(run(COUNTRY + "country('Canada').Alberta")));
        assertEquals(List.of(List.of("Albany")), rows(run(COUNTRY + "country('USA').['New York']")));
        assertEquals(List.of(List.of("37.405992", "-122.078515")), rows(run("declare pattern map_ip_to_longlat = (address:string)"
                + " { ('10.10.10.10') = { print Lat=37.405992, Long=-122.078515 }; };\nmap_ip_to_longlat('10.10.10.10')")));
    }

    @Test
    void invocationsComposeWithOperatorsAndUnion() {
        String app = "declare pattern App = (applicationId:string)[scope:string] {"
                + " ('a1').['Data'] = { range x from 1 to 2 step 1 | project App = 'App #1', Data = x };"
                + " ('a2').['Data'] = { range x from 1 to 2 step 1 | project App = 'App #2', Data = 10 - x }; };\n";
        assertEquals(List.of(List.of("App #2", "9"), List.of("App #2", "8"), List.of("App #1", "1"), List.of("App #1", "2")),
                rows(run(app + "union App('a2').Data, App('a1').Data")));
        assertEquals(List.of(List.of("2")), rows(run(app + "App('a1').Data | count")));
        // arguments are compared after conversion to the declared type
        assertEquals(List.of(List.of("one")), rows(run("declare pattern n = (v:long) { (1) = { print s = 'one' }; };\nn(int(1))")));
    }

    @Test
    void noMatchingRuleAndWrongShapesAreErrors() {
        EvalResult.Failed f = fail(COUNTRY + "country('France').Alsace");
        assertEquals(EvalResult.BIND, f.code());
        assertTrue(f.message().contains("no rule"), f.message());
        assertEquals(EvalResult.BIND, fail(COUNTRY + "country('USA')").code());
        assertEquals(EvalResult.BIND, fail(COUNTRY + "country('USA', 'x').Washington").code());
        assertEquals(EvalResult.BIND, fail("declare pattern p;\np('x')").code());
    }
}
