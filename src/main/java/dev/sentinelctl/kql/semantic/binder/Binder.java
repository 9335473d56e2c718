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
        return bind(parsed, List.of());
    }

    /**
     * A stored function's parameter as its body sees it: a scalar of {@code type}, or, when {@code tabular}, rows of
     * {@code type}'s columns ({@link dev.sentinelctl.kql.semantic.TabularType}); {@code openRows} for {@code (*)}.
     */
    public record Declared(String name, KqlType type, boolean tabular, boolean openRows) {}

    /**
     * Binds the body of a stored function (a parser) with its parameters in scope, as Kusto binds a function body:
     * each parameter a let-bound name of its declared type.
     */
    public BoundQuery bind(ParsedQuery parsed, List<Declared> parameters) {
        TreeBinder tb = new TreeBinder(catalog, cache);
        Scope scope = Scope.ROOT.child();
        for (Declared d : parameters) {
            Value v;
            if (!d.tabular()) v = Value.scalar(d.type());
            else if (d.openRows() || !(d.type() instanceof dev.sentinelctl.kql.semantic.TabularType t)) v = Value.tabular(RowSchema.open());
            else v = Value.tabular(RowSchema.of(t.columns()));
            scope.declare(d.name(), new LocalSymbol.Variable(v));
        }
        Value last;
        try {
            last = tb.bindStatements(parsed.statements(), scope, null);
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
