package dev.sentinelctl.content;

import java.util.List;

/**
 * A content item that runs no query of its own (a workbook, playbook, watchlist, automation rule, or an alert rule
 * Sentinel runs from a template): it has no query, no ATT&CK mapping, no connectors and no entities to check.
 */
public sealed interface QuerylessItem extends ContentItem permits AutomationRule, Watchlist, BuiltInAlertRule, Workbook, Playbook {
    @Override
    default Query query() {
        return Query.of("");
    }

    @Override
    default List<String> tactics() {
        return List.of();
    }

    @Override
    default List<String> relevantTechniques() {
        return List.of();
    }

    @Override
    default List<DataConnector> requiredDataConnectors() {
        return List.of();
    }

    @Override
    default List<EntityMapping> entityMappings() {
        return List.of();
    }
}
