package dev.sentinelctl.content;

import java.util.List;

/**
 * An item read from a content file: hunting query, analytic rule (or one without a query), parser, automation rule,
 * workbook, Defender XDR custom detection, playbook (an ARM template), or a watchlist (an item only
 * for deployment: its query is empty, {@link ContentKind#isQueryItem()} is false and the checks never see it as one).
 * Fields absent in the file (or that a kind does not have: a parser has no tactics, an automation rule no query) are
 * empty, never null.
 */
public sealed interface ContentItem permits AnalyticRule, HuntingQuery, Parser, CustomDetection, QuerylessItem {

    ContentKind kind();

    String id();

    String name();

    String description();

    Query query();

    List<String> tactics();

    List<String> relevantTechniques();

    List<DataConnector> requiredDataConnectors();

    List<EntityMapping> entityMappings();

    String version();

    /** The file the item came from, for positions and links. */
    YamlDocument document();

    record DataConnector(String connectorId, List<String> dataTypes) {}

    record FieldMapping(String identifier, String columnName) {}

    record EntityMapping(String entityType, List<FieldMapping> fieldMappings) {}
}
