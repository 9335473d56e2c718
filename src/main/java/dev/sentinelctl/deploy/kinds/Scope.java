package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.config.WorkspaceConfig;

/**
 * Where a kind's resources live relative to a target workspace, which is where its actual state is listed (one list
 * call per kind and workspace) and where each resource is written. A workspace child is below the workspace's
 * resource id; a resource-group child (workbooks, playbooks' Logic Apps) is beside the workspace, so several
 * workspaces in one resource group share its collection and the kind's ownership marker tells whose each one is.
 * Targets outside ARM (Microsoft Graph's {@code security/rules/detectionRules}) get their own scope with their own
 * transport; see docs/deploying-kinds.md.
 */
public sealed interface Scope {
    /** The collection's resource id for this workspace: what a list call reads. */
    String collectionId(WorkspaceConfig ws);

    default String resourceId(WorkspaceConfig ws, String name) {
        return collectionId(ws) + "/" + name;
    }

    /** Below the workspace: {@code <workspace id>/providers/Microsoft.SecurityInsights/alertRules}. */
    record WorkspaceChild(String path) implements Scope {
        @Override
        public String collectionId(WorkspaceConfig ws) {
            return ws.resourceId() + "/" + path;
        }
    }

    /** Beside the workspace, in its resource group: {@code /subscriptions/S/resourceGroups/RG/providers/Microsoft.Insights/workbooks}. */
    record ResourceGroupChild(String path) implements Scope {
        @Override
        public String collectionId(WorkspaceConfig ws) {
            return "/subscriptions/" + ws.subscription() + "/resourceGroups/" + ws.resourceGroup() + "/" + path;
        }
    }

    /**
     * A Microsoft Graph collection, not ARM: {@code security/rules/detectionRules}. It belongs to the tenant, not to a
     * workspace (every workspace of a tenant sees the same collection, and the ownership marker says whose each item
     * is); it is read and written through the Graph client with its own token audience ({@code ArmRest#at}), and the
     * kind's api-version is Graph's path version ({@code v1.0}).
     */
    record Graph(String path) implements Scope {
        @Override
        public String collectionId(WorkspaceConfig ws) {
            return "/" + path;
        }
    }
}
