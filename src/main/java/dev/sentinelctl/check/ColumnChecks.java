package dev.sentinelctl.check;

import dev.sentinelctl.content.AlertPlaceholders;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML fields that name query columns — entity mappings, custom details, alert details placeholders and
 * override columns — against the columns the bound query really returns. Only when the query binds cleanly
 * and its result is closed (fully known); otherwise there is nothing certain to say.
 */
public final class ColumnChecks implements ItemCheck {
    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo("XREF-entity-column", "EntityColumnMissing", Severity.ERROR,
                    "An entity mapping names a column the query does not return.",
                    "Sentinel builds entities from the query's output; a missing column gives alerts without the entity (or the deployment fails).",
                    "Name a column the query returns, or add it with extend/project."),
            new RuleInfo("XREF-entity-column-type", "EntityColumnType", Severity.WARNING,
                    "An entity mapping uses a datetime or timespan column.",
                    "Entity identifiers are names, addresses and ids; a time value is never a useful identifier and is usually the wrong column.",
                    "Convert the column with tostring() in the query."),
            new RuleInfo("XREF-custom-detail-column", "CustomDetailColumnMissing", Severity.ERROR,
                    "A custom detail names a column the query does not return.",
                    "The detail would be empty on every alert.", "Name a column the query returns."),
            new RuleInfo("XREF-placeholder-column", "PlaceholderColumnMissing", Severity.ERROR,
                    "An alert details placeholder {{Column}} names a column the query does not return.",
                    "The alert name or description would show the placeholder text or nothing.", "Use a column the query returns."),
            new RuleInfo("XREF-override-column", "OverrideColumnMissing", Severity.ERROR,
                    "alertTacticsColumnName or alertSeverityColumnName names a column the query does not return.",
                    "Sentinel falls back to the rule's static value without saying so.", "Use a column the query returns."));

    private final Binder binder;

    public ColumnChecks(Binder binder) {
        this.binder = binder;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        ContentItem item = context.item();
        if (item.query().isEmpty() || context.parsed().hasErrors()) return List.of();
        BoundQuery bound = context.bound(binder);
        if (bound.hasErrors() || bound.resultSchema().isEmpty() || bound.resultSchema().get().isOpen()) return List.of();
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Column c : bound.resultColumns()) columns.put(c.name(), c);
        List<Diagnostic> out = new ArrayList<>();
        List<ContentItem.EntityMapping> mappings = item.entityMappings();
        for (int i = 0; i < mappings.size(); i++) {
            List<ContentItem.FieldMapping> fields = mappings.get(i).fieldMappings();
            for (int j = 0; j < fields.size(); j++) {
                String name = fields.get(j).columnName();
                if (name.isBlank()) continue;
                String pointer = "/entityMappings/" + i + "/fieldMappings/" + j + "/columnName";
                Column c = columns.get(name);
                if (c == null) {
                    out.add(missing(item, pointer, "XREF-entity-column", "entity mapping column", name, columns));
                } else if (c.type() == ScalarType.DATETIME || c.type() == ScalarType.TIMESPAN) {
                    // Dynamic values (split(x, '@')[0]) are common and Sentinel renders them as text; times are not identifiers.
                    out.add(MetadataChecks.at(item, pointer, "XREF-entity-column-type", Severity.WARNING,
                            "entity mapping column " + name + " is " + c.type().displayName() + ", not text",
                            "Return `" + name + " = tostring(" + name + ")` from the query."));
                }
            }
        }
        if (item instanceof AnalyticRule rule) {
            for (Map.Entry<String, String> e : rule.customDetails().entrySet()) {
                if (!columns.containsKey(e.getValue())) {
                    out.add(missing(item, "/customDetails/" + e.getKey(), "XREF-custom-detail-column", "custom detail column", e.getValue(), columns));
                }
            }
            rule.alertDetailsOverride().ifPresent(o -> {
                placeholders(item, o.alertDisplayNameFormat(), "/alertDetailsOverride/alertDisplayNameFormat", columns, out);
                placeholders(item, o.alertDescriptionFormat(), "/alertDetailsOverride/alertDescriptionFormat", columns, out);
                overrideColumn(item, o.alertTacticsColumnName(), "/alertDetailsOverride/alertTacticsColumnName", columns, out);
                overrideColumn(item, o.alertSeverityColumnName(), "/alertDetailsOverride/alertSeverityColumnName", columns, out);
            });
        }
        return out;
    }

    private static void placeholders(ContentItem item, String format, String pointer, Map<String, Column> columns, List<Diagnostic> out) {
        for (String name : AlertPlaceholders.in(format)) {
            if (!columns.containsKey(name)) out.add(missing(item, pointer, "XREF-placeholder-column", "placeholder {{" + name + "}} column", name, columns));
        }
    }

    private static void overrideColumn(ContentItem item, String name, String pointer, Map<String, Column> columns, List<Diagnostic> out) {
        if (name != null && !name.isBlank() && !columns.containsKey(name)) {
            out.add(missing(item, pointer, "XREF-override-column", "override column", name, columns));
        }
    }

    private static Diagnostic missing(ContentItem item, String pointer, String rule, String what, String name, Map<String, Column> columns) {
        Optional<String> guess = dev.sentinelctl.schema.Suggest.closest(name, columns.keySet());
        String returned = columns.size() > 12 ? String.join(", ", new ArrayList<>(columns.keySet()).subList(0, 12)) + ", …"
                : String.join(", ", columns.keySet());
        return MetadataChecks.at(item, pointer, rule, Severity.ERROR,
                what + " '" + name + "' is not among the query's output columns" + guess.map(g -> "; did you mean '" + g + "'?").orElse(""),
                guess.map(g -> "Write `" + g + "`.").orElse("The query returns: " + returned + "."));
    }
}
