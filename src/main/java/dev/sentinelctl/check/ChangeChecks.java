package dev.sentinelctl.check;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.HuntingQuery;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.kql.syntax.QueryEquivalence;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pull-request rules: comparing an item with its version at the base commit. An id must never change
 * (Sentinel would run the old rule and the new one side by side), and a change to what a rule detects or
 * how it alerts must raise {@code version}, or deployments that track template versions miss it.
 */
public final class ChangeChecks {

    public List<Diagnostic> modified(ContentItem before, ContentItem after) {
        List<Diagnostic> out = new ArrayList<>();
        if (!before.id().isBlank() && !before.id().equalsIgnoreCase(after.id())) {
            out.add(at(after, "/id", "PR-id-changed", Severity.WARNING, "id changed from " + before.id() + " to " + after.id()
                            + "; Sentinel would keep the old rule running beside a new one",
                    "Restore `id: " + before.id() + "`; ids never change once content is published."));
            return out;
        }
        List<String> changed = logicChanges(before, after);
        if (changed.isEmpty()) return out;
        int order = compareVersions(after.version(), before.version());
        if (order <= 0) {
            String what = String.join(", ", changed);
            String message = order < 0
                    ? "version went down from " + before.version() + " to " + after.version() + " while " + what + " changed"
                    : what + " changed but version stayed " + (after.version().isBlank() ? "unset" : after.version());
            out.add(at(after, after.version().isBlank() ? "/id" : "/version", "PR-version-not-bumped", Severity.WARNING, message,
                    "Raise version to " + nextVersion(before.version()) + "."));
        }
        return out;
    }

    public Diagnostic deleted(ContentItem before, String displayPath) {
        return Diagnostic.atFile("PR-deleted", Severity.INFO, displayPath, before.kind().displayName() + " '" + before.name()
                        + "' (" + before.id() + ") was deleted",
                "Workspaces keep it until `sentinelctl apply --prune` removes it; check that this is intended.");
    }

    /** The fields whose change alters what an item detects or how it alerts. */
    List<String> logicChanges(ContentItem before, ContentItem after) {
        List<String> changed = new ArrayList<>();
        if (!QueryEquivalence.sameProgram(before.query().text(), after.query().text())) changed.add("query");
        if (!before.entityMappings().equals(after.entityMappings())) changed.add("entityMappings");
        if (before instanceof AnalyticRule b && after instanceof AnalyticRule a) {
            diff(changed, "kind", b.ruleKind(), a.ruleKind());
            diff(changed, "severity", b.severity(), a.severity());
            diff(changed, "queryFrequency", b.queryFrequency().map(d -> d.value()), a.queryFrequency().map(d -> d.value()));
            diff(changed, "queryPeriod", b.queryPeriod().map(d -> d.value()), a.queryPeriod().map(d -> d.value()));
            diff(changed, "triggerOperator", normaliseOperator(b.triggerOperator()), normaliseOperator(a.triggerOperator()));
            diff(changed, "triggerThreshold", b.triggerThreshold(), a.triggerThreshold());
            diff(changed, "customDetails", b.customDetails(), a.customDetails());
            diff(changed, "alertDetailsOverride", b.alertDetailsOverride(), a.alertDetailsOverride());
            diff(changed, "eventGroupingSettings", b.eventGroupingAggregation(), a.eventGroupingAggregation());
            diff(changed, "incidentConfiguration", b.incidentConfiguration(), a.incidentConfiguration());
            diff(changed, "tactics", b.tactics(), a.tactics());
            diff(changed, "relevantTechniques", b.relevantTechniques(), a.relevantTechniques());
        } else if (before instanceof HuntingQuery b && after instanceof HuntingQuery a) {
            diff(changed, "tactics", b.tactics(), a.tactics());
            diff(changed, "relevantTechniques", b.relevantTechniques(), a.relevantTechniques());
        } else if (before instanceof dev.sentinelctl.content.Parser b && after instanceof dev.sentinelctl.content.Parser a) {
            // what callers see: the alias they call and the parameters they pass
            diff(changed, "functionAlias", b.functionAlias(), a.functionAlias());
            diff(changed, "parameters", b.functionParameters(), a.functionParameters());
        } else {
            changed.add("kind");
        }
        return changed;
    }

    private static void diff(List<String> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) changed.add(name);
    }

    private static String normaliseOperator(String op) {
        return switch (op) {
            case "gt" -> "GreaterThan";
            case "lt" -> "LessThan";
            case "eq" -> "Equal";
            case "ne" -> "NotEqual";
            default -> op;
        };
    }

    /** Compares X.Y.Z versions numerically; anything unparsable sorts lowest. */
    static int compareVersions(String a, String b) {
        int[] x = parse(a);
        int[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
        }
        return 0;
    }

    private static int[] parse(String v) {
        int[] out = {-1, -1, -1};
        String[] parts = v.strip().split("\\.");
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return new int[] {-1, -1, -1};
            }
        }
        return out;
    }

    static String nextVersion(String v) {
        int[] p = parse(v);
        if (p[0] < 0) return "1.0.0";
        return p[0] + "." + Math.max(0, p[1]) + "." + (Math.max(0, p[2]) + 1);
    }

    private static Diagnostic at(ContentItem item, String pointer, String rule, Severity severity, String message, String hint) {
        Span span = item.document().spanOf(pointer, false);
        return new Diagnostic(rule, severity, item.document().source().displayPath(), span.line(), span.column(),
                span.endLine(), span.endColumn(), message, hint);
    }
}
