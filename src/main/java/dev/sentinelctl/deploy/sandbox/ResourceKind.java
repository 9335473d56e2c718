package dev.sentinelctl.deploy.sandbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resource types the sandbox serves and where their REST contracts differ. The differences are the ones the SDK
 * trips over: Log Analytics saved searches answer 200 to every PUT and DELETE and are not paged, Sentinel resources
 * answer 201 on create and 204 when deleting something absent.
 */
public enum ResourceKind {
    ALERT_RULES("Microsoft.SecurityInsights", "alertRules", ApiVersions.SECURITY_INSIGHTS, 201, 204, true, "NotFound"),
    METADATA("Microsoft.SecurityInsights", "metadata", ApiVersions.SECURITY_INSIGHTS, 201, 204, true, "NotFound"),
    /** Read by deploy preflight when a rule calls {@code _GetWatchlist}; items are not served. */
    WATCHLISTS("Microsoft.SecurityInsights", "watchlists", ApiVersions.SECURITY_INSIGHTS, 201, 204, true, "NotFound"),
    SAVED_SEARCHES("Microsoft.OperationalInsights", "savedSearches", ApiVersions.OPERATIONAL_INSIGHTS, 200, 200, false,
            "ResourceNotFound");

    private final String namespace;
    private final String typeName;
    private final Set<String> apiVersions;
    private final int createdStatus;
    private final int deleteMissingStatus;
    private final boolean paged;
    private final String notFoundCode;

    ResourceKind(String namespace, String typeName, List<String> apiVersions, int createdStatus,
            int deleteMissingStatus, boolean paged, String notFoundCode) {
        this.namespace = namespace;
        this.typeName = typeName;
        this.apiVersions = new TreeSet<>(apiVersions);
        this.createdStatus = createdStatus;
        this.deleteMissingStatus = deleteMissingStatus;
        this.paged = paged;
        this.notFoundCode = notFoundCode;
    }

    /** The ARM {@code type} field, e.g. {@code Microsoft.SecurityInsights/alertRules}. */
    public String armType() {
        return namespace + "/" + typeName;
    }

    /** The path segment and the short label used in stats, e.g. {@code alertRules}. */
    public String typeName() {
        return typeName;
    }

    public Set<String> apiVersions() {
        return apiVersions;
    }

    int createdStatus() {
        return createdStatus;
    }

    int deleteMissingStatus() {
        return deleteMissingStatus;
    }

    boolean paged() {
        return paged;
    }

    String notFoundCode() {
        return notFoundCode;
    }

    boolean sentinel() {
        return namespace.equals("Microsoft.SecurityInsights");
    }

    static ResourceKind fromSegment(String namespaceSegment, String typeSegment) {
        for (ResourceKind kind : values()) {
            if (kind.namespace.equalsIgnoreCase(namespaceSegment) && kind.typeName.equalsIgnoreCase(typeSegment)) {
                return kind;
            }
        }
        return null;
    }

    static ResourceKind fromTypeName(String typeName) {
        for (ResourceKind kind : values()) {
            if (kind.typeName.equalsIgnoreCase(typeName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown resource type '" + typeName + "'");
    }
}
