package dev.sentinelctl.content;

import java.util.List;

/**
 * A query-bearing item read from a content file: hunting query, analytic rule or parser. Fields absent in the file
 * (or that a kind does not have: a parser has no tactics) are empty, never null. Watchlists carry no query and are
 * their own record ({@link Watchlist}).
 */
public sealed interface ContentItem permits AnalyticRule, HuntingQuery, Parser {

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
