package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ScalarSourceMap;
import dev.sentinelctl.content.SourceText;
import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.report.Diagnostic;

/** Turns findings inside a query into file diagnostics at the query's real line and column in the YAML. */
public final class QueryPositions {
    private QueryPositions() {}

    public static Diagnostic toDiagnostic(ContentItem item, KqlDiagnostic d) {
        return toDiagnostic(item, d, d.code());
    }

    public static Diagnostic toDiagnostic(ContentItem item, KqlDiagnostic d, String ruleId) {
        SourceText source = item.document().source();
        ScalarSourceMap map = item.query().sourceMap();
        int start = map.fileOffset(d.start());
        int end = d.end() > d.start() ? map.fileOffset(d.end() - 1) + 1 : start;
        return new Diagnostic(ruleId, d.severity(), source.displayPath(), source.lineOf(start), source.columnOf(start),
                source.lineOf(end), source.columnOf(end), d.message(), d.hint());
    }
}
