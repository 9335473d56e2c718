package dev.sentinelctl.deploy.kinds.automationrule;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.AutomationRuleMapping;
import dev.sentinelctl.arm.ReferenceError;
import dev.sentinelctl.arm.ReferenceIds;
import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.playbook.PlaybookReferences;
import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.ExternalReference;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Placement;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind;
import dev.sentinelctl.deploy.kinds.playbook.PlaybookKind;
import dev.sentinelctl.deploy.sandbox.AutomationRuleValidator;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Automation rules ({@code Microsoft.SecurityInsights/automationRules}). The body names analytic rules and Logic Apps by
 * full resource id, so it is made per workspace ({@link Placement}); both are edges, so apply writes the rules (and
 * content playbooks) first, and prune, walking the table backwards, deletes automation rules before them.
 */
public final class AutomationRuleKind extends DescribedKind implements DeployableKind {
    private static final SandboxResourceType SANDBOX = SandboxResourceType.sentinel("automationRules",
            new AutomationRuleValidator());
    private static final Scope SCOPE = new Scope.WorkspaceChild("providers/Microsoft.SecurityInsights/automationRules");
    private static final Ownership OWNERSHIP = new Ownership.SentinelMetadata("AutomationRule");
    private static final List<String> READ_ONLY = List.of("createdTimeUtc", "lastModifiedTimeUtc", "createdBy",
            "lastModifiedBy", "provisioningState");

    /** Created after the constants above, which its facts read. */
    public static final AutomationRuleKind INSTANCE = new AutomationRuleKind();

    private AutomationRuleKind() {
        super(new KindFacts("automation-rule",
                "automation rule",
                "automationRules",
                ArmApiVersion.AUTOMATION_RULES,
                "newest GA of Microsoft.SecurityInsights; the first GA with AddIncidentTask and every condition type "
                + "content uses (AutomationRules.json 2025-09-01)",
                SCOPE,
                SANDBOX));
    }

    @Override
    public ContentKind contentKind() {
        return ContentKind.AUTOMATION_RULE;
    }

    /** The template form (references as {@code resourceId()} expressions); a deployment uses the placed one. */
    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        return mapping.resourceFor(item);
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item, Placement placement) {
        try {
            return AutomationRuleMapping.resource((AutomationRule) item, placement.content(), ids(placement.workspace()),
                    ArmApiVersion.AUTOMATION_RULES);
        } catch (ReferenceError e) {
            throw new ContentErrors(List.of(e.diagnostic()));
        }
    }

    /** Full ids in the workspace: its alert rules, and Logic Apps of content playbooks in its resource group. */
    static ReferenceIds ids(WorkspaceConfig ws) {
        return new ReferenceIds() {
            @Override
            public String analyticRule(String ruleId) {
                return AlertRuleKind.INSTANCE.scope().resourceId(ws, ruleId);
            }

            /** A playbook's deployment runs in the workspace's resource group, so its Logic Apps are there. */
            @Override
            public String playbook(String name) {
                return "/subscriptions/" + ws.subscription() + "/resourceGroups/" + ws.resourceGroup()
                        + "/providers/Microsoft.Logic/workflows/" + name;
            }

            @Override
            public String workspace() {
                return ws.workspace();
            }
        };
    }

    /**
     * Without a workspace: a content playbook is named by its content id. The engine asks {@link #dependencies(ContentItem,
     * Placement)}, where it is the deployment the playbook kind names per workspace.
     */
    @Override
    public List<Edge> dependencies(ContentItem item, ContentIndex content) {
        return edges((AutomationRule) item, content, Playbook::id);
    }

    /** The analytic rules it names, and the deployment of each content playbook it runs in this workspace. */
    @Override
    public List<Edge> dependencies(ContentItem item, Placement placement) {
        return edges((AutomationRule) item, placement.content(),
                p -> PlaybookKind.deploymentName(p.id(), placement.workspace()));
    }

    private static List<Edge> edges(AutomationRule rule, ContentIndex content, Function<Playbook, String> deployment) {
        String file = rule.document().source().displayPath();
        List<Edge> out = new ArrayList<>();
        List<String> ids = AutomationRuleMapping.analyticRuleIds(rule, content);
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Edge(AlertRuleKind.INSTANCE.id(), ids.get(i), "acts on its incidents, analyticRules at "
                    + at(file, rule.analyticRules().get(i).span())));
        }
        for (AutomationRule.PlaybookRef p : rule.playbooks()) {
            // A Logic App by id is outside the content: nothing to order. An unresolved reference fails the mapping.
            if (PlaybookReferences.resolve(file, p.value(), content) instanceof PlaybookReferences.InContent in) {
                out.add(new Edge(PlaybookKind.INSTANCE.id(), deployment.apply(in.playbook()), "runs playbook "
                        + in.playbook().template().file() + ", playbook at " + at(file, p.span())));
            }
        }
        return out;
    }

    /**
     * Each RunPlaybook Logic App named by full id that is not a Logic App of a content playbook in this workspace's
     * resource group: Sentinel stores the id as sent, so a wrong one fails only when the rule runs.
     */
    @Override
    public List<ExternalReference> externalReferences(ContentItem item, Placement placement) {
        AutomationRule rule = (AutomationRule) item;
        String file = rule.document().source().displayPath();
        // A Logic App by id: written as logicAppResourceId, or as a playbook reference that is a full id.
        List<AutomationRule.PlaybookRef> byId = new ArrayList<>();
        for (AutomationRule.PlaybookRef p : rule.playbooks()) {
            if (PlaybookReferences.resolve(file, p.value(), placement.content()) instanceof PlaybookReferences.LogicAppId) byId.add(p);
        }
        JsonNode actions = rule.properties().path("actions");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode id = actions.get(i).path("actionConfiguration").get("logicAppResourceId");
            if (id == null || !id.isString() || id.asString().isBlank()) continue;
            byId.add(new AutomationRule.PlaybookRef(id.asString().trim(),
                    rule.document().spanOf("/actions/" + i + "/actionConfiguration/logicAppResourceId", false)));
        }
        if (byId.isEmpty()) return List.of();
        java.util.Set<String> contentWorkflows = contentWorkflows(placement);
        List<ExternalReference> out = new ArrayList<>();
        for (AutomationRule.PlaybookRef p : byId) {
            String full = p.value();
            if (!PlaybookReferences.isLogicAppId(full) || contentWorkflows.contains(full.toLowerCase(Locale.ROOT))) continue;
            out.add(new ExternalReference(full, "Logic App", full.substring(full.lastIndexOf('/') + 1), at(file, p.span())));
        }
        return out;
    }

    /** Lower-case ids of the Logic Apps the content's playbooks create in the workspace's resource group. */
    private static java.util.Set<String> contentWorkflows(Placement placement) {
        java.util.Set<String> out = new java.util.HashSet<>();
        ReferenceIds ids = ids(placement.workspace());
        for (ContentItem c : placement.content().items(ContentKind.PLAYBOOK)) {
            for (var w : dev.sentinelctl.content.playbook.PlaybookResources.of((Playbook) c, placement.workspace().workspace()).workflows()) {
                w.name().ifPresent(n -> out.add(ids.playbook(n).toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private static String at(String file, Span span) {
        return file + ":" + span.line() + ":" + span.column();
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    /**
     * Without what the service adds; resource ids by lower case (ARM may change their case); actions by order and
     * conditions in the order written (Sentinel keeps both as sent).
     */
    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        ObjectNode p = properties != null && properties.isObject() ? (ObjectNode) properties.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        READ_ONLY.forEach(p::remove);
        lowerIds(p.path("triggeringLogic").path("conditions"));
        if (p.get("actions") instanceof ArrayNode actions) {
            List<JsonNode> sorted = new ArrayList<>();
            actions.forEach(sorted::add);
            sorted.sort(Comparator.comparingInt(a -> a.path("order").asInt(0)));
            ArrayNode a = p.putArray("actions");
            for (JsonNode action : sorted) {
                if (action.get("actionConfiguration") instanceof ObjectNode c && c.get("logicAppResourceId") != null) {
                    c.put("logicAppResourceId", c.get("logicAppResourceId").asString("").toLowerCase(Locale.ROOT));
                }
                a.add(action);
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("properties", p);
        return out;
    }

    private static void lowerIds(JsonNode conditions) {
        if (!conditions.isArray()) return;
        for (JsonNode c : conditions) {
            JsonNode cp = c.path("conditionProperties");
            String property = cp.path("propertyName").asString("");
            if ((property.equals(AutomationRuleMapping.INCIDENT_RULES) || property.equals(AutomationRuleMapping.ALERT_RULES))
                    && cp.get("propertyValues") instanceof ArrayNode values) {
                for (int i = 0; i < values.size(); i++) values.set(i, values.get(i).asString("").toLowerCase(Locale.ROOT));
            }
            lowerIds(cp.path("innerConditions"));
        }
    }

    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        ObjectNode yaml = AutomationRuleMapping.toContent(nameInList(listed), listed.path("properties"));
        version.ifPresent(v -> yaml.put("version", v));
        return new AsContent("Automation Rules", yaml);
    }
}
