package dev.sentinelctl.cli;

import dev.sentinelctl.kql.eval.JsonLinesRunner;
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

/** {@code sentinelctl kql run}: evaluate queries with the in-process engine; JSON Lines in and out. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Read JSON Lines {\"id\",\"query\",\"now\"?,\"tables\"?} from stdin, run each query on the in-process%n"
                + "KQL engine and write {\"id\",\"columns\",\"rows\",\"error\"} per line to stdout (values as the Log Analytics%n"
                + "query API prints them). Tables not given are empty tables of their catalog schema.",
        footer = {"", "Example:", "  echo '{\"id\":1,\"now\":\"2024-01-01T00:00:00Z\",\"tables\":{\"T\":[{\"a\":1}]},\"query\":\"T | extend b = a * 2\"}' | sentinelctl kql run"})
public final class KqlRunCommand implements Callable<Integer> {

    @Option(names = "--schema", paramLabel = "DIR",
            description = "Extra table, function and watchlist schemas (CustomTables/CustomFunctions JSON or CSV), "
                    + "overlaid on the built-in Sentinel catalog.")
    Path schema;

    @Override
    public Integer call() {
        try {
            Catalog catalog = Catalog.builtIn();
            if (schema != null) {
                UserSchema user = UserSchemaLoader.load(schema);
                for (Diagnostic d : user.diagnostics()) {
                    System.err.println(d.file() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": " + d.message());
                }
                catalog = catalog.withOverlay(user.catalog());
            }
            JsonLinesRunner.Summary s = new JsonLinesRunner(catalog).run(System.in, System.out);
            return s.badLines() > 0 ? 2 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
