package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.SyntaxWalker;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The result of binding one parsed query: semantic diagnostics, the database tables it reads, the names it
 * reads as tables that the catalog does not know, the last statement's result schema, and per-node facts for
 * later rules (the type of any scalar expression, the row schema after any tabular expression or operator,
 * the function a call resolved to). Immutable once built.
 */
public final class BoundQuery {

    private final ParsedQuery parsed;
    private final List<KqlDiagnostic> diagnostics;
    private final List<String> tables;
    private final List<String> unknownTables;
    private final Reads reads;
    private final RowSchema result;
    private final KqlType scalarResult;
    private final IdentityHashMap<SyntaxNode, KqlType> types;
    private final IdentityHashMap<SyntaxNode, RowSchema> rowSchemas;
    private final IdentityHashMap<Expr.FunctionCall, FunctionSymbol> calls;

    /**
     * What else the query reads from the workspace, for checks that need the workspace to have it (deploy preflight).
     *
     * @param strictTables       tables read outside every {@code union isfuzzy=true} operand (the query fails without them)
     * @param watchlists         constant aliases passed to {@code _GetWatchlist}
     * @param workspaceFunctions workspace functions called (Sentinel built-ins, ASIM and other parsers); what they read is
     *                           not in {@link #tables()}
     */
    public record Reads(List<String> strictTables, List<String> watchlists, List<String> workspaceFunctions) {
        public Reads {
            strictTables = List.copyOf(strictTables);
            watchlists = List.copyOf(watchlists);
            workspaceFunctions = List.copyOf(workspaceFunctions);
        }
    }

    BoundQuery(ParsedQuery parsed, List<KqlDiagnostic> diagnostics, List<String> tables, List<String> unknownTables,
               Reads reads, RowSchema result, KqlType scalarResult, IdentityHashMap<SyntaxNode, KqlType> types,
               IdentityHashMap<SyntaxNode, RowSchema> rowSchemas, IdentityHashMap<Expr.FunctionCall, FunctionSymbol> calls) {
        this.parsed = parsed;
        this.diagnostics = List.copyOf(diagnostics);
        this.tables = List.copyOf(tables);
        this.unknownTables = List.copyOf(unknownTables);
        this.reads = reads;
        this.result = result;
        this.scalarResult = scalarResult;
        this.types = types;
        this.rowSchemas = rowSchemas;
        this.calls = calls;
    }

    public ParsedQuery parsed() {
        return parsed;
    }

    /** Semantic findings (not the parser's), sorted by position. */
    public List<KqlDiagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        for (KqlDiagnostic d : diagnostics) {
            if (d.severity() == dev.sentinelctl.report.Severity.ERROR) return true;
        }
        return false;
    }

    /** Database tables the query reads (resolved against the catalog), in first-use order. */
    public List<String> tables() {
        return tables;
    }

    /** Names used as tables that the catalog does not know (or knows without schema), in first-use order. */
    public List<String> unknownTables() {
        return unknownTables;
    }

    /** Tables that must exist, watchlists and workspace functions the query reads. */
    public Reads reads() {
        return reads;
    }

    /** Columns of the last statement's result; empty when it is not tabular. */
    public List<Column> resultColumns() {
        return result == null ? List.of() : result.columns();
    }

    /** The last statement's row schema, if it is tabular. */
    public Optional<RowSchema> resultSchema() {
        return Optional.ofNullable(result);
    }

    /** The last statement's type when it is a scalar expression ({@code print}-less {@code 1 + 1}). */
    public Optional<KqlType> scalarResult() {
        return Optional.ofNullable(scalarResult);
    }

    /** Type of a scalar expression node of this query's tree, if it was bound. */
    public Optional<KqlType> typeOf(SyntaxNode node) {
        return Optional.ofNullable(types.get(node));
    }

    /** Rows produced by a tabular expression or operator node (the output of that pipe step), if bound. */
    public Optional<RowSchema> rowsOf(SyntaxNode node) {
        return Optional.ofNullable(rowSchemas.get(node));
    }

    /**
     * Every {@code where} comparison of a datetime column with a bound, in text order. Computed on demand from the
     * bound types, so it sees columns renamed or computed earlier in the pipe.
     */
    public List<TimeFilter> timeFilters() {
        List<TimeFilter> out = new java.util.ArrayList<>();
        for (QueryOperator.Where w : SyntaxWalker.nodesOfType(parsed.root(), QueryOperator.Where.class)) {
            SyntaxWalker.walkNodes(w.predicate() == null ? w : w.predicate(), n -> {
                if (n instanceof Expr.Binary b && isComparison(b.op())) {
                    addIfTime(out, w, b, b.left(), b.right());
                    addIfTime(out, w, b, b.right(), b.left());
                } else if (n instanceof Expr.Between bt) {
                    addIfTime(out, w, bt, bt.left(), bt.low());
                }
            });
        }
        return out;
    }

    private void addIfTime(List<TimeFilter> out, QueryOperator.Where w, Expr comparison, Expr side, Expr other) {
        Expr x = side;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef n && types.get(x) == dev.sentinelctl.kql.semantic.ScalarType.DATETIME) {
            out.add(new TimeFilter(w, n.simpleName(), comparison, other));
        }
    }

    private static boolean isComparison(dev.sentinelctl.kql.syntax.BinaryOp op) {
        if (op == null) return false;
        switch (op) {
            case LESS:
            case LESS_EQUAL:
            case GREATER:
            case GREATER_EQUAL:
            case EQUAL:
                return true;
            default:
                return false;
        }
    }

    /** The catalog function a call resolved to (built-in or workspace), if any. */
    public Optional<FunctionSymbol> functionOf(Expr.FunctionCall call) {
        return Optional.ofNullable(calls.get(call));
    }
}
