package dev.sentinelctl.arm;

import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentRef;
import dev.sentinelctl.content.playbook.PlaybookReferences;
import dev.sentinelctl.content.playbook.PlaybookResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An automation rule's REST body: the file's properties with {@code analyticRules} expanded into the rule-ids
 * condition (IncidentRelatedAnalyticRuleIds for incident triggers, AlertAnalyticRuleIds for alert triggers, operator
 * Contains, full resource ids) and each RunPlaybook action's {@code playbook} into its {@code logicAppResourceId}
 * (the forms a reference takes: {@link PlaybookReferences}).
 * {@link #toContent} is the inverse, for export and import.
 */
public final class AutomationRuleMapping {
    public static final String INCIDENT_RULES = "IncidentRelatedAnalyticRuleIds";
    public static final String ALERT_RULES = "AlertAnalyticRuleIds";

    private AutomationRuleMapping() {
    }

    /**
     * The content ids of the rule's analytic rules: file references resolved through the index, id references as
     * written.
     *
     * @throws IllegalArgumentException naming file and position when a file reference leads to no analytic rule
     *                                  (check reports it first, so a deployment never gets here with one)
     */
    public static List<String> analyticRuleIds(AutomationRule rule, ContentIndex content) {
        List<String> out = new ArrayList<>();
        String from = rule.document().source().displayPath();
        for (ContentRef ref : rule.analyticRules()) {
            Optional<ContentItem> hit = content.find(from, ref.value(), ref.kind());
            if (hit.isPresent() && hit.get().kind() == ref.kind()) {
                out.add(hit.get().id());
            } else if (ContentIndex.isPath(ref.value())) {
                throw new IllegalArgumentException(from + ":" + ref.span().line() + ":" + ref.span().column() + ": '"
                        + ref.value() + "' names no analytic rule in the content");
            } else {
                out.add(ref.value());
            }
        }
        return out;
    }

    public static ArmResource resource(AutomationRule rule, ContentIndex content, ReferenceIds ids, String apiVersion) {
        ObjectNode p = rule.properties().deepCopy();
        List<String> rules = analyticRuleIds(rule, content);
        if (!rules.isEmpty()) {
            JsonNode logic = p.get("triggeringLogic");
            if (logic instanceof ObjectNode l) {
                ArrayNode conditions = l.get("conditions") instanceof ArrayNode a ? a : l.putArray("conditions");
                ObjectNode c = conditions.addObject();
                c.put("conditionType", "Property");
                ObjectNode cp = c.putObject("conditionProperties");
                cp.put("propertyName", "Alerts".equals(rule.triggersOn()) ? ALERT_RULES : INCIDENT_RULES);
                cp.put("operator", "Contains");
                ArrayNode values = cp.putArray("propertyValues");
                rules.forEach(id -> values.add(ids.analyticRule(id)));
            }
        }
        if (p.get("actions") instanceof ArrayNode actions) {
            java.util.Iterator<AutomationRule.PlaybookRef> refs = rule.playbooks().iterator();
            for (JsonNode a : actions) {
                if (a.get("actionConfiguration") instanceof ObjectNode config && config.get("playbook") != null
                        && config.get("playbook").isString() && !config.get("playbook").asString().isBlank()
                        && refs.hasNext()) {
                    AutomationRule.PlaybookRef ref = refs.next();
                    config.remove("playbook");
                    config.put("logicAppResourceId", logicAppId(rule, ref, content, ids));
                }
            }
        }
        return new ArmResource(ArmResource.AUTOMATION_RULE_TYPE, apiVersion, Optional.empty(), rule.id(), rule.id(), p);
    }

    /**
     * The Logic App a {@code playbook:} reference runs: a full id as written, or the id of the Logic App the content
     * playbook's template creates, named as the template names it with the parameter file of the workspace
     * ({@link ReferenceIds#workspace()}), in the resource group the playbook is deployed to.
     *
     * @throws IllegalArgumentException naming file, line and column when the reference names no playbook of the
     *                                  content and no Logic App, or the Logic App's name is not known before deploying
     */
    public static String logicAppId(AutomationRule rule, AutomationRule.PlaybookRef ref, ContentIndex content,
            ReferenceIds ids) {
        String from = rule.document().source().displayPath();
        PlaybookReferences.Target target = PlaybookReferences.resolve(from, ref.value(), content);
        if (target instanceof PlaybookReferences.LogicAppId id) return id.id();
        if (target instanceof PlaybookReferences.Unresolved u) throw error(from, ref, "REF-playbook", u.message(), u.hint());
        PlaybookReferences.InContent in = (PlaybookReferences.InContent) target;
        List<PlaybookResources.Named> workflows = PlaybookResources.of(in.playbook(), ids.workspace()).workflows();
        Optional<String> name = in.workflow() < workflows.size() ? workflows.get(in.workflow()).name() : Optional.empty();
        if (name.isEmpty()) {
            throw error(from, ref, "REF-playbook", "cannot tell the name of the Logic App playbook "
                    + in.playbook().template().file() + " creates" + (ids.workspace() == null ? "" : " in workspace '"
                    + ids.workspace() + "'") + ": its name is "
                    + (in.workflow() < workflows.size() ? "'" + workflows.get(in.workflow()).expression() + "'" : "missing")
                    + ", and only literals, parameters(), variables() and concat() are evaluated before deploying",
                    "Name the Logic App with those, or write its full id as logicAppResourceId.");
        }
        return ids.playbook(name.get());
    }

    /**
     * A listed or exported automation rule back to content: {@code id}, the properties without what the service adds,
     * and the rule-ids condition as {@code analyticRules} (the last segment of each id, which is the rule's content id
     * when sentinelctl deployed it). Logic App ids stay ids.
     */
    public static ObjectNode toContent(String name, JsonNode properties) {
        ObjectNode out = ArmResources.JSON.objectNode();
        out.put("id", name);
        ObjectNode p = properties.isObject() ? (ObjectNode) properties.deepCopy() : ArmResources.JSON.objectNode();
        for (String f : List.of("createdTimeUtc", "lastModifiedTimeUtc", "createdBy", "lastModifiedBy")) p.remove(f);
        if (p.has("displayName")) out.set("displayName", p.remove("displayName"));
        if (p.has("order")) out.set("order", p.remove("order"));
        JsonNode conditions = p.path("triggeringLogic").get("conditions");
        if (conditions instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode cp = list.get(i).path("conditionProperties");
                String property = cp.path("propertyName").asString("");
                if ("Property".equals(list.get(i).path("conditionType").asString(""))
                        && (property.equals(INCIDENT_RULES) || property.equals(ALERT_RULES))
                        && "Contains".equals(cp.path("operator").asString(""))) {
                    ArrayNode refs = out.putArray("analyticRules");
                    for (JsonNode v : cp.path("propertyValues")) refs.add(lastSegment(v.asString("")));
                    list.remove(i);
                    break;
                }
            }
            if (list.isEmpty() && p.get("triggeringLogic") instanceof ObjectNode l) l.remove("conditions");
        }
        p.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The template escapes every {@code [..]} string as a literal; the ids the mapping wrote are expressions
     * ({@link ReferenceIds#TEMPLATE}) and are put back unescaped.
     */
    static void keepReferenceExpressions(ObjectNode written, ObjectNode escaped) {
        JsonNode conditions = written.path("triggeringLogic").path("conditions");
        for (int i = 0; i < conditions.size(); i++) {
            JsonNode cp = conditions.get(i).path("conditionProperties");
            String property = cp.path("propertyName").asString("");
            if ((property.equals(INCIDENT_RULES) || property.equals(ALERT_RULES))
                    && escaped.path("triggeringLogic").path("conditions").get(i).path("conditionProperties") instanceof ObjectNode e) {
                e.set("propertyValues", cp.path("propertyValues").deepCopy());
            }
        }
        JsonNode actions = written.path("actions");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode id = actions.get(i).path("actionConfiguration").get("logicAppResourceId");
            if (id != null && escaped.path("actions").get(i).path("actionConfiguration") instanceof ObjectNode e) {
                e.set("logicAppResourceId", id.deepCopy());
            }
        }
    }

    private static ReferenceError error(String file, AutomationRule.PlaybookRef ref, String rule, String message,
            String hint) {
        return new ReferenceError(new dev.sentinelctl.report.Diagnostic(rule, dev.sentinelctl.report.Severity.ERROR, file,
                ref.span().line(), ref.span().column(), ref.span().endLine(), ref.span().endColumn(), message, hint));
    }

    /** A rule id from a full resource id or a {@code resourceId(…, 'id')} expression. */
    public static String lastSegment(String id) {
        String s = id.trim();
        if (s.startsWith("[") && s.endsWith(")]")) {
            int end = s.lastIndexOf('\'');
            int start = end > 0 ? s.lastIndexOf('\'', end - 1) : -1;
            return start >= 0 ? s.substring(start + 1, end) : s;
        }
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }
}
