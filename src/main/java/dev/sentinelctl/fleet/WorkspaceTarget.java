package dev.sentinelctl.fleet;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One workspace of a fleet with every inherited setting resolved: what the deploy engine needs to plan and apply
 * to it, and nothing it would have to look up in the config again.
 *
 * @param overrides  content id → field → value (String, Boolean or Long) to change in this workspace
 * @param exclusions exclusion parameter name → this workspace's values
 * @param preflight  the merged {@code preflight:} settings: {@code enabled} (Boolean), {@code missingTable},
 *                   {@code noData} (String), {@code checkData} (Boolean or String); absent keys are defaults
 */
public record WorkspaceTarget(String tenant, String subscription, String resourceGroup, String workspace, String ring,
                              int ringIndex, String group, List<String> labels, CredentialRef credential,
                              ContentSelection content, Map<String, Map<String, Object>> overrides,
                              Map<String, ExclusionValues> exclusions, Map<String, Object> preflight) {

    public WorkspaceTarget {
        labels = List.copyOf(labels);
        overrides = Map.copyOf(overrides);
        exclusions = Map.copyOf(exclusions);
        preflight = Map.copyOf(preflight);
    }

    /** A target with the default preflight. */
    public WorkspaceTarget(String tenant, String subscription, String resourceGroup, String workspace, String ring,
                           int ringIndex, String group, List<String> labels, CredentialRef credential,
                           ContentSelection content, Map<String, Map<String, Object>> overrides,
                           Map<String, ExclusionValues> exclusions) {
        this(tenant, subscription, resourceGroup, workspace, ring, ringIndex, group, labels, credential, content, overrides,
                exclusions, Map.of());
    }

    /** The ARM resource id; the workspace's identity for sharding, reports and resume. */
    public String resourceId() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.OperationalInsights/workspaces/" + workspace;
    }

    /** The resource id as ARM compares it (case-insensitively). */
    public String key() {
        return resourceId().toLowerCase(Locale.ROOT);
    }
}
