package dev.sentinelctl.bench;

import dev.sentinelctl.kql.analyze.AnalyzeRunner;

import java.io.IOException;

/** {@code kql analyze} without the CLI: stdin JSON Lines to stdout, for the bench scripts. */
public final class KqlAnalyzeMain {
    private KqlAnalyzeMain() {
    }

    public static void main(String[] args) throws IOException {
        AnalyzeRunner.Summary s = new AnalyzeRunner().run(System.in, System.out);
        System.err.printf("analyzed %d records: %d with syntax errors, %d bad lines%n", s.records(),
                s.withSyntaxErrors(), s.badLines());
    }
}
