package dev.sentinelctl.content;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Sentinel automation rule: the REST {@code properties} (displayName, order, triggeringLogic, actions) as
 * YAML, plus {@code id} (the resource name) and {@code analyticRules} (the rules whose incidents or alerts it acts on,
 * by content id or by file; expanded per workspace into the rule-ids condition). A RunPlaybook action names its
 * Logic App by {@code logicAppResourceId} or a content playbook by {@code playbook}.
 *
 * @param order        the rule's {@code order} (1–1000) when it is an integer
 * @param triggersOn   {@code Incidents} or {@code Alerts} (empty when missing)
 * @param properties   the file's fields without {@code id}, {@code analyticRules} and {@code version}, as written
 * @param analyticRules references to analytic rules, where they are written
 * @param playbooks    content playbook references of RunPlaybook actions ({@code actionConfiguration.playbook})
 */
public record AutomationRule(String id, String name, Optional<Integer> order, String triggersOn, ObjectNode properties,
                             List<ContentRef> analyticRules, List<PlaybookRef> playbooks, String version,
                             YamlDocument document) implements QuerylessItem {

    /** A RunPlaybook action's content playbook, by id or name, and where it is written. */
    public record PlaybookRef(String value, Span span) {
    }

    public AutomationRule {
        analyticRules = List.copyOf(analyticRules);
        playbooks = List.copyOf(playbooks);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.AUTOMATION_RULE;
    }

    /** Automation rules have no description field in the REST API. */
    @Override
    public String description() {
        return "";
    }

    /** No query: the KQL stages skip automation rules. */




}
