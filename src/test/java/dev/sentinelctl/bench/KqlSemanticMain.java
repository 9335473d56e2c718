package dev.sentinelctl.bench;

import dev.sentinelctl.kql.analyze.AnalyzeRunner;
import dev.sentinelctl.kql.semantic.Catalog;

import java.io.IOException;

/** {@code kql analyze} with binding (built-in catalog), without the CLI: stdin JSON Lines to stdout. */
public final class KqlSemanticMain {
    private KqlSemanticMain() {
    }

    public static void main(String[] args) throws IOException {
        AnalyzeRunner.Summary s = new AnalyzeRunner(Catalog.builtIn()).run(System.in, System.out);
        System.err.printf("analyzed %d records: %d with syntax errors, %d bad lines%n", s.records(),
                s.withSyntaxErrors(), s.badLines());
    }
}
