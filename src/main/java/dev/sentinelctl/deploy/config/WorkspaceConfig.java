package dev.sentinelctl.deploy.config;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.azure.CredentialKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workspace with every setting resolved: where it is, which credential reaches it, what content goes there and
 * how it is changed.
 *
 * @param name      the logical name from the config (output, {@code --workspace})
 * @param overrides by lower-case rule id, and {@code "*"} for every rule
 * @param preflight what to check before enabling a rule there, and what to do when the check fails
 */
public record WorkspaceConfig(String name, String tenant, String subscription, String resourceGroup, String workspace,
        CredentialKind credential, List<Path> paths, List<ContentFilter> include, List<ContentFilter> exclude,
        Map<String, RuleOverride> overrides, PreflightSettings preflight) {

    /** A workspace with the default preflight. */
    public WorkspaceConfig(String name, String tenant, String subscription, String resourceGroup, String workspace,
            CredentialKind credential, List<Path> paths, List<ContentFilter> include, List<ContentFilter> exclude,
            Map<String, RuleOverride> overrides) {
        this(name, tenant, subscription, resourceGroup, workspace, credential, paths, include, exclude, overrides,
                PreflightSettings.UNSET);
    }

    public WorkspaceConfig {
        preflight = preflight == null ? PreflightSettings.UNSET : preflight;
        paths = List.copyOf(paths);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        overrides = Map.copyOf(overrides);
    }

    /** {@code /subscriptions/S/resourceGroups/RG/providers/Microsoft.OperationalInsights/workspaces/WS}. */
    public String resourceId() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.OperationalInsights/workspaces/" + workspace;
    }

    public boolean selects(ContentItem item) {
        for (ContentFilter f : include) if (!f.matches(item)) return false;
        for (ContentFilter f : exclude) if (f.matchesAny(item)) return false;
        return true;
    }

    /** The {@code "*"} override, then the rule's own on top. */
    public RuleOverride overrideFor(String ruleId) {
        RuleOverride all = overrides.getOrDefault("*", RuleOverride.NONE);
        RuleOverride own = overrides.get(ruleId.toLowerCase(Locale.ROOT));
        return own == null ? all : all.then(own);
    }
}
