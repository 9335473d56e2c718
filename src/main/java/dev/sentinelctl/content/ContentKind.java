package dev.sentinelctl.content;

/** The kinds of content file sentinelctl understands, with the schema each is validated against. */
public enum ContentKind {
    ANALYTIC_RULE("analytic-rule", "analytic rule"),
    HUNTING_QUERY("hunting-query", "hunting query"),
    /** A KQL function saved in the workspace under an alias (Sentinel parsers, ASIM parsers). */
    PARSER("parser", "parser"),
    /** A watchlist folder's metadata file ({@code watchlist.yaml}/{@code watchlist.json}) next to its {@code data.csv}. */
    WATCHLIST("watchlist", "watchlist");

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
