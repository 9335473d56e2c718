package dev.sentinelctl.content;

/** The kinds of content file sentinelctl understands, with the schema each is validated against. */
public enum ContentKind {
    ANALYTIC_RULE("analytic-rule", "analytic rule"),
    HUNTING_QUERY("hunting-query", "hunting query"),
    /** A KQL function saved in the workspace under an alias (Sentinel parsers, ASIM parsers). */
    PARSER("parser", "parser"),
    /** A watchlist folder's metadata file ({@code watchlist.yaml}/{@code watchlist.json}) next to its {@code data.csv}. */
    WATCHLIST("watchlist", "watchlist"),
    /** A Sentinel automation rule (REST properties as YAML, rule references by content id or file). */
    AUTOMATION_RULE("automation-rule", "automation rule"),
    /** An alert rule without a query (incident creation, Fusion, threat intelligence, ML behavior analytics). */
    BUILT_IN_ALERT_RULE("built-in-alert-rule", "built-in alert rule"),
    WORKBOOK("workbook", "workbook"),
    /** A Defender XDR custom detection (Microsoft Graph {@code security/rules/detectionRules}). */
    CUSTOM_DETECTION("custom-detection", "custom detection"),
    /** A playbook: an ARM template with Logic Apps (JSON, read by content/playbook), deployed as an ARM deployment. */
    PLAYBOOK("playbook", "playbook");

    private final String schemaName;
    private final String displayName;

    ContentKind(String schemaName, String displayName) {
        this.schemaName = schemaName;
        this.displayName = displayName;
    }

    /** Base name of the file in {@code schemas/}, e.g. {@code analytic-rule} → {@code analytic-rule.schema.json}. */
    public String schemaName() {
        return schemaName;
    }

    public String displayName() {
        return displayName;
    }

    /** True for kinds that {@link ContentMapper#map} turns into a {@link ContentItem}; a watchlist is not one. */
    public boolean isQueryItem() {
        return this != WATCHLIST;
    }
}
