package dev.sentinelctl.testing;

import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.library.ContentLibrary;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Tests on sentinelctl's own KQL engine ({@code kql/eval}): offline, in the same process. */
public final class InProcessEngine implements QueryEngine {
    private final KqlEngine engine;
    /**
     * The engine's copy of fixture tables that tests share (a defaults fixture, a fixture file): converting is a
     * third of a run over large fixtures. Weak keys: a test's own table is dropped with the test.
     */
    private final Map<FixtureTable, Table> converted = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** The content's parsers by alias (function text), so a rule that calls one runs its query over the fixtures. */
    private final Map<String, String> functions;
    /** The content's watchlists as {@code _GetWatchlist} returns them: what a test reads unless it gives its own. */
    private final Map<String, Table> contentWatchlists;

    public InProcessEngine(Catalog catalog) {
        this(ContentLibrary.none(catalog));
    }

    public InProcessEngine(ContentLibrary library) {
        this.engine = new KqlEngine(library.catalog());
        this.functions = library.functions();
        Map<String, Table> lists = new HashMap<>();
        library.watchlists().forEach((alias, rows) -> lists.put(alias, table(ContentWatchlists.table(rows, library.catalog()))));
        this.contentWatchlists = Map.copyOf(lists);
    }

    @Override
    public Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now) {
        return run(query, tables, watchlists, now, OptionalInt.empty());
    }

    @Override
    public Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now,
                       OptionalInt seasonality) {
        Map<String, Table> in = new HashMap<>();
        tables.forEach((name, t) -> in.put(name, shared(t)));
        Map<String, Table> lists = new HashMap<>(contentWatchlists);
        watchlists.forEach((alias, t) -> lists.put(alias, table(t)));
        EvalResult result = engine.run(query, in, new EvalContext(now, lists, functions, seasonality));
        if (result instanceof EvalResult.Ok ok) return new Outcome.Ok(new Result(ok.table()));
        EvalResult.Failed failed = (EvalResult.Failed) result;
        return new Outcome.Failed(failed.code(), failed.message(), failed.offset());
    }

    /** Converted outside the map's lock, so two threads never wait on each other's conversion. */
    private Table shared(FixtureTable t) {
        Table done = converted.get(t);
        if (done != null) return done;
        Table made = table(t);
        Table raced = converted.putIfAbsent(t, made);
        return raced != null ? raced : made;
    }

    private static Table table(FixtureTable t) {
        Table.Builder b = Table.builder(t.name(), t.columns());
        for (Object[] row : t.rows()) b.add(row);
        return b.build();
    }

    /** The engine's table as expectations read it. */
    private record Result(Table table) implements ResultTable {
        @Override
        public List<Column> columns() {
            return table.columns();
        }

        @Override
        public int rowCount() {
            return table.rowCount();
        }

        @Override
        public Object value(int row, int column) {
            return table.value(row, column);
        }
    }
}
