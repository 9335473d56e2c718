package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.ArmApiVersion;

/**
 * The three resource types deployment reads and writes, with their path below the workspace and the api version
 * used for them. Alert rules use the version {@code build} writes templates with, so deploy and build send the same
 * fields (securityinsights 1.0.0-beta.4's 2022-09-01-preview models have no subTechniques); saved searches and
 * metadata use the versions of Microsoft's own tooling.
 */
public enum ResourceType {
    ALERT_RULE("alert rule", "providers/Microsoft.SecurityInsights/alertRules", ArmApiVersion.DEFAULT.value()),
    SAVED_SEARCH("hunting query", "savedSearches", ArmApiVersion.SAVED_SEARCHES),
    METADATA("metadata", "providers/Microsoft.SecurityInsights/metadata", ArmApiVersion.METADATA);

    private final String label;
    private final String collection;
    private final String apiVersion;

    ResourceType(String label, String collection, String apiVersion) {
        this.label = label;
        this.collection = collection;
        this.apiVersion = apiVersion;
    }

    /** For people: "alert rule", "hunting query", "metadata". */
    public String label() {
        return label;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The collection's resource id below a workspace resource id. */
    public String collectionId(String workspaceId) {
        return workspaceId + "/" + collection;
    }

    public String resourceId(String workspaceId, String name) {
        return collectionId(workspaceId) + "/" + name;
    }
}
