package dev.sentinelctl.check;

import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.report.Diagnostic;
import java.util.List;

/** Reports what the binder finds (unknown tables, columns and functions, argument errors) at the YAML position. */
public final class SemanticCheck implements ItemCheck {
    private final Binder binder;

    public SemanticCheck(Binder binder) {
        this.binder = binder;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (context.item().query().isEmpty() || context.parsed().hasErrors()) return List.of();
        return context.bound(binder).diagnostics().stream()
                .map(d -> QueryPositions.toDiagnostic(context.item(), d)).toList();
    }
}
