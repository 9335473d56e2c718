package dev.sentinelctl.deploy.kinds.alertrule;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.ArmToYaml;
import dev.sentinelctl.arm.BuiltInAlertRules;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.BuiltInAlertRule;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alert rules ({@code Microsoft.SecurityInsights/alertRules}): analytic rules (Scheduled and NRT) and the rules
 * without a query (incident creation, Fusion, threat intelligence, ML behavior analytics, {@link BuiltInAlertRule}).
 * One kind for both content kinds because they share one collection, one list call and one metadata kind
 * ({@code AnalyticsRule}): two kinds over one collection would each see the other's rules as their own claims.
 */
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

    /** Both content kinds deploy as alert rules. */
    @Override
    public boolean handles(ContentItem item) {
        return item.kind() == ContentKind.ANALYTIC_RULE || item.kind() == ContentKind.BUILT_IN_ALERT_RULE;
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        if (item instanceof BuiltInAlertRule rule) return BuiltInAlertRules.resource(rule, mapping.apiVersion());
        return mapping.alertRule((AnalyticRule) item);
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        if (armKind != null && BuiltInAlertRule.KINDS.contains(armKind)) return builtIn(armKind, properties);
        return StateNormalizer.alertRule(armKind, properties);
    }

    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        String kind = listed.path("kind").asString("");
        String name = listed.path("name").asString();
        if (BuiltInAlertRule.KINDS.contains(kind)) {
            return new AsContent("Analytic Rules", BuiltInAlertRules.toYaml(kind, name, listed.path("properties"), version));
        }
        if (!kind.equals("Scheduled") && !kind.equals("NRT")) {
            return new Skipped("alert rule " + name + " \"" + listed.path("properties").path("displayName").asString(name)
                    + "\" of kind " + (kind.isEmpty() ? "(none)" : kind));
        }
        return new AsContent("Analytic Rules", new ArmToYaml().toYaml(new ArmToYaml.ArmItem(
                "Microsoft.SecurityInsights/alertRules", Optional.of(kind), name, listed.path("properties"), version)));
    }

    /**
     * The comparable form of a rule without a query: only the fields its content manages. What the service adds
     * (the template's display name, tactics, severity, Fusion's source settings) is neither sent nor compared.
     */
    private static ObjectNode builtIn(String kind, JsonNode properties) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        for (String f : BuiltInAlertRules.fields(kind)) {
            JsonNode v = properties == null ? null : properties.get(f);
            if (v == null || v.isNull() || (v.isContainer() && v.isEmpty())) continue;
            if (v.isArray()) {
                List<String> sorted = new ArrayList<>();
                v.forEach(e -> sorted.add(e.asString("")));
                sorted.sort(null);
                ArrayNode a = p.putArray(f);
                sorted.forEach(a::add);
            } else {
                p.set(f, v.deepCopy());
            }
        }
        if (!p.has("enabled")) p.put("enabled", true);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", kind);
        out.set("properties", p);
        return out;
    }
}
