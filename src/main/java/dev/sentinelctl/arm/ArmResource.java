package dev.sentinelctl.arm;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Sentinel resource as ARM sees it, independent of how it is deployed: the resource type in template
 * form (workspace-scoped, e.g. {@code Microsoft.OperationalInsights/workspaces/providers/alertRules}), its
 * api version, kind (alert rules only), its name inside the workspace (the content id, so a redeploy updates
 * in place) and the {@code properties} body. {@code plan/apply} PUTs {@code kind + properties} to
 * {@link #restPath()} under the workspace; {@link ArmTemplate} wraps the same object into a template.
 */
public record ArmResource(String type, String apiVersion, Optional<String> kind, String name, String contentId,
                          ObjectNode properties) {

    public static final String ALERT_RULE_TYPE = "Microsoft.OperationalInsights/workspaces/providers/alertRules";
    public static final String SAVED_SEARCH_TYPE = "Microsoft.OperationalInsights/workspaces/savedSearches";
    public static final String AUTOMATION_RULE_TYPE = "Microsoft.OperationalInsights/workspaces/providers/automationRules";
    public static final String WATCHLIST_TYPE = "Microsoft.OperationalInsights/workspaces/providers/Watchlists";
    public static final String METADATA_TYPE = "Microsoft.OperationalInsights/workspaces/providers/metadata";

    public boolean isAlertRule() {
        return type.equals(ALERT_RULE_TYPE);
    }

    public boolean isSavedSearch() {
        return type.equals(SAVED_SEARCH_TYPE);
    }

    /**
     * The path of the resource below the workspace's resource id, as the REST API names it:
     * {@code providers/Microsoft.SecurityInsights/alertRules/<id>}, {@code savedSearches/<id>},
     * {@code providers/Microsoft.SecurityInsights/metadata/<name>}.
     */
    public String restPath() {
        if (isSavedSearch()) return "savedSearches/" + name;
        String last = type.substring(type.lastIndexOf('/') + 1);
        return "providers/Microsoft.SecurityInsights/" + last + "/" + name;
    }

    /**
     * The template {@code name} expression. Workspace-scoped "providers" types need
     * {@code <workspace>/Microsoft.SecurityInsights/<name>}; saved searches {@code <workspace>/<name>}.
     */
    public String templateName() {
        String literal = name.replace("'", "''");
        if (isSavedSearch()) return "[concat(parameters('workspace'), '/" + literal + "')]";
        return "[concat(parameters('workspace'), '/Microsoft.SecurityInsights/" + literal + "')]";
    }

    /** Resource id expression of this resource inside the template's workspace (for metadata parentId). */
    public String resourceIdExpression() {
        String literal = name.replace("'", "''");
        if (isSavedSearch()) {
            return "[resourceId('Microsoft.OperationalInsights/workspaces/savedSearches', parameters('workspace'), '"
                    + literal + "')]";
        }
        String last = type.substring(type.lastIndexOf('/') + 1);
        return "[resourceId('Microsoft.OperationalInsights/workspaces/providers/" + last
                + "', parameters('workspace'), 'Microsoft.SecurityInsights', '" + literal + "')]";
    }
}
