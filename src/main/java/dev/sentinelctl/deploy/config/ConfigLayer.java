package dev.sentinelctl.deploy.config;

import dev.sentinelctl.deploy.azure.CredentialKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of settings ({@code defaults:} or a workspace). Levels combine with {@link #then}: scalars of the more
 * specific level win, content paths are replaced, include/exclude filters add up, overrides merge per rule id and
 * field, preflight settings merge field by field. Fleets (fleet → group → workspace) are more levels chained the same way.
 *
 * <p>Any field may be null (not set at this level).
 */
public record ConfigLayer(String tenant, String subscription, String resourceGroup, CredentialKind credential,
        List<Path> paths, List<ContentFilter> include, List<ContentFilter> exclude, Map<String, RuleOverride> overrides,
        PreflightSettings preflight) {
    public static final ConfigLayer EMPTY = new ConfigLayer(null, null, null, null, null, List.of(), List.of(), Map.of(),
            PreflightSettings.UNSET);

    public ConfigLayer {
        preflight = preflight == null ? PreflightSettings.UNSET : preflight;
        paths = paths == null ? null : List.copyOf(paths);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        overrides = Map.copyOf(overrides);
    }

    public ConfigLayer then(ConfigLayer more) {
        List<ContentFilter> inc = new ArrayList<>(include);
        inc.addAll(more.include);
        List<ContentFilter> exc = new ArrayList<>(exclude);
        exc.addAll(more.exclude);
        Map<String, RuleOverride> merged = new LinkedHashMap<>(overrides);
        more.overrides.forEach((id, o) -> merged.merge(id, o, RuleOverride::then));
        return new ConfigLayer(pick(more.tenant, tenant), pick(more.subscription, subscription),
                pick(more.resourceGroup, resourceGroup), pick(more.credential, credential), pick(more.paths, paths),
                inc, exc, merged, preflight.then(more.preflight));
    }

    private static <T> T pick(T specific, T general) {
        return specific != null ? specific : general;
    }
}
