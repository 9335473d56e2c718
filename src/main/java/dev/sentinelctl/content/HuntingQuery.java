package dev.sentinelctl.content;

import java.util.List;

/** A hunting query (deployed as a Log Analytics saved search in the "Hunting Queries" category). */
public record HuntingQuery(String id, String name, String description, String descriptionDetailed, Query query,
                           List<String> tactics, List<String> relevantTechniques,
                           List<DataConnector> requiredDataConnectors, List<EntityMapping> entityMappings,
                           String version, List<String> tags, YamlDocument document) implements ContentItem {

    public HuntingQuery {
        tactics = List.copyOf(tactics);
        relevantTechniques = List.copyOf(relevantTechniques);
        requiredDataConnectors = List.copyOf(requiredDataConnectors);
        entityMappings = List.copyOf(entityMappings);
        tags = List.copyOf(tags);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.HUNTING_QUERY;
    }
}
