package dev.sentinelctl.content;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Tells a file's content kind from its fields, using the folder only as a tie-breaker: people move files,
 * but a rule with a {@code queryFrequency} is a rule wherever it lives.
 */
public final class KindDetector {

    /** What a YAML file turned out to be. */
    public sealed interface Verdict {
        record Content(ContentKind kind) implements Verdict {}
        /** A file that is deliberately not content, such as an Azure-Sentinel "moved to new location" stub. */
        record NotContent(String reason) implements Verdict {}
        /** Sentinel content in another dialect: named in one finding, not checked field by field. */
        record Foreign(Dialect dialect) implements Verdict {}
    }

    private static final java.util.regex.Pattern STUB = java.util.regex.Pattern.compile(
            "(?i)content migration|moved to (a )?new location");
    private static final String[] RULE_FIELDS = {"queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold",
            "entityMappings", "incidentConfiguration", "eventGroupingSettings", "alertDetailsOverride", "suppressionDuration"};

    public Verdict detect(JsonNode root, String path) {
        String fileName = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        if (Watchlist.isMetadataFile(fileName)) return new Verdict.Content(ContentKind.WATCHLIST);
        if (!root.isObject()) return new Verdict.Content(folderHint(path).orElse(ContentKind.HUNTING_QUERY));
        if (root.has("functionAlias")) return new Verdict.Content(ContentKind.PARSER);
        if (isAutomationRule(root)) return new Verdict.Content(ContentKind.AUTOMATION_RULE);
        Optional<Dialect> dialect = Dialect.detect(root);
        if (dialect.isPresent()) return new Verdict.Foreign(dialect.get());
        if (root.has("ParserQuery") || root.has("FunctionQuery")) {
            return new Verdict.NotContent("Azure-Sentinel parser YAML (ParserQuery/FunctionQuery): convert it with "
                    + "`sentinelctl import FILE --out DIR` to sentinelctl's parser form");
        }
        if (!root.has("query") && isMigrationStub(root)) {
            return new Verdict.NotContent("Azure-Sentinel migration stub (\"moved to new location\"): no query to check");
        }
        if (root.has("queryCondition") || root.has("detectionAction")) return new Verdict.Content(ContentKind.CUSTOM_DETECTION);
        JsonNode kind = root.get("kind");
        if (!root.has("query") && kind == null && root.has("displayName")
                && (root.has("serializedData") || root.has("category") || path.replace('\\', '/').toLowerCase(Locale.ROOT).contains("workbooks/"))) {
            return new Verdict.Content(ContentKind.WORKBOOK);
        }
        Optional<ContentKind> hint = folderHint(path);
        if (kind != null && kind.isString()) {
            String k = kind.asString().toLowerCase(Locale.ROOT);
            // a stray "kind: Scheduled" in a hunting query (no schedule, no trigger) does not make it a rule
            boolean strayKind = hint.equals(Optional.of(ContentKind.HUNTING_QUERY)) && !hasRuleField(root);
            if (BuiltInAlertRule.restKind(k).isPresent() && !root.has("query")) return new Verdict.Content(ContentKind.BUILT_IN_ALERT_RULE);
            if ((k.equals("scheduled") || k.equals("nrt")) && !strayKind) return new Verdict.Content(ContentKind.ANALYTIC_RULE);
        }
        if (hint.isPresent()) return new Verdict.Content(hint.get());
        for (String field : RULE_FIELDS) {
            if (field.equals("entityMappings")) continue; // hunting queries carry entity mappings too
            if (root.has(field)) return new Verdict.Content(ContentKind.ANALYTIC_RULE);
        }
        if (kind != null) return new Verdict.Content(ContentKind.ANALYTIC_RULE);
        return new Verdict.Content(ContentKind.HUNTING_QUERY);
    }

    /** The REST shape of an automation rule: no query, a triggering logic and actions. */
    private static boolean isAutomationRule(JsonNode root) {
        return !root.has("query") && (root.has("triggeringLogic") || root.has("actions") && root.has("order"));
    }

    private static boolean hasRuleField(JsonNode root) {
        for (String field : RULE_FIELDS) {
            if (!field.equals("entityMappings") && root.has(field)) return true;
        }
        return false;
    }

    private static boolean isMigrationStub(JsonNode root) {
        JsonNode description = root.get("description");
        return description != null && description.isString()
                && STUB.matcher(description.asString()).find();
    }

    static Optional<ContentKind> folderHint(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        if (p.contains("hunting queries/") || p.contains("hunting-queries/") || p.contains("/hunting/")
                || p.startsWith("hunting/")) {
            return Optional.of(ContentKind.HUNTING_QUERY);
        }
        if (p.contains("analytic rules/") || p.contains("analytic-rules/") || p.contains("detections/")
                || p.contains("analytics/") || p.contains("/rules/") || p.startsWith("rules/")) {
            return Optional.of(ContentKind.ANALYTIC_RULE);
        }
        return Optional.empty();
    }
}
