package dev.sentinelctl.cli;

import dev.sentinelctl.kql.analyze.AnalyzeRunner;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.UserSchema;
import dev.sentinelctl.kql.semantic.UserSchemaLoader;
import dev.sentinelctl.report.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sentinelctl kql analyze}: JSON Lines of queries on stdin, verdicts in the oracle's shape on stdout. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Read JSON Lines {\"id\",\"query\"} from stdin and write one verdict per line to stdout%n"
                + "(syntaxErrors, semanticErrors, tables, resultColumns), the shape of Microsoft's oracle.",
        footer = {"", "Example:", "  echo '{\"id\":1,\"query\":\"SigninLogs | where ResultType != 0 | take 5\"}' | sentinelctl kql analyze"})
public final class KqlAnalyzeCommand implements Callable<Integer> {

    @Option(names = "--syntax-only", description = "Only parse; report syntax errors and syntactic table names.")
    boolean syntaxOnly;

    @Option(names = "--schema", paramLabel = "DIR",
            description = "Extra table, function and watchlist schemas (CustomTables/CustomFunctions JSON or CSV), "
                    + "overlaid on the built-in Sentinel catalog.")
    Path schema;

    @Override
    public Integer call() {
        try {
            AnalyzeRunner runner;
            if (syntaxOnly) {
                runner = new AnalyzeRunner();
            } else {
                Catalog catalog = Catalog.builtIn();
                if (schema != null) {
                    UserSchema user = UserSchemaLoader.load(schema);
                    for (Diagnostic d : user.diagnostics()) {
                        System.err.println(d.file() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": " + d.message());
                    }
                    catalog = catalog.withOverlay(user.catalog());
                }
                runner = new AnalyzeRunner(catalog);
            }
            AnalyzeRunner.Summary s = runner.run(System.in, System.out);
            return s.badLines() > 0 ? 2 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
