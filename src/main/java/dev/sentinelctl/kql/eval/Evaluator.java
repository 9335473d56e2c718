package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.ParsedQuery;

import java.util.Map;

/** Evaluates one parsed query: statements in order, the last one's result is the answer. */
final class Evaluator {

    private final Catalog catalog;
    private final Map<String, Table> tables;
    private final EvalContext context;

    Evaluator(Catalog catalog, Map<String, Table> tables, EvalContext context) {
        this.catalog = catalog;
        this.tables = tables;
        this.context = context;
    }

    Table run(ParsedQuery parsed) {
        throw new EvalException(EvalResult.UNSUPPORTED, "evaluation is being built", -1);
    }
}
