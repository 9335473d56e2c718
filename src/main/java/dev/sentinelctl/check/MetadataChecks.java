package dev.sentinelctl.check;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.reference.Connectors;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-checks between an item's YAML metadata and its query that need the query's tree but not its types:
 * data connectors against the tables the query reads, incident grouping against the entities and custom
 * details, and what NRT rules cannot do.
 */
public final class MetadataChecks implements ItemCheck {

    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo("XREF-unknown-connector", "UnknownConnector", Severity.WARNING,
                    "A requiredDataConnectors connectorId Sentinel does not know.",
                    "Content Hub and the portal use connector ids to show whether a rule's data arrives; an unknown id never matches.",
                    "Use the id of the connector as Sentinel lists it."),
            new RuleInfo("XREF-table-not-declared", "TableNotDeclared", Severity.WARNING,
                    "The query reads a table that no requiredDataConnectors entry lists.",
                    "Sentinel tells users which connectors a rule needs from this list; a missing table hides a dependency.",
                    "Add the table to the dataTypes of the connector that fills it."),
            new RuleInfo("XREF-data-type-not-read", "DataTypeNotRead", Severity.WARNING,
                    "A requiredDataConnectors dataType the query never reads.",
                    "A stale data type makes the portal demand a connector the rule does not need.",
                    "Remove the data type, or check the query reads the table you meant."),
            new RuleInfo("XREF-grouping-entity", "GroupingEntityNotMapped", Severity.ERROR,
                    "Incident grouping by an entity type the rule does not map.",
                    "Grouping by an entity the alerts never carry groups nothing.",
                    "Map the entity type, or drop it from groupByEntities."),
            new RuleInfo("XREF-grouping-custom-detail", "GroupingCustomDetailMissing", Severity.ERROR,
                    "Incident grouping by a custom detail the rule does not define.",
                    "Grouping by a detail the alerts never carry groups nothing.",
                    "Define the custom detail, or drop it from groupByCustomDetails."),
            new RuleInfo("XREF-grouping-selected", "SelectedGroupingWithoutFields", Severity.ERROR,
                    "matchingMethod Selected with nothing selected.",
                    "Sentinel rejects Selected grouping without entities, alert details or custom details to group by.",
                    "List groupByEntities, groupByAlertDetails or groupByCustomDetails, or use AllEntities."),
            new RuleInfo("XREF-nrt-unsupported", "NrtUnsupported", Severity.ERROR,
                    "A construct near-real-time rules cannot run.",
                    "NRT rules run every minute on newly ingested rows of one workspace; Sentinel rejects cross-workspace queries and, in many workspaces, joins, unions and several tables.",
                    "Make it a Scheduled rule, or simplify the query."));

    private final Connectors connectors;
    private final Catalog catalog;

    public MetadataChecks(Connectors connectors, Catalog catalog) {
        this.connectors = connectors;
        this.catalog = catalog;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        ContentItem item = context.item();
        List<Diagnostic> out = new ArrayList<>();
        checkConnectors(item, out);
        if (!item.query().isEmpty() && !context.parsed().hasErrors()) {
            checkTables(context, out);
            if (item instanceof AnalyticRule rule && rule.ruleKind() == AnalyticRule.RuleKind.NRT) checkNrt(context, out);
        }
        if (item instanceof AnalyticRule rule) checkGrouping(rule, out);
        return out;
    }

    private void checkConnectors(ContentItem item, List<Diagnostic> out) {
        List<ContentItem.DataConnector> list = item.requiredDataConnectors();
        for (int i = 0; i < list.size(); i++) {
            ContentItem.DataConnector c = list.get(i);
            if (c.connectorId().isBlank()) continue;
            if (!connectors.isKnownId(c.connectorId())) {
                out.add(at(item, "/requiredDataConnectors/" + i + "/connectorId", "XREF-unknown-connector", Severity.WARNING,
                        "connector id '" + c.connectorId() + "' is not a Sentinel data connector",
                        "Use the connector's id as Sentinel lists it (for example AzureActiveDirectory, SecurityEvents, MicrosoftThreatProtection)."));
                continue;
            }
        }
    }

    private void checkTables(ItemContext context, List<Diagnostic> out) {
        ContentItem item = context.item();
        Set<String> read = new LinkedHashSet<>();
        boolean readsFunctions = false;
        for (String name : context.parsed().referencedTables()) {
            // Names without a schema are often parser functions (GitLabAudit, afad_parser), whose tables are hidden.
            if (catalog.table(name).isPresent()) read.add(name);
            if (catalog.table(name).isEmpty() || connectors.connectorsFeeding(name).isEmpty()) readsFunctions = true;
        }
        for (Expr.FunctionCall call : context.nodes(Expr.FunctionCall.class)) {
            String f = call.functionName();
            if (f.startsWith("_") || f.startsWith("im") || f.startsWith("ASim") || f.equals("table")) readsFunctions = true;
        }
        Set<String> declared = new LinkedHashSet<>();
        item.requiredDataConnectors().forEach(c -> c.dataTypes().forEach(t -> declared.add(dataType(t))));
        boolean rule = item instanceof AnalyticRule;
        if (!declared.isEmpty() || rule) {
            for (String table : read) {
                // Only tables a known connector fills: the finding can then say which connector to list.
                if (connectors.connectorsFeeding(table).isEmpty()) continue;
                if (!declared.contains(table.toLowerCase(Locale.ROOT))) {
                    out.add(at(item, "/requiredDataConnectors", "XREF-table-not-declared", Severity.WARNING,
                            "the query reads " + table + " but no requiredDataConnectors entry lists it",
                            hintForTable(table)));
                }
            }
        }
        if (readsFunctions || read.isEmpty()) return;
        Set<String> readLower = new LinkedHashSet<>();
        read.forEach(t -> readLower.add(t.toLowerCase(Locale.ROOT)));
        List<ContentItem.DataConnector> list = item.requiredDataConnectors();
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < list.get(i).dataTypes().size(); j++) {
                String t = list.get(i).dataTypes().get(j);
                if (!readLower.contains(dataType(t))) {
                    out.add(at(item, "/requiredDataConnectors/" + i + "/dataTypes/" + j, "XREF-data-type-not-read", Severity.WARNING,
                            "dataType " + t + " is listed but the query never reads it",
                            "Remove it, or check the query reads the table you meant (it reads " + String.join(", ", read) + ")."));
                }
            }
        }
    }

    /** Azure-Sentinel writes some data types with a qualifier, e.g. "SecurityAlert (ASC)": the table is the first word. */
    private static String dataType(String written) {
        String t = written.strip();
        int paren = t.indexOf(" (");
        return (paren > 0 ? t.substring(0, paren) : t).toLowerCase(Locale.ROOT);
    }

    private String hintForTable(String table) {
        List<String> feeding = new TreeSet<>(connectors.connectorsFeeding(table)).stream().limit(6).toList();
        return "Add " + table + " to the dataTypes of the connector your workspaces use for it (filled by "
                + String.join(", ", feeding) + (connectors.connectorsFeeding(table).size() > 6 ? ", …" : "") + ").";
    }

    private void checkNrt(ItemContext context, List<Diagnostic> out) {
        ContentItem item = context.item();
        for (Expr.FunctionCall call : context.nodes(Expr.FunctionCall.class)) {
            String f = call.functionName();
            if (f.equals("workspace") || f.equals("app") || f.equals("cluster") || f.equals("database") || f.equals("resource")) {
                out.add(nrt(item, "reads another workspace or cluster with " + f + "(); NRT rules query only their own workspace"));
                return;
            }
        }
        boolean joins = !context.nodes(QueryOperator.Join.class).isEmpty() || !context.nodes(QueryOperator.Union.class).isEmpty();
        if (joins) out.add(nrt(item, "uses join or union; Sentinel rejects NRT queries that do in many workspaces"));
    }

    private static Diagnostic nrt(ContentItem item, String message) {
        return at(item, "/query", "XREF-nrt-unsupported", Severity.ERROR, "this NRT rule " + message,
                "Make it `kind: Scheduled` with a short queryFrequency, or simplify the query.");
    }

    private static void checkGrouping(AnalyticRule rule, List<Diagnostic> out) {
        rule.incidentConfiguration().flatMap(AnalyticRule.IncidentConfiguration::groupingConfiguration).ifPresent(g -> {
            String base = "/incidentConfiguration/groupingConfiguration";
            Set<String> mapped = new LinkedHashSet<>();
            rule.entityMappings().forEach(m -> mapped.add(m.entityType().toLowerCase(Locale.ROOT)));
            for (int i = 0; i < g.groupByEntities().size(); i++) {
                String e = g.groupByEntities().get(i);
                if (!mapped.contains(e.toLowerCase(Locale.ROOT))) {
                    out.add(at(rule, base + "/groupByEntities/" + i, "XREF-grouping-entity", Severity.ERROR,
                            "incidents are grouped by " + e + " entities, but the rule maps no " + e + " entity",
                            "Add an entityMappings entry of type " + e + ", or remove it from groupByEntities."));
                }
            }
            for (int i = 0; i < g.groupByCustomDetails().size(); i++) {
                String d = g.groupByCustomDetails().get(i);
                if (!rule.customDetails().containsKey(d)) {
                    out.add(at(rule, base + "/groupByCustomDetails/" + i, "XREF-grouping-custom-detail", Severity.ERROR,
                            "incidents are grouped by custom detail '" + d + "', which customDetails does not define",
                            "Add `" + d + ": <column>` to customDetails, or remove it from groupByCustomDetails."));
                }
            }
            if (g.enabled() && g.matchingMethod().equals("Selected") && g.groupByEntities().isEmpty()
                    && g.groupByAlertDetails().isEmpty() && g.groupByCustomDetails().isEmpty()) {
                out.add(at(rule, base + "/matchingMethod", "XREF-grouping-selected", Severity.ERROR,
                        "matchingMethod Selected groups by nothing", "List what to group by, or use `matchingMethod: AllEntities`."));
            }
        });
    }

    static Diagnostic at(ContentItem item, String pointer, String rule, Severity severity, String message, String hint) {
        Span span = item.document().spanOf(pointer, false);
        return new Diagnostic(rule, severity, item.document().source().displayPath(), span.line(), span.column(),
                span.endLine(), span.endColumn(), message, hint);
    }
}
