package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.syntax.ParsedQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Schema-aware binding of parsed KQL against a {@link Catalog}: computes the row schema through every pipe
 * and the type of every scalar expression, and reports unknown tables (KS204), columns and names (KS142),
 * functions (KS211), wrong argument counts (KS119/KS120) and clearly wrong argument types (KS107) the way
 * Microsoft's Kusto.Language does, each with a fix hint.
 *
 * <p>A {@code Binder} is bound to one catalog and may be shared by threads: {@link #bind(ParsedQuery)} keeps
 * all per-query state in its own objects; only an immutable per-table schema cache is shared.
 */
public final class Binder {

    private static final Comparator<KqlDiagnostic> BY_POSITION =
            Comparator.comparingInt(KqlDiagnostic::start).thenComparingInt(KqlDiagnostic::end);

    private final Catalog catalog;
    private final SchemaCache cache = new SchemaCache();

    public Binder(Catalog catalog) {
        this.catalog = catalog;
    }

    /** One-off binding; prefer a shared {@link Binder} instance when binding many queries. */
    public static BoundQuery bind(ParsedQuery parsed, Catalog catalog) {
        return new Binder(catalog).bind(parsed);
    }

    public Catalog catalog() {
        return catalog;
    }

    public BoundQuery bind(ParsedQuery parsed) {
        TreeBinder tb = new TreeBinder(catalog, cache);
        Value last;
        try {
            last = tb.bindStatements(parsed.statements(), Scope.ROOT.child(), null);
        } catch (StackOverflowError e) {
            // pathological nesting: report what we have rather than fail the whole run
            last = null;
        }
        RowSchema result = last != null && last.isTabular() ? last.rows() : null;
        KqlType scalar = last != null && !last.isTabular() ? last.type() : null;
        List<KqlDiagnostic> diags = new ArrayList<>(tb.diags.list());
        diags.sort(BY_POSITION);
        BoundQuery.Reads reads = new BoundQuery.Reads(new ArrayList<>(tb.strictTables.keySet()),
                new ArrayList<>(tb.watchlists.keySet()), new ArrayList<>(tb.workspaceFunctions.keySet()));
        return new BoundQuery(parsed, diags, new ArrayList<>(tb.tables.keySet()), new ArrayList<>(tb.unknownTables.keySet()),
                reads, result, scalar, tb.types, tb.rowSchemas, tb.calls);
    }
}
