package dev.sentinelctl.kql.syntax;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlRoundTripTest {

    @Test
    void treeTextEqualsInputForFixtures() {
        for (String q : KqlFixtures.VALID) {
            ParsedQuery p = KqlParser.parse(q);
            assertEquals(q, SyntaxWalker.fullText(p.root()));
            assertEquals(q, p.root().fullText(), "recursive and iterative walks agree");
        }
    }

    @Test
    void tokensInTreeAreTheLexedTokensInOrder() {
        String q = "let x = 1; // c\nT | where a > x // trailing\n";
        ParsedQuery p = KqlParser.parse(q);
        List<Token> fromTree = SyntaxWalker.tokens(p.root()).stream().filter(t -> !t.missing()).toList();
        assertEquals(p.tokens().size(), fromTree.size());
        for (int i = 0; i < fromTree.size(); i++) assertEquals(p.tokens().get(i).start(), fromTree.get(i).start());
    }

    @Test
    void emptyAndBlankInput() {
        for (String q : new String[] {"", "   ", "// only a comment", "\n\n"}) {
            ParsedQuery p = KqlParser.parse(q);
            assertEquals(q, SyntaxWalker.fullText(p.root()));
            assertTrue(p.diagnostics().isEmpty());
        }
    }

    @Test
    void thousandNestedParenthesesGiveADiagnosticNotAStackOverflow() {
        String q = "print " + "(".repeat(1000) + "1" + ")".repeat(1000);
        ParsedQuery p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> KqlParser.parse(q));
        assertFalse(p.diagnostics().isEmpty());
        assertEquals("KS245", p.diagnostics().get(0).code());
        assertEquals(q, SyntaxWalker.fullText(p.root()));
    }

    @Test
    void deepNestingOfEveryRecursiveShape() {
        String[] qs = {
            "print " + "f(".repeat(2000) + "1" + ")".repeat(2000),
            "print " + "-".repeat(5000) + "1",
            "print dynamic(" + "[".repeat(3000) + "]".repeat(3000) + ")",
            "print " + "a.".repeat(3000) + "b",
            "T" + " | where x".repeat(3000),
            "let f = () {".repeat(500) + "1" + "}".repeat(500),
            "print " + "(".repeat(3000),
            "print " + "[".repeat(3000),
            "print typeof(" + "(".repeat(3000),
            "T | where a" + "[b".repeat(3000),
        };
        for (String q : qs) {
            ParsedQuery p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> KqlParser.parse(q));
            assertTrue(q.equals(SyntaxWalker.fullText(p.root())), () -> "not lossless: " + q.substring(0, 40));
        }
    }
}
