package dev.sentinelctl.fleet;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.Tailoring;
import dev.sentinelctl.deploy.TailoringException;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.config.PreflightAction;
import dev.sentinelctl.deploy.config.PreflightSettings;
import dev.sentinelctl.deploy.config.RuleOverride;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a fleet's resolved {@link WorkspaceTarget}s onto what the deploy engine plans with: a {@link WorkspaceConfig}
 * (where, which credential, overrides) and a {@link Tailoring} (path selection, exclusions compiled into queries).
 */
public final class FleetWorkspaces {
    public static final List<String> DEPLOYED_FIELDS = List.of("enabled", "severity", "queryFrequency", "queryPeriod", "triggerThreshold",
            "triggerOperator", "suppressionEnabled", "suppressionDuration");

    private FleetWorkspaces() {
    }

    /** The workspace config of a target; its name is the workspace's (what the output and --workspace use). */
    public static WorkspaceConfig config(WorkspaceTarget t, List<Path> contentPaths) {
        CredentialKind kind;
        try {
            kind = CredentialKind.parse(t.credential().type());
        } catch (IllegalArgumentException e) {
            throw new DeployException("workspace '" + t.workspace() + "': credential '" + t.credential().name() + "': " + e.getMessage());
        }
        // The token comes from the credential's tenant (for Lighthouse, the managing tenant), not the customer's.
        return new WorkspaceConfig(t.workspace(), t.credential().tokenTenant(t.tenant()), t.subscription(),
                t.resourceGroup(), t.workspace(), kind, contentPaths, List.of(), List.of(), overrides(t), preflight(t));
    }

    /** The fleet's merged preflight map (words and durations checked by the fleet schema) as deploy settings. */
    public static PreflightSettings preflight(WorkspaceTarget t) {
        Map<String, Object> p = t.preflight();
        if (p.isEmpty()) return PreflightSettings.UNSET;
        Object data = p.get("checkData");
        Duration window = null;
        if (data instanceof Boolean b) window = b ? PreflightSettings.DEFAULT_WINDOW : Duration.ZERO;
        else if (data instanceof String s) window = duration(s);
        return new PreflightSettings(p.get("enabled") instanceof Boolean b ? b : null, action(p.get("missingTable")), window,
                action(p.get("noData")));
    }

    private static PreflightAction action(Object value) {
        return value instanceof String s ? PreflightAction.parse(s).orElse(null) : null;
    }

    public static Tailoring tailoring(WorkspaceTarget t, TargetQueries queries) {
        return new Tailoring() {
            @Override
            public boolean selects(ContentItem item) {
                return t.content().selects(TargetQueries.relative(item));
            }

            @Override
            public String query(ContentItem item) {
                // Graph objects land in the tenant of the token; Azure Lighthouse delegates ARM only, so a managing
                // tenant's token would put the customer's custom detections into the managing tenant's Defender XDR.
                String tokenTenant = t.credential().tokenTenant(t.tenant());
                if (item.kind() == dev.sentinelctl.content.ContentKind.CUSTOM_DETECTION && !tokenTenant.equalsIgnoreCase(t.tenant())) {
                    throw new TailoringException("custom detection " + item.id() + " belongs to tenant " + t.tenant()
                            + ", but credential '" + t.credential().name() + "' signs in to tenant " + tokenTenant
                            + (t.credential().lighthouse() ? " (Azure Lighthouse delegates ARM, not Microsoft Graph)" : "")
                            + ": Graph would put it in the wrong tenant. Give this workspace a credential of its own tenant, "
                            + "or leave custom detections out of its selection");
                }
                try {
                    return queries.queryFor(item, t).text();
                } catch (ExclusionCompileException e) {
                    throw new TailoringException("its exclusions cannot be compiled: " + e.getMessage());
                }
            }
        };
    }

    /** Fleet overrides are loose maps (String, Boolean or Long values, checked by the fleet schema). */
    public static Map<String, RuleOverride> overrides(WorkspaceTarget t) {
        Map<String, RuleOverride> out = new LinkedHashMap<>();
        t.overrides().forEach((id, fields) -> {
            // A fleet may set fields the deploy engine cannot apply yet; refusing beats deploying without them.
            for (String field : fields.keySet()) {
                if (!DEPLOYED_FIELDS.contains(field)) {
                    throw new DeployException("workspace '" + t.workspace() + "': override " + id + "." + field
                            + " is not deployed yet (supported: " + String.join(", ", DEPLOYED_FIELDS) + ")");
                }
            }
        });
        t.overrides().forEach((id, fields) -> out.put(id.toLowerCase(Locale.ROOT), new RuleOverride(
                fields.get("enabled") instanceof Boolean b ? b : null,
                fields.get("severity") instanceof String s ? s : null,
                duration(fields.get("queryFrequency")), duration(fields.get("queryPeriod")),
                fields.get("triggerThreshold") instanceof Number n ? Integer.valueOf(n.intValue()) : null,
                fields.get("triggerOperator") instanceof String op ? op : null,
                fields.get("suppressionEnabled") instanceof Boolean b ? b : null,
                duration(fields.get("suppressionDuration")))));
        return out;
    }

    private static Duration duration(Object value) {
        return value instanceof String s ? RuleDuration.parse(s).map(RuleDuration::value).orElse(null) : null;
    }
}
