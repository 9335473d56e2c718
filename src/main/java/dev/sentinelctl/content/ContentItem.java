package dev.sentinelctl.content;

import java.util.List;

/** A hunting query or analytic rule read from a content file. Fields absent in the file are empty, never null. */
public sealed interface ContentItem permits AnalyticRule, HuntingQuery, Playbook {

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
