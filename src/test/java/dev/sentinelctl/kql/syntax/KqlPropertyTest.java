package dev.sentinelctl.kql.syntax;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutates realistic queries (delete, duplicate, swap tokens, truncate, insert random characters) and checks the
 * parser's contract on every mutant: no exception, the tree reproduces the input, diagnostics lie inside the
 * text, and parsing finishes (the timeout is only a hang guard).
 */
class KqlPropertyTest {

    private static final String NOISE = "()[]{}|,;.:=!<>~'\"`@$#%^&*-+/\\ \n\tabcxyz019_";

    @Test
    void mutantsNeverBreakTheContract() {
        Random rnd = new Random(20261127L);
        List<String> seeds = KqlFixtures.VALID;
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 6000; i++) {
                String base = seeds.get(rnd.nextInt(seeds.size()));
                String mutant = mutate(base, rnd, 1 + rnd.nextInt(3));
                check(mutant);
            }
        });
    }

    @Test
    void randomCharacterSoupIsHandled() {
        Random rnd = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 2000; i++) {
                StringBuilder sb = new StringBuilder();
                int n = rnd.nextInt(80);
                for (int j = 0; j < n; j++) sb.append(NOISE.charAt(rnd.nextInt(NOISE.length())));
                check(sb.toString());
            }
        });
    }

    private static void check(String mutant) {
        ParsedQuery p;
        try {
            p = KqlParser.parse(mutant);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("parser threw on: " + mutant, e);
        }
        assertEquals(mutant, SyntaxWalker.fullText(p.root()), () -> "not lossless: " + mutant);
        p.diagnostics().forEach(d -> assertTrue(0 <= d.start() && d.start() <= d.end() && d.end() <= mutant.length(),
                () -> "diagnostic outside the text: " + d + " in " + mutant));
        p.referencedTables();
    }

    static String mutate(String text, Random rnd, int times) {
        String t = text;
        for (int k = 0; k < times; k++) {
            List<Token> tokens = new ArrayList<>(KqlParser.tokenize(t, new ArrayList<>()));
            tokens.remove(tokens.size() - 1);
            if (tokens.isEmpty()) return t;
            Token a = tokens.get(rnd.nextInt(tokens.size()));
            switch (rnd.nextInt(5)) {
                case 0 -> t = t.substring(0, a.start()) + t.substring(a.end());
                case 1 -> t = t.substring(0, a.end()) + " " + a.text() + t.substring(a.end());
                case 2 -> {
                    int i = tokens.indexOf(a);
                    if (i + 1 < tokens.size()) {
                        Token b = tokens.get(i + 1);
                        t = t.substring(0, a.start()) + b.text() + t.substring(a.end(), b.start()) + a.text()
                                + t.substring(b.end());
                    }
                }
                case 3 -> t = t.substring(0, rnd.nextInt(t.length() + 1));
                default -> {
                    int at = rnd.nextInt(t.length() + 1);
                    t = t.substring(0, at) + NOISE.charAt(rnd.nextInt(NOISE.length())) + t.substring(at);
                }
            }
        }
        return t;
    }
}
