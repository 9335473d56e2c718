package dev.sentinelctl.deploy.kinds.alertrule;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.ArmToYaml;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.deploy.StateNormalizer;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.AlertRuleValidator;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Analytic rules (Scheduled and NRT) as {@code Microsoft.SecurityInsights/alertRules}. */
public final class AlertRuleKind extends DescribedKind implements DeployableKind {
    public static final AlertRuleKind INSTANCE = new AlertRuleKind();
    private static final Ownership OWNERSHIP = new Ownership.SentinelMetadata("AnalyticsRule");

    private AlertRuleKind() {
        super(new KindFacts("alert-rule", "alert rule", "alertRules", ArmApiVersion.DEFAULT.value(),
                "the version build writes templates with; the newest GA (2025-09-01) has no subTechniques and no "
                        + "sentinelEntitiesMappings in its ScheduledAlertRuleProperties, which content carries",
                new Scope.WorkspaceChild("providers/Microsoft.SecurityInsights/alertRules"),
                SandboxResourceType.sentinel("alertRules", new AlertRuleValidator(),
                        SandboxResourceType.Trait.KIND_AND_LAST_MODIFIED)));
    }








    @Override
    public ContentKind contentKind() {
        return ContentKind.ANALYTIC_RULE;
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        return mapping.alertRule((AnalyticRule) item);
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        return StateNormalizer.alertRule(armKind, properties);
    }

    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        String kind = listed.path("kind").asString("");
        String name = listed.path("name").asString();
        if (!kind.equals("Scheduled") && !kind.equals("NRT")) {
            return new Skipped("alert rule " + name + " \"" + listed.path("properties").path("displayName").asString(name)
                    + "\" of kind " + (kind.isEmpty() ? "(none)" : kind));
        }
        return new AsContent("Analytic Rules", new ArmToYaml().toYaml(new ArmToYaml.ArmItem(
                "Microsoft.SecurityInsights/alertRules", Optional.of(kind), name, listed.path("properties"), version)));
    }
}
