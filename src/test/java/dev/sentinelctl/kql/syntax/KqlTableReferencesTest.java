package dev.sentinelctl.kql.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KqlTableReferencesTest {

    private static List<String> tables(String q) {
        return KqlParser.parse(q).referencedTables();
    }

    @Test
    void tablePositions() {
        assertEquals(List.of("SigninLogs"), tables("SigninLogs | take 1"));
        assertEquals(List.of("SigninLogs"), tables("SigninLogs"));
        assertEquals(List.of("A", "B", "C"), tables("union A, (B | where x), C"));
        assertEquals(List.of("A", "B"), tables("A | join kind=inner (B | project k) on k"));
        assertEquals(List.of("A", "B"), tables("A | lookup B on k"));
        assertEquals(List.of("A", "B"), tables("find in (A, B) where x == 1"));
        assertEquals(List.of("A", "B"), tables("search in (A, B) 'x'"));
        assertEquals(List.of("SecurityEvent"), tables("table('SecurityEvent') | count"));
        assertEquals(List.of("A", "B"), tables("A | where x in (B | project y)"));
        assertEquals(List.of("A"), tables("print toscalar(A | count)"));
    }

    @Test
    void letDeclaredNamesParametersAndParsersAreNotTables() {
        assertEquals(List.of("SigninLogs"), tables("let recent = SigninLogs | where T > ago(1h);\nrecent | take 1"));
        assertEquals(List.of("SigninLogs"), tables("let s = SigninLogs;\ns | take 1"));
        assertEquals(List.of("Tab"), tables("let f = (T:(*)) { T | take 1 };\nf(Tab) | union Tab"));
        assertEquals(List.of(), tables("_Im_Dns | take 1"));
        assertEquals(List.of("A"), tables("A | as X | join (X) on k"));
        assertEquals(List.of(), tables("range x from 1 to 3 step 1 | join ($left) on x"));
    }

    @Test
    void caseInsensitiveDeduplication() {
        assertEquals(List.of("SigninLogs"), tables("union SigninLogs, signinlogs"));
        assertEquals(List.of(), tables("let X = 1;\nx | take 1"));
    }

    @Test
    void parserCollectionAgreesWithTreeWalk() {
        for (String q : KqlFixtures.VALID) {
            ParsedQuery p = KqlParser.parse(q);
            assertEquals(TableReferences.of(p.root()), p.referencedTables(), q);
        }
    }
}
