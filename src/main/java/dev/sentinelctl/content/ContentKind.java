package dev.sentinelctl.content;

/** The kinds of content file sentinelctl understands, with the schema each is validated against. */
public enum ContentKind {
    ANALYTIC_RULE("analytic-rule", "analytic rule"),
    HUNTING_QUERY("hunting-query", "hunting query"),
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
}
