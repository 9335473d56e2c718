package dev.sentinelctl.check;

import dev.sentinelctl.content.CustomDetection;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Defender XDR demands of a custom detection's advanced-hunting query before it saves the rule: the result must
 * carry {@code Timestamp} and {@code ReportId} (how an alert points back at its event), and the column each
 * {@code impactedAssets} identifier names ({@code deviceId} → {@code DeviceId}). Only when the query binds cleanly and
 * its result is closed; otherwise nothing certain can be said (the semantic check reports why).
 */
public final class CustomDetectionChecks implements ItemCheck {
    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo("XDR-required-column", "DetectionRequiredColumnMissing", Severity.ERROR,
                    "A custom detection's query does not return Timestamp or ReportId.",
                    "Defender XDR refuses to save a custom detection whose results lack Timestamp and ReportId: they "
                            + "identify the event each alert is about.",
                    "Keep Timestamp and ReportId in the final project (or do not project them away)."),
            new RuleInfo("XDR-asset-column", "ImpactedAssetColumnMissing", Severity.ERROR,
                    "An impacted asset's identifier names a column the query does not return.",
                    "The identifier (deviceId, recipientEmailAddress, …) is the column Defender reads the asset from; "
                            + "without it the rule is refused or its alerts have no asset.",
                    "Return the column (DeviceId for deviceId), or pick an identifier the query returns."));

    private static final String QUERY = "/queryCondition/queryText";
    private final Binder binder;

    public CustomDetectionChecks(Binder binder) {
        this.binder = binder;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (!(context.item() instanceof CustomDetection detection)) return List.of();
        if (detection.query().isEmpty() || context.parsed().hasErrors()) return List.of();
        BoundQuery bound = context.bound(binder);
        if (bound.hasErrors() || bound.resultSchema().isEmpty() || bound.resultSchema().get().isOpen()) return List.of();
        Set<String> columns = new LinkedHashSet<>();
        for (Column c : bound.resultColumns()) columns.add(c.name());
        List<Diagnostic> out = new ArrayList<>();
        for (String required : List.of("Timestamp", "ReportId")) {
            if (columns.contains(required)) continue;
            // At the operator that shapes the result last (the final project/summarize), where the column is lost.
            List<dev.sentinelctl.kql.syntax.QueryOperator> ops = context.nodes(dev.sentinelctl.kql.syntax.QueryOperator.class);
            String message = "the query does not return " + required + ", which Defender XDR requires of a custom "
                    + "detection" + guess(required, columns);
            String hint = "Add " + required + " to the query's final project (advanced-hunting tables all have it).";
            if (ops.isEmpty()) {
                out.add(MetadataChecks.at(detection, QUERY, "XDR-required-column", Severity.ERROR, message, hint));
            } else {
                dev.sentinelctl.kql.syntax.QueryOperator last = ops.get(ops.size() - 1);
                int start = last.firstToken().start();
                out.add(QueryPositions.toDiagnostic(detection, new dev.sentinelctl.kql.KqlDiagnostic("XDR-required-column",
                        Severity.ERROR, start, last.firstToken().end(), message, hint)));
            }
        }
        List<CustomDetection.ImpactedAsset> assets = detection.alertTemplate().impactedAssets();
        for (int i = 0; i < assets.size(); i++) {
            String column = assets.get(i).column();
            if (column.isEmpty() || columns.contains(column)) continue;
            out.add(MetadataChecks.at(detection, "/detectionAction/alertTemplate/impactedAssets/" + i + "/identifier",
                    "XDR-asset-column", Severity.ERROR, "impacted asset identifier '" + assets.get(i).identifier()
                            + "' needs the query to return column " + column + guess(column, columns),
                    "Return " + column + " from the query, or name an identifier whose column it returns ("
                            + String.join(", ", columns.stream().limit(12).toList()) + ")."));
        }
        return out;
    }

    private static String guess(String name, Set<String> columns) {
        Optional<String> g = dev.sentinelctl.schema.Suggest.closest(name, columns);
        return g.map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}
