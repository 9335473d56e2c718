package dev.sentinelctl.check;

import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the schema cannot say about an automation rule: which condition properties belong to which condition type,
 * which action configuration to which action type (AutomationRules.json 2025-09-01), actions an alert trigger cannot
 * run, and an expiration that has passed. The schema has already reported types and enums.
 */
public final class AutomationRuleChecks implements ItemCheck {
    /** Per condition type: the conditionProperties it requires, and those it may have besides. */
    private record Shape(Set<String> required, Set<String> optional) {
        boolean allows(String field) {
            return required.contains(field) || optional.contains(field);
        }
    }

    private static final Map<String, Shape> CONDITIONS = Map.of(
            "Property", new Shape(Set.of("propertyName", "operator", "propertyValues"), Set.of()),
            "PropertyArray", new Shape(Set.of("arrayType", "arrayConditionType", "itemConditions"), Set.of()),
            "PropertyChanged", new Shape(Set.of("propertyName", "changeType", "operator", "propertyValues"), Set.of()),
            "PropertyArrayChanged", new Shape(Set.of("arrayType", "changeType"), Set.of()),
            "Boolean", new Shape(Set.of("operator", "innerConditions"), Set.of()));
    private static final Set<String> COMPARISONS = Set.of("Equals", "NotEquals", "Contains", "NotContains", "StartsWith",
            "NotStartsWith", "EndsWith", "NotEndsWith");
    private static final Set<String> CHANGED_PROPERTIES = Set.of("IncidentSeverity", "IncidentStatus", "IncidentOwner");
    private static final Set<String> ARRAY_CHANGED = Set.of("Alerts", "Labels", "Tactics", "Comments");
    private static final Set<String> ARRAY = Set.of("CustomDetails", "CustomDetailValues");
    private static final Map<String, Shape> ACTIONS = Map.of(
            "ModifyProperties", new Shape(Set.of(), Set.of("severity", "status", "classification", "classificationReason",
                    "classificationComment", "owner", "labels")),
            "RunPlaybook", new Shape(Set.of(), Set.of("logicAppResourceId", "playbook", "tenantId")),
            "AddIncidentTask", new Shape(Set.of("title"), Set.of("description")));

    private final Clock clock;

    public AutomationRuleChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (!(context.item() instanceof AutomationRule rule)) return List.of();
        Findings out = new Findings(rule.document());
        JsonNode root = rule.document().root();
        JsonNode conditions = root.path("triggeringLogic").get("conditions");
        if (conditions != null && conditions.isArray()) {
            for (int i = 0; i < conditions.size(); i++) {
                condition(conditions.get(i), "/triggeringLogic/conditions/" + i, out);
            }
        }
        actions(root.get("actions"), rule.triggersOn(), out);
        expiration(root.path("triggeringLogic").get("expirationTimeUtc"), out);
        return out.list;
    }

    private static void condition(JsonNode c, String at, Findings out) {
        String type = c.path("conditionType").asString("");
        JsonNode props = c.get("conditionProperties");
        Shape shape = CONDITIONS.get(type);
        if (shape == null || props == null || !props.isObject()) return; // the schema has said so
        for (String field : props.propertyNames()) {
            if (!shape.allows(field)) {
                out.error("AUTO-condition", at + "/conditionProperties/" + field, true, "'" + field
                        + "' does not apply to a " + type + " condition; it takes " + String.join(", ", sorted(shape.required())),
                        "Remove `" + field + "`, or change conditionType to the condition it belongs to.");
            }
        }
        for (String field : sorted(shape.required())) {
            if (!props.has(field)) {
                out.error("AUTO-condition", at + "/conditionProperties", true, "a " + type + " condition needs '" + field + "'",
                        "Add `" + field + ":` under conditionProperties.");
            }
        }
        String operator = props.path("operator").asString(null);
        String property = props.path("propertyName").asString(null);
        String arrayType = props.path("arrayType").asString(null);
        String changeType = props.path("changeType").asString(null);
        switch (type) {
            case "Property", "PropertyChanged" -> {
                if (operator != null && !COMPARISONS.contains(operator)) {
                    out.error("AUTO-condition", at + "/conditionProperties/operator", false, "operator " + operator
                            + " is for Boolean conditions; a " + type + " condition compares with " + String.join(", ", sorted(COMPARISONS)),
                            "Use a comparison operator such as Equals or Contains.");
                }
                JsonNode values = props.get("propertyValues");
                if (values != null && values.isArray() && values.isEmpty()) {
                    out.error("AUTO-condition", at + "/conditionProperties/propertyValues", false,
                            "propertyValues is empty, so the condition never matches", "List at least one value.");
                }
                if (type.equals("PropertyChanged")) {
                    if (property != null && !CHANGED_PROPERTIES.contains(property)) {
                        out.error("AUTO-condition", at + "/conditionProperties/propertyName", false, "a PropertyChanged condition "
                                + "watches IncidentSeverity, IncidentStatus or IncidentOwner, not " + property,
                                "Use one of those, or a Property condition.");
                    }
                    if (changeType != null && !changeType.equals("ChangedFrom") && !changeType.equals("ChangedTo")) {
                        out.error("AUTO-condition", at + "/conditionProperties/changeType", false,
                                "a PropertyChanged condition's changeType is ChangedFrom or ChangedTo, not " + changeType,
                                "Use ChangedFrom or ChangedTo.");
                    }
                } else if ("IncidentOwner".equals(property)) {
                    out.error("AUTO-condition", at + "/conditionProperties/propertyName", false, "IncidentOwner is only "
                            + "watched by PropertyChanged conditions", "Use conditionType: PropertyChanged.");
                }
            }
            case "PropertyArrayChanged" -> {
                if (arrayType != null && !ARRAY_CHANGED.contains(arrayType)) {
                    out.error("AUTO-condition", at + "/conditionProperties/arrayType", false, "a PropertyArrayChanged "
                            + "condition watches Alerts, Labels, Tactics or Comments, not " + arrayType, "Use one of those.");
                }
                if (changeType != null && !changeType.equals("Added")) {
                    out.error("AUTO-condition", at + "/conditionProperties/changeType", false,
                            "a PropertyArrayChanged condition's changeType is Added, not " + changeType, "Use `changeType: Added`.");
                }
            }
            case "PropertyArray" -> {
                if (arrayType != null && !ARRAY.contains(arrayType)) {
                    out.error("AUTO-condition", at + "/conditionProperties/arrayType", false, "a PropertyArray condition's "
                            + "arrayType is CustomDetails or CustomDetailValues, not " + arrayType, "Use one of those.");
                }
                nested(props.get("itemConditions"), at + "/conditionProperties/itemConditions", out);
            }
            case "Boolean" -> {
                if (operator != null && !operator.equals("And") && !operator.equals("Or")) {
                    out.error("AUTO-condition", at + "/conditionProperties/operator", false,
                            "a Boolean condition joins with And or Or, not " + operator, "Use And or Or.");
                }
                nested(props.get("innerConditions"), at + "/conditionProperties/innerConditions", out);
            }
            default -> {
            }
        }
    }

    private static void nested(JsonNode list, String at, Findings out) {
        if (list == null || !list.isArray()) return;
        for (int i = 0; i < list.size(); i++) condition(list.get(i), at + "/" + i, out);
    }

    private static void actions(JsonNode actions, String triggersOn, Findings out) {
        if (actions == null || !actions.isArray()) return;
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            JsonNode a = actions.get(i);
            String at = "/actions/" + i;
            String type = a.path("actionType").asString("");
            JsonNode order = a.get("order");
            if (order != null && order.isIntegralNumber() && !orders.add(order.intValue())) {
                out.add("AUTO-action-order", Severity.WARNING, at + "/order", false, "another action of this rule has order "
                        + order.intValue() + ", so which runs first is not defined", "Give every action its own order.");
            }
            if (triggersOn.equals("Alerts") && !type.isEmpty() && !type.equals("RunPlaybook")) {
                out.error("AUTO-alert-action", at + "/actionType", false, "a rule triggered by alerts can only run "
                        + "playbooks, not " + type, "Use RunPlaybook, or trigger the rule on Incidents.");
            }
            Shape shape = ACTIONS.get(type);
            JsonNode config = a.get("actionConfiguration");
            if (shape == null || config == null || !config.isObject()) continue;
            for (String field : config.propertyNames()) {
                if (!shape.allows(field)) {
                    out.error("AUTO-action", at + "/actionConfiguration/" + field, true, "'" + field + "' does not apply to "
                            + article(type) + " " + type + " action; it takes " + String.join(", ", sorted(union(shape))),
                            "Remove `" + field + "`, or put it in an action of the type it belongs to.");
                }
            }
            for (String field : sorted(shape.required())) {
                if (!config.has(field)) {
                    out.error("AUTO-action", at + "/actionConfiguration", true, article(type) + " " + type + " action needs '" + field + "'",
                            "Add `" + field + ":` under actionConfiguration.");
                }
            }
            switch (type) {
                case "ModifyProperties" -> {
                    if (config.isEmpty()) {
                        out.error("AUTO-action", at + "/actionConfiguration", true, "a ModifyProperties action that "
                                + "changes nothing", "Set severity, status, owner, labels or a classification.");
                    }
                    if ("Closed".equals(config.path("status").asString(null)) && !config.has("classification")) {
                        out.error("AUTO-action", at + "/actionConfiguration/status", false, "closing an incident "
                                + "needs a classification", "Add `classification:` (and `classificationReason:`).");
                    }
                }
                case "RunPlaybook" -> {
                    boolean id = config.has("logicAppResourceId");
                    boolean ref = config.has("playbook");
                    if (id == ref) {
                        out.error("AUTO-action", at + "/actionConfiguration", true, id
                                ? "both logicAppResourceId and playbook: a RunPlaybook action runs one playbook"
                                : "a RunPlaybook action needs the playbook it runs",
                                "Write `logicAppResourceId:` (an existing Logic App) or `playbook:` (a playbook in the content), not both.");
                    }
                }
                default -> {
                }
            }
        }
    }

    private void expiration(JsonNode node, Findings out) {
        if (node == null || !node.isString()) return;
        String at = "/triggeringLogic/expirationTimeUtc";
        OffsetDateTime when;
        try {
            when = OffsetDateTime.parse(node.asString());
        } catch (DateTimeParseException e) {
            out.error("AUTO-expiration", at, false, "expirationTimeUtc '" + node.asString() + "' is not a date and time "
                    + "with an offset", "Write it like 2027-01-31T00:00:00Z.");
            return;
        }
        if (when.toInstant().isBefore(clock.instant())) {
            out.add("AUTO-expired", Severity.WARNING, at, false, "the rule expired at " + node.asString()
                    + ": Sentinel keeps it but never runs it", "Move expirationTimeUtc into the future, or delete the rule.");
        }
    }

    private static String article(String type) {
        return type.startsWith("A") ? "an" : "a";
    }

    private static Set<String> union(Shape s) {
        Set<String> all = new HashSet<>(s.required());
        all.addAll(s.optional());
        return all;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** Findings at JSON pointers of one document. */
    private static final class Findings {
        private final YamlDocument doc;
        private final List<Diagnostic> list = new ArrayList<>();

        Findings(YamlDocument doc) {
            this.doc = doc;
        }

        void error(String rule, String pointer, boolean atKey, String message, String hint) {
            add(rule, Severity.ERROR, pointer, atKey, message, hint);
        }

        void add(String rule, Severity severity, String pointer, boolean atKey, String message, String hint) {
            Span s = doc.spanOf(pointer, atKey);
            list.add(new Diagnostic(rule, severity, doc.source().displayPath(), s.line(), s.column(), s.endLine(),
                    s.endColumn(), message, hint));
        }
    }
}
