package dev.sentinelctl.check;

import dev.sentinelctl.report.Diagnostic;
import java.util.List;

/** Reports the query's syntax errors at their positions in the content file. */
public final class KqlSyntaxCheck implements ItemCheck {
    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (context.item().query().isEmpty()) return List.of();
        return context.parsed().diagnostics().stream().map(d -> QueryPositions.toDiagnostic(context.item(), d)).toList();
    }
}
