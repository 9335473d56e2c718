package dev.sentinelctl.check;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.List;

/**
 * Reports what the binder finds (unknown tables, columns and functions, argument errors) at the YAML position.
 * <p>
 * A custom {@code _CL} table's columns differ per workspace, and the built-in catalog knows only the copy Microsoft's
 * CI was given. An unknown name in a query that reads such a table is therefore a warning that says how to declare
 * the real schema; once the repository declares the table (--schema, config {@code schemas:}) it is an error again.
 */
public final class SemanticCheck implements ItemCheck {
    static final String UNKNOWN_NAME = "KS142";

    private final Binder binder;

    public SemanticCheck(Binder binder) {
        this.binder = binder;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (context.item().query().isEmpty() || context.parsed().hasErrors()) return List.of();
        BoundQuery bound = context.bound(binder);
        List<String> guessed = guessedCustomTables(bound, binder.catalog());
        return bound.diagnostics().stream().map(d -> QueryPositions.toDiagnostic(context.item(), d)).map(d ->
                guessed.isEmpty() || !d.ruleId().equals(UNKNOWN_NAME) || d.severity() != Severity.ERROR ? d
                        : new Diagnostic(d.ruleId(), Severity.WARNING, d.file(), d.line(), d.column(), d.endLine(), d.endColumn(),
                        d.message() + " (the schema of " + String.join(", ", guessed) + " is sentinelctl's built-in copy; "
                                + "custom tables differ per workspace)",
                        "If it is a column of " + String.join(" or ", guessed) + ", declare the table's real schema with "
                                + "--schema DIR or `schemas:` in .sentinelctl.yaml (CustomTables JSON, or a "
                                + "table_name,column_name,column_type CSV); then an unknown column is an error.")).toList();
    }

    /** The custom log tables the query reads whose schema comes from the built-in catalog, not from the user. */
    private static List<String> guessedCustomTables(BoundQuery bound, Catalog catalog) {
        return bound.tables().stream().filter(t -> t.endsWith("_CL") && catalog.table(t).isPresent() && !catalog.declares(t))
                .distinct().sorted().toList();
    }
}
