package dev.sentinelctl.content;

import java.util.List;

/**
 * A KQL function saved in the workspace with an alias that queries call ({@code savedSearches} with
 * {@code functionAlias}). {@code name} is the display name; {@code id} the stable resource id.
 */
public record Parser(String id, String name, String description, String functionAlias, String category,
                     String version, List<ParserParameter> parameters, Query query, List<String> tags,
                     YamlDocument document) implements ContentItem {

    /** Category the native form defaults to (Azure-Sentinel's ASIM converter uses "ASIM" for its own). */
    public static final String DEFAULT_CATEGORY = "Parsers";

    /**
     * The native form's field order (docs/parsers.md), as {@code import} and {@code export} write it and {@code fmt}
     * puts it: who it is, what queries call, then its parameters right above the query that uses them.
     */
    public static final List<String> FIELD_ORDER = List.of("id", "name", "description", "functionAlias", "category",
            "version", "parameters", "query", "tags", "metadata");

    public Parser {
        parameters = List.copyOf(parameters);
        tags = List.copyOf(tags);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.PARSER;
    }

    @Override
    public List<String> tactics() {
        return List.of();
    }

    @Override
    public List<String> relevantTechniques() {
        return List.of();
    }

    @Override
    public List<DataConnector> requiredDataConnectors() {
        return List.of();
    }

    @Override
    public List<EntityMapping> entityMappings() {
        return List.of();
    }

    /** The {@code functionParameters} string the workspace stores, in Microsoft's converter's format. */
    public String functionParameters() {
        return ParserParameter.join(parameters);
    }
}
