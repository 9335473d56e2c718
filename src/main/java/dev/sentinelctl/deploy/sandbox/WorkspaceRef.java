package dev.sentinelctl.deploy.sandbox;

import java.util.Locale;

/** A Log Analytics workspace as ARM addresses it. Comparison is case-insensitive, as in ARM. */
public record WorkspaceRef(String subscriptionId, String resourceGroup, String workspace) {
    public WorkspaceRef {
        if (blank(subscriptionId) || blank(resourceGroup) || blank(workspace)) {
            throw new IllegalArgumentException("A workspace needs a subscription id, a resource group and a name");
        }
    }

    /** Parses {@code SUBSCRIPTION/RESOURCE_GROUP/WORKSPACE}, the form the CLI flag takes. */
    public static WorkspaceRef parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "Workspace '" + text + "' must be written SUBSCRIPTION/RESOURCE_GROUP/WORKSPACE");
        }
        return new WorkspaceRef(parts[0], parts[1], parts[2]);
    }

    /** The identity used for lookups: ARM treats ids case-insensitively. */
    public String key() {
        return (subscriptionId + "/" + resourceGroup + "/" + workspace).toLowerCase(Locale.ROOT);
    }

    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.OperationalInsights/workspaces/" + workspace;
    }

    @Override
    public String toString() {
        return subscriptionId + "/" + resourceGroup + "/" + workspace;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
