package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.report.Severity;

import java.util.Map;

/**
 * The in-process KQL engine: parses a query and evaluates it over in-memory columnar tables with Kusto's
 * semantics (see docs/engine.md). Anything not implemented fails with {@code EVAL-unsupported} naming the
 * operator or function and its offset, never with a guessed answer. Thread-safe; one instance per catalog.
 */
public final class KqlEngine {

    private final Catalog catalog;

    public KqlEngine(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param tables  input tables by name; a table the query reads that is not given is an empty table of its
     *                catalog schema
     * @param context pinned {@code now()}, watchlists and stored functions
     */
    public EvalResult run(String query, Map<String, Table> tables, EvalContext context) {
        ParsedQuery parsed = KqlParser.parse(query);
        for (KqlDiagnostic d : parsed.diagnostics()) {
            if (d.severity() == Severity.ERROR) return new EvalResult.Failed(EvalResult.SYNTAX, d.message(), d.start());
        }
        try {
            Table t = new Evaluator(catalog, tables == null ? Map.of() : tables, context).run(parsed);
            return new EvalResult.Ok(t);
        } catch (EvalException e) {
            return new EvalResult.Failed(e.code(), e.getMessage(), e.offset());
        } catch (StackOverflowError e) {
            return new EvalResult.Failed(EvalResult.RUNTIME, "query nesting too deep to evaluate", -1);
        } catch (RuntimeException e) {
            // an engine defect must not become a wrong answer or a stack trace for the user
            if (Boolean.getBoolean("sentinelctl.eval.trace")) e.printStackTrace();
            return new EvalResult.Failed(EvalResult.RUNTIME, "internal error: " + e, -1);
        }
    }
}
