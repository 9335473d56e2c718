package dev.sentinelctl.bench;

import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.syntax.KqlParser;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Robustness: runs every corpus query over small generated tables (3 rows per table the binder says it reads,
 * values of each column's type) and lists every "internal error" — an engine defect the user would see as
 * EVAL-runtime. Prints failure codes per kind; exit code 1 when any internal error occurs.
 *
 * <pre>java -cp ... dev.sentinelctl.bench.EvalCorpusFuzz corpus.jsonl</pre>
 */
public final class EvalCorpusFuzz {

    private static final Instant NOW = Instant.parse("2023-11-01T00:00:00Z");

    private EvalCorpusFuzz() {
    }

    public static void main(String[] args) throws IOException {
        List<String> queries = BenchQueries.load(Path.of(args[0]));
        Catalog catalog = Catalog.builtIn();
        Binder binder = new Binder(catalog);
        KqlEngine engine = new KqlEngine(catalog);
        Map<String, Table> cache = new HashMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        List<String> internal = new ArrayList<>();
        int i = 0;
        for (String q : queries) {
            i++;
            Map<String, Table> tables = new HashMap<>();
            for (String t : binder.bind(KqlParser.parse(q)).tables()) {
                Optional<TableSchema> s = catalog.table(t);
                if (s.isPresent()) tables.put(t, cache.computeIfAbsent(t, x -> generate(s.get())));
            }
            EvalResult r = engine.run(q, tables, EvalContext.at(NOW));
            String code = r instanceof EvalResult.Failed f ? f.code() : "ok";
            codes.merge(code, 1, Integer::sum);
            if (r instanceof EvalResult.Failed f && f.message().startsWith("internal error")) {
                internal.add("query " + i + ": " + f.message());
            }
        }
        System.out.println("queries: " + queries.size() + " over 3-row generated tables: " + codes);
        System.out.println("internal errors: " + internal.size());
        internal.forEach(s -> System.out.println("  " + s));
        System.exit(internal.isEmpty() ? 0 : 1);
    }

    private static Table generate(TableSchema s) {
        List<Column> cols = new ArrayList<>();
        for (Column c : s.columns()) cols.add(c.type() instanceof ScalarType ? c : new Column(c.name(), ScalarType.DYNAMIC));
        Table.Builder b = Table.builder(s.name(), cols);
        for (int row = 0; row < 3; row++) {
            Object[] values = new Object[cols.size()];
            for (int c = 0; c < cols.size(); c++) values[c] = value((ScalarType) cols.get(c).type(), row);
            b.add(values);
        }
        return b.build();
    }

    private static Object value(ScalarType t, int row) {
        if (row == 2 && t != ScalarType.STRING) return null;
        return switch (t) {
            case BOOL -> row == 0;
            case INT -> row + 1;
            case LONG -> (long) row * 7 + 1;
            case REAL -> row + 0.5;
            case DECIMAL -> BigDecimal.valueOf(row);
            case STRING -> row == 0 ? "user@contoso.com" : row == 1 ? "{\"a\":[1,2],\"b\":\"10.0.0.1\"}" : "";
            case DATETIME -> NOW.minus(Duration.ofHours(row + 1));
            case TIMESPAN -> Duration.ofMinutes(row + 1);
            case GUID -> new UUID(row, row + 1);
            case DYNAMIC -> row == 0 ? JsonNodeFactory.instance.objectNode().put("a", "x").put("n", 1)
                    : JsonNodeFactory.instance.arrayNode().add("p").add(2);
        };
    }
}
